// Keeps the gateway's routing table and revision directory in step with the registry, as an
// informer does: subscribe, list once, then apply change events. Events are delivered after their
// write commits, so events for writes the initial list already saw can still arrive; they are the
// ones with a resourceVersion at or below the list's, and are skipped.

import type { Revision, Route } from "../../lib/knative/types";
import type { ChangeEvent, Registry } from "../core/registry";
import { CONFIGMAPS, REVISIONS, ROUTES, SECRETS } from "../core/resources";
import type { RevisionDirectory } from "./revision-directory";
import type { RoutingTable } from "./routing-table";

export function syncFromRegistry(registry: Registry, table: RoutingTable, revisions: RevisionDirectory): () => void {
  const unsubscribe = registry.subscribe((event) => {
    if (event.resourceVersion > listedAt) apply(event);
  });
  // list() and resourceVersion() run in the same tick: no write can fall between them.
  const listedAt = registry.resourceVersion();
  for (const revision of registry.list<Revision>(REVISIONS)) addRevision(revision);
  for (const route of registry.list<Route>(ROUTES)) table.setRoute(route);
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
      case CONFIGMAPS:
      case SECRETS:
        revisions.forgetApps(namespace);
        return;
    }
  }
}
