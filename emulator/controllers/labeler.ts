// The labeler (serving: pkg/reconciler/labeler/metasync.go, accessors.go): Revisions and
// Configurations a Route refers to carry the route's name in the `serving.knative.dev/routes`
// annotation; Revisions also carry `serving.knative.dev/routingState` (`active` while some
// route refers to them, `reserve` once none does) and the time it last changed. The real
// labeler clears a deleted Route's names through a finalizer; here the deletion event does it.

import { isDeepStrictEqual } from "node:util";
import { isFailed, isReady, type Clock } from "../../lib/knative/conditions";
import { ANNOTATION_ROUTES, LABEL_ROUTING_STATE } from "../../lib/knative/labels";
import type { Configuration, KubeObject, Revision, Route } from "../../lib/knative/types";
import { ApiError } from "../core/errors";
import { CONTROLLER, type Registry } from "../core/registry";
import { CONFIGURATIONS, REVISIONS, ROUTES, type ResourceType } from "../core/resources";
import { setRoutingState } from "./configuration";
import { controllerOf } from "./ownership";
import { listAnnotation } from "./service-resources";

export interface LabelerOptions {
  registry: Registry;
  clock: Clock;
}

export function reconcileLabels(opts: LabelerOptions, namespace: string, routeName: string): void {
  const { registry } = opts;
  const route = registry.get<Route>(ROUTES, namespace, routeName);
  if (!route) {
    clearNotListed(opts, REVISIONS, namespace, routeName, new Set());
    clearNotListed(opts, CONFIGURATIONS, namespace, routeName, new Set());
    return;
  }
  const revisions = new Set<string>();
  const configurations = new Set<string>();
  for (const tt of [...(route.status?.traffic ?? []), ...(route.spec.traffic ?? [])]) {
    let configName = tt.configurationName;
    if (tt.revisionName) {
      const rev = registry.get<Revision>(REVISIONS, namespace, tt.revisionName);
      if (!rev) continue;
      revisions.add(tt.revisionName);
      const owner = controllerOf(rev);
      if (owner?.kind === "Configuration") configName = owner.name;
    }
    if (configName) {
      const config = registry.get<Configuration>(CONFIGURATIONS, namespace, configName);
      if (!config) continue;
      configurations.add(configName);
      const latestCreated = config.status?.latestCreatedRevisionName;
      if (latestCreated && tt.latestRevision) revisions.add(latestCreated);
    }
  }
  if (isReady(route) || isFailed(route)) {
    clearNotListed(opts, REVISIONS, namespace, routeName, revisions);
    clearNotListed(opts, CONFIGURATIONS, namespace, routeName, configurations);
  }
  for (const name of revisions) setRoutingMeta(opts, REVISIONS, namespace, name, routeName, false);
  for (const name of configurations) setRoutingMeta(opts, CONFIGURATIONS, namespace, name, routeName, false);
}

/** Removes the route from objects that list it but are no longer referred to. */
function clearNotListed(opts: LabelerOptions, type: ResourceType, namespace: string, routeName: string, keep: Set<string>): void {
  // Revisions are found through routingState=active (accessors.go list); Configurations by annotation.
  const selector = type === REVISIONS ? { [LABEL_ROUTING_STATE]: "active" } : undefined;
  for (const obj of opts.registry.view(type, namespace, selector)) {
    const name = obj.metadata.name!;
    if (keep.has(name) || !listAnnotation(obj.metadata.annotations, ANNOTATION_ROUTES).has(routeName)) continue;
    setRoutingMeta(opts, type, namespace, name, routeName, true);
  }
}

/** makeMetadataPatch applied as a merge patch: the routes annotation, and routingState for Revisions. */
function setRoutingMeta(opts: LabelerOptions, type: ResourceType, namespace: string, name: string, routeName: string, remove: boolean): void {
  const obj = opts.registry.get<KubeObject>(type, namespace, name);
  if (!obj) return;
  const updated = structuredClone(obj);
  const annotations = (updated.metadata.annotations ??= {});
  const routes = listAnnotation(annotations, ANNOTATION_ROUTES);
  if (remove) routes.delete(routeName);
  else routes.add(routeName);
  if (routes.size === 0) delete annotations[ANNOTATION_ROUTES];
  else annotations[ANNOTATION_ROUTES] = [...routes].sort().join(",");
  if (type === REVISIONS) setRoutingState(updated as Revision, routes.size > 0 ? "active" : "reserve", opts.clock());
  if (Object.keys(annotations).length === 0) delete updated.metadata.annotations;
  if (isDeepStrictEqual(updated.metadata, obj.metadata)) return;
  try {
    opts.registry.update(type, updated, CONTROLLER);
  } catch (err) {
    // Gone meanwhile (garbage collection of a deleted Service): nothing left to label.
    if (!(err instanceof ApiError && err.code === 404)) throw err;
  }
}
