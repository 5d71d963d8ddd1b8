// Knative Serving's controllers for the embedded cluster, wired to the Registry as Knative's are
// to the API server: each watches its kinds (and its children, through owner references or
// labels), keeps a work queue, and writes through the same API machinery as any client.

import type { Clock } from "../../lib/knative/conditions";
import { LABEL_CONFIGURATION, LABEL_REVISION, LABEL_SERVICE } from "../../lib/knative/labels";
import type { Configuration, KubeObject, Revision, Route } from "../../lib/knative/types";
import type { ChangeEvent, Registry } from "../core/registry";
import { CONFIGURATIONS, PODS, REVISIONS, ROUTES, SERVICES, type ResourceType } from "../core/resources";
import { isObservabilityConfigMap } from "../knative/config-observability";
import type { Activator, TrafficStats } from "../core/runtime";
import { Autoscaler } from "./autoscaler";
import { reconcileConfiguration } from "./configuration";
import { Controller, keyOf, type Reconcile } from "./controller";
import { eventRecorder } from "./events";
import { reconcileLabels } from "./labeler";
import { controllerOf } from "./ownership";
import { reconcileRevision } from "./revision";
import { reconcileRoute } from "./route";
import { reconcileService } from "./service";

export interface StartControllersOptions {
  registry: Registry;
  stats: TrafficStats;
  /** How long a new pod takes to become Ready (and so a new Revision). */
  readyDelayMs: number;
  /** How long a revision without traffic keeps its pods (Knative's scale-to-zero grace period). */
  scaleToZeroGraceMs?: number;
  clock?: Clock;
  /** The config-domain suffix of external URLs. */
  domain?: string;
}

export interface RunningControllers {
  activator: Activator;
  stop(): void;
  /** Resolves once every queue is empty and every committed change has been seen. */
  idle(): Promise<void>;
}

export const DEFAULT_DOMAIN = "example.com";
export const DEFAULT_SCALE_TO_ZERO_GRACE_MS = 30_000;

const isType = (event: ChangeEvent, type: ResourceType) => event.resourceType === type;
const keyOfObject = (obj: KubeObject) => keyOf(obj.metadata.namespace, obj.metadata.name!);

/** The object's own key when it is of `type`. */
function own(type: ResourceType) {
  return (event: ChangeEvent) => (isType(event, type) ? [keyOfObject(event.object)] : []);
}

/** The key of the object's controller, when that is a `kind` (EnqueueControllerOf). */
function ownerOf(type: ResourceType, kind: string) {
  return (event: ChangeEvent) => {
    if (!isType(event, type)) return [];
    const owner = controllerOf(event.object);
    return owner?.kind === kind ? [keyOf(event.object.metadata.namespace, owner.name)] : [];
  };
}

/** The key named by a label of the object (EnqueueLabelOfNamespaceScopedResource). */
function labelled(type: ResourceType, label: string) {
  return (event: ChangeEvent) => {
    const value = isType(event, type) ? event.object.metadata.labels?.[label] : undefined;
    return value ? [keyOf(event.object.metadata.namespace, value)] : [];
  };
}

const allKeys = (registry: Registry, type: ResourceType) => () => registry.list(type).map(keyOfObject);

/** Every revision, when config-observability changes: their pod template does (the config store's watch). */
function observabilityChanged(registry: Registry) {
  return (event: ChangeEvent) => (isObservabilityConfigMap(event.resourceType, event.object) ? registry.list(REVISIONS).map(keyOfObject) : []);
}

export function startControllers(opts: StartControllersOptions): RunningControllers {
  const { registry, stats } = opts;
  const clock = opts.clock ?? (() => new Date());
  const domain = opts.domain ?? DEFAULT_DOMAIN;
  /** Each controller has its own event recorder, which aggregates repeated events. */
  const kind = (component: string) => ({ registry, clock, recorder: eventRecorder(registry, component, clock) });
  const idleWaiters: Array<() => void> = [];
  let lastSeen = registry.resourceVersion();

  const controllers: Controller[] = [];
  const controller = (name: string, reconcile: Reconcile, primary: ResourceType, ...watches: Array<(e: ChangeEvent) => string[]>) => {
    const c = new Controller({
      name,
      reconcile,
      keysFor: (event) => [own(primary), ...watches].flatMap((keys) => keys(event)),
      resync: allKeys(registry, primary),
      onDrained: checkIdle,
    });
    controllers.push(c);
    return c;
  };

  /**
   * Routes follow what their traffic refers to (the route reconciler's tracker): Configurations
   * they name, Revisions they name, and the latest ready Revision of a Configuration they name.
   */
  const routesReferring = (event: ChangeEvent) => {
    if (!isType(event, REVISIONS) && !isType(event, CONFIGURATIONS)) return [];
    const { namespace, name, labels } = event.object.metadata;
    const refersTo = (route: Route) => {
      const targets = [...(route.spec.traffic ?? []), ...(route.status?.traffic ?? [])];
      if (isType(event, CONFIGURATIONS)) return targets.some((t) => t.configurationName === name);
      const config = labels?.[LABEL_CONFIGURATION];
      return targets.some(
        (t) =>
          t.revisionName === name ||
          (config !== undefined && t.configurationName === config && registry.get<Configuration>(CONFIGURATIONS, namespace, config)?.status?.latestReadyRevisionName === name),
      );
    };
    return registry.view<Route>(ROUTES, namespace).filter(refersTo).map(keyOfObject);
  };

  const late: { revisions?: Controller; pods?: Controller } = {};
  const autoscaler = new Autoscaler({
    registry,
    stats,
    clock,
    readyDelayMs: opts.readyDelayMs,
    scaleToZeroGraceMs: opts.scaleToZeroGraceMs ?? DEFAULT_SCALE_TO_ZERO_GRACE_MS,
    enqueue: (ns, name) => late.pods?.enqueue(keyOf(ns, name)),
    onScaleChanged: (ns, name) => late.revisions?.enqueue(keyOf(ns, name)),
  });

  const services = kind("service-controller");
  const configurations = kind("configuration-controller");
  const revisionContext = { ...kind("revision-controller"), scaleOf: (rev: Revision) => autoscaler.desiredScale(rev) };
  const routes = { ...kind("route-controller"), domain };
  controller("service-controller", (ns, n) => reconcileService(services, ns, n), SERVICES,
    ownerOf(CONFIGURATIONS, "Service"), ownerOf(ROUTES, "Service"), labelled(REVISIONS, LABEL_SERVICE));
  controller("configuration-controller", (ns, n) => reconcileConfiguration(configurations, ns, n), CONFIGURATIONS,
    ownerOf(REVISIONS, "Configuration"));
  late.revisions = controller("revision-controller", (ns, n) => reconcileRevision(revisionContext, ns, n), REVISIONS,
    labelled(PODS, LABEL_REVISION));
  controller("route-controller", (ns, n) => reconcileRoute(routes, ns, n), ROUTES, routesReferring);
  controller("labeler", (ns, n) => reconcileLabels({ registry, clock }, ns, n), ROUTES, routesReferring);
  late.pods = controller("autoscaler", (ns, n) => autoscaler.reconcile(ns, n), REVISIONS, labelled(PODS, LABEL_REVISION), observabilityChanged(registry));

  function quiet(): boolean {
    return lastSeen >= registry.resourceVersion() && controllers.every((c) => c.isIdle());
  }

  function checkIdle(): void {
    if (idleWaiters.length === 0 || !quiet()) return;
    // One more turn: let writes scheduled in the background (garbage collection) show up.
    setImmediate(() => {
      if (!quiet()) return;
      for (const resolve of idleWaiters.splice(0)) resolve();
    });
  }

  const unsubscribe = registry.subscribe((event) => {
    lastSeen = Math.max(lastSeen, event.resourceVersion);
    for (const c of controllers) c.handle(event);
    checkIdle();
  });
  for (const c of controllers) c.start();
  autoscaler.start();

  return {
    activator: autoscaler,
    stop() {
      unsubscribe();
      autoscaler.stop();
      for (const c of controllers) c.stop();
      for (const resolve of idleWaiters.splice(0)) resolve();
    },
    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        checkIdle();
      });
    },
  };
}
