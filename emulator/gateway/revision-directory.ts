// The revisions the gateway can send requests to, kept from Revision change events: whether each
// has a ready pod (else the activator must bring one up first) and its application, built on first
// use. A revision's spec is immutable, so its application lives as long as the revision does;
// only a change to a ConfigMap or Secret in its namespace (which env may reference) rebuilds it,
// which also restarts its ERROR_RATE sequence.

import { getCondition } from "../../lib/knative/conditions";
import type { Revision } from "../../lib/knative/types";
import { DEFAULT_REVISION_TIMEOUT_SECONDS } from "../../lib/knative/validation/config";
import type { Registry } from "../core/registry";
import { createRevisionApp, type RevisionApp } from "../runtime/apps";
import { resolveContainerEnv } from "../runtime/container-env";

export class RevisionEntry {
  private builtApp: RevisionApp | undefined;
  hasReadyPod = false;
  timeoutMs = DEFAULT_REVISION_TIMEOUT_SECONDS * 1000;

  constructor(
    readonly namespace: string,
    readonly name: string,
    readonly uid: string | undefined,
    private readonly registry: Registry,
    private revision: Revision,
  ) {
    this.update(revision);
  }

  update(revision: Revision): void {
    this.revision = revision;
    this.hasReadyPod = hasReadyPod(revision);
    this.timeoutMs = (revision.spec?.timeoutSeconds ?? DEFAULT_REVISION_TIMEOUT_SECONDS) * 1000;
  }

  app(): RevisionApp {
    return (this.builtApp ??= createRevisionApp(this.revision, resolveContainerEnv(this.revision, this.registry)));
  }

  forgetApp(): void {
    this.builtApp = undefined;
  }
}

/**
 * A revision serves without the activator when it has a ready pod: `status.actualReplicas > 0`
 * and its Active condition is not False (False means scaled to zero, reason NoTraffic).
 */
export function hasReadyPod(revision: Revision): boolean {
  const active = getCondition(revision.status, "Active");
  return (revision.status?.actualReplicas ?? 0) > 0 && active?.status !== "False";
}

export class RevisionDirectory {
  private readonly entries = new Map<string, RevisionEntry>();

  constructor(private readonly registry: Registry) {}

  get(namespace: string, name: string): RevisionEntry | undefined {
    return this.entries.get(`${namespace}/${name}`);
  }

  set(revision: Revision): void {
    const namespace = revision.metadata.namespace ?? "default";
    const name = revision.metadata.name ?? "";
    const key = `${namespace}/${name}`;
    const existing = this.entries.get(key);
    if (existing && existing.uid === revision.metadata.uid) existing.update(revision);
    else this.entries.set(key, new RevisionEntry(namespace, name, revision.metadata.uid, this.registry, revision));
  }

  remove(namespace: string, name: string): void {
    this.entries.delete(`${namespace}/${name}`);
  }

  /** A ConfigMap or Secret changed: env resolved from it may be stale. */
  forgetApps(namespace: string): void {
    for (const entry of this.entries.values()) if (entry.namespace === namespace) entry.forgetApp();
  }
}
