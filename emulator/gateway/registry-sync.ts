// Keeps the gateway's routing table, revision directory and ready pods in step with the registry,
// as an informer does: subscribe, list once, then apply change events. Events are delivered after their
// write commits, so events for writes the initial list already saw can still arrive; they are the
// ones with a resourceVersion at or below the list's, and are skipped.

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

export function syncFromRegistry(registry: Registry, table: RoutingTable, revisions: RevisionDirectory, pods: ReadyPods): () => void {
  const unsubscribe = registry.subscribe((event) => {
    if (event.resourceVersion > listedAt) apply(event);
  });
  // list() and resourceVersion() run in the same tick: no write can fall between them.
  const listedAt = registry.resourceVersion();
  for (const revision of registry.list<Revision>(REVISIONS)) addRevision(revision);
  for (const route of registry.list<Route>(ROUTES)) table.setRoute(route);
  for (const pod of registry.list(PODS)) pods.set(pod);
  table.tagHeaderRouting = tagHeaderRoutingEnabled(registry.get<ConfigMap>(CONFIGMAPS, KNATIVE_SERVING, CONFIG_FEATURES)?.data);
  return unsubscribe;

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
