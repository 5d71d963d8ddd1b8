// Keeps the gateway's routing table, revision directory and ready pods in step with the registry,
// as an informer does: subscribe, list once, then apply change events. Events are delivered after their
// write commits, so events for writes the initial list already saw can still arrive; they are the
// ones with a resourceVersion at or below the list's, and are skipped.
//
// The view trails the registry by one delivery (events go out in a setImmediate after the
// commit): `caughtUp()` is how a request that waited for something to happen in the registry (an
// activation: a pod turned Ready) waits for the view to see it too.

import { CONFIG_FEATURES, tagHeaderRoutingEnabled } from "../../lib/knative/route-tag";
import type { KubeObject, Revision, Route } from "../../lib/knative/types";
import type { ChangeEvent, Registry } from "../core/registry";
import { CONFIGMAPS, PODS, REVISIONS, ROUTES, SECRETS } from "../core/resources";
import type { ReadyPods } from "./ready-pods";
import type { RevisionDirectory } from "./revision-directory";
import type { RoutingTable } from "./routing-table";

/** Where Knative's own ConfigMaps live (its system namespace). */
const KNATIVE_SERVING = "knative-serving";

type ConfigMap = KubeObject & { data?: Record<string, string> };

export interface RegistrySync {
  stop(): void;
  /** Settles once the view has applied every write the registry committed before the call. */
  caughtUp(): Promise<void>;
}

export function syncFromRegistry(registry: Registry, table: RoutingTable, revisions: RevisionDirectory, pods: ReadyPods): RegistrySync {
  const waiters: Array<{ resourceVersion: number; resolve: () => void }> = [];
  const unsubscribe = registry.subscribe((event) => {
    if (event.resourceVersion > listedAt) apply(event);
    applied = Math.max(applied, event.resourceVersion);
    for (let i = waiters.length - 1; i >= 0; i--) if (waiters[i]!.resourceVersion <= applied) waiters.splice(i, 1)[0]!.resolve();
  });
  // list() and resourceVersion() run in the same tick: no write can fall between them.
  const listedAt = registry.resourceVersion();
  let applied = listedAt;
  for (const revision of registry.list<Revision>(REVISIONS)) addRevision(revision);
  for (const route of registry.list<Route>(ROUTES)) table.setRoute(route);
  for (const pod of registry.list(PODS)) pods.set(pod);
  table.tagHeaderRouting = tagHeaderRoutingEnabled(registry.get<ConfigMap>(CONFIGMAPS, KNATIVE_SERVING, CONFIG_FEATURES)?.data);
  return {
    stop: unsubscribe,
    caughtUp() {
      const resourceVersion = registry.resourceVersion();
      if (applied >= resourceVersion) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ resourceVersion, resolve }));
    },
  };

  function addRevision(revision: Revision): void {
    revisions.set(revision);
    table.setRevision(revision.metadata.namespace ?? "default", revision.metadata.name ?? "");
  }

  function apply(event: ChangeEvent): void {
    const { namespace = "default", name = "" } = event.object.metadata;
    const deleted = event.type === "DELETED";
    switch (event.resourceType) {
      case ROUTES:
        if (deleted) table.removeRoute(namespace, name);
        else table.setRoute(event.object as Route);
        return;
      case REVISIONS:
        if (deleted) {
          revisions.remove(namespace, name);
          table.removeRevision(namespace, name);
        } else addRevision(event.object as Revision);
        return;
      case PODS:
        if (deleted) pods.delete(event.object);
        else pods.set(event.object);
        return;
      case CONFIGMAPS:
        if (namespace === KNATIVE_SERVING && name === CONFIG_FEATURES) {
          table.tagHeaderRouting = !deleted && tagHeaderRoutingEnabled((event.object as ConfigMap).data);
        }
        revisions.forgetApps(namespace);
        return;
      case SECRETS:
        revisions.forgetApps(namespace);
        return;
    }
  }
}
