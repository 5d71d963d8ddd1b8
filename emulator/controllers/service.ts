// The Service reconciler (serving: pkg/reconciler/service/service.go;
// pkg/apis/serving/v1/service_lifecycle.go): keeps a same-named Configuration and Route that it
// controls, and reflects their status: latest*RevisionName, url, address, traffic and the
// ConfigurationsReady/RoutesReady conditions (OutOfDate while a child has not observed its
// generation, TrafficNotMigrated while the Route still serves an older revision).

import { isDeepStrictEqual } from "node:util";
import { getCondition, READY, SERVICE_CONDITIONS, type ConditionManager } from "../../lib/knative/conditions";
import { LABEL_CONFIGURATION_GENERATION } from "../../lib/knative/labels";
import { isTrafficMigrated } from "../../lib/knative/routing";
import type { Configuration, KubeObject, Revision, Route, Service, Status } from "../../lib/knative/types";
import { CONTROLLER } from "../core/registry";
import { CONFIGURATIONS, REVISIONS, ROUTES, SERVICES, type ResourceType } from "../core/resources";
import { ReportedError } from "./controller";
import { isControlledBy } from "./ownership";
import { reconcileKind, type ReconcilerContext } from "./reconcile-kind";
import { makeConfiguration, makeRoute } from "./service-resources";

const CONFIGURATIONS_READY = "ConfigurationsReady";
const ROUTES_READY = "RoutesReady";

export function reconcileService(opts: ReconcilerContext, namespace: string, name: string): void {
  reconcileKind<Service>(opts, SERVICES, SERVICE_CONDITIONS, namespace, name, (service, conditions) => {
    const status = service.status!;
    const config = ensureChild(opts, service, conditions, CONFIGURATIONS, makeConfiguration);
    const byoName = config.spec.template.metadata?.name;
    if (config.metadata.generation !== config.status?.observedGeneration) {
      conditions.markUnknown(CONFIGURATIONS_READY, "OutOfDate", "The Configuration is still working to reflect the latest desired specification.");
      // With a BYO revision name the Route waits until the Configuration has caught up.
      if (byoName) return;
    } else {
      copyFields(status, config.status, ["latestReadyRevisionName", "latestCreatedRevisionName"]);
      propagate(conditions, CONFIGURATIONS_READY, config.status);
    }
    if (byoName && revisionNameTaken(opts, config, byoName)) {
      conditions.markFalse(ROUTES_READY, "RevisionNameTaken", `The revision name "${byoName}" is taken by a conflicting Revision, so traffic will not be migrated`);
      return;
    }

    const route = ensureChild(opts, service, conditions, ROUTES, (svc) => makeRoute(svc));
    if (route.metadata.generation !== route.status?.observedGeneration) {
      conditions.markUnknown(ROUTES_READY, "OutOfDate", "The Route is still working to reflect the latest desired specification.");
    } else {
      copyFields(status, route.status, ["url", "address", "traffic"]);
      propagate(conditions, ROUTES_READY, route.status);
    }
    // checkRoutesNotReady
    if (getCondition(status, ROUTES_READY)?.status !== "True") return;
    const migrated = isTrafficMigrated(route.spec.traffic, route.status?.traffic, {
      name: config.metadata.name!,
      latestReadyRevisionName: config.status?.latestReadyRevisionName,
    });
    if (!migrated) conditions.markUnknown(ROUTES_READY, "TrafficNotMigrated", "Traffic is not yet migrated to the latest revision.");
  });
}

/** Copies fields as Go copies structs: a field the source lacks is removed, not set to undefined. */
function copyFields<T extends object>(target: T, source: Partial<T> | undefined, keys: Array<keyof T>): void {
  for (const key of keys) {
    const value = source?.[key];
    if (value === undefined) delete target[key];
    else target[key] = structuredClone(value) as T[keyof T];
  }
}

/** PropagateConfigurationStatus / PropagateRouteStatus: the child's Ready becomes our condition. */
function propagate(conditions: ConditionManager, type: string, childStatus: Status | undefined): void {
  const ready = getCondition(childStatus, READY);
  if (!ready) return;
  if (ready.status === "True") conditions.markTrue(type);
  else if (ready.status === "False") conditions.markFalse(type, ready.reason ?? "", ready.message ?? "");
  else conditions.markUnknown(type, ready.reason ?? "", ready.message ?? "");
}

/**
 * Gets the child, creating it or clobbering its spec, labels and annotations when they differ
 * from what the Service wants; a same-named child the Service does not control is NotOwned.
 */
function ensureChild<T extends Configuration | Route>(
  opts: ReconcilerContext,
  service: Service,
  conditions: ConditionManager,
  type: ResourceType,
  make: (service: Service, existing?: T) => T,
): T {
  const { registry, recorder } = opts;
  const name = service.metadata.name!;
  const existing = registry.get<T>(type, service.metadata.namespace, name);
  if (!existing) {
    try {
      const created = registry.create<T>(type, make(service), CONTROLLER);
      recorder.event(service, "Normal", "Created", `Created ${type.kind} "${name}"`);
      return created;
    } catch (err) {
      recorder.event(service, "Warning", "CreationFailed", `Failed to create ${type.kind} "${name}": ${(err as Error).message}`);
      throw new ReportedError(`failed to create ${type.kind}: ${(err as Error).message}`);
    }
  }
  if (!isControlledBy(existing, service)) {
    const condition = type === CONFIGURATIONS ? CONFIGURATIONS_READY : ROUTES_READY;
    conditions.markFalse(condition, "NotOwned", `There is an existing ${type.kind} "${name}" that we do not own.`);
    throw new ReportedError(`service: "${name}" does not own ${type.singular}: "${name}"`);
  }
  const desired = make(service, existing);
  const same = (a: KubeObject, b: KubeObject) =>
    isDeepStrictEqual(a.spec, b.spec) &&
    isDeepStrictEqual(a.metadata.labels ?? {}, b.metadata.labels ?? {}) &&
    isDeepStrictEqual(a.metadata.annotations ?? {}, b.metadata.annotations ?? {});
  if (same(desired, existing)) return existing;
  const clobbered = { ...existing, spec: desired.spec, metadata: { ...existing.metadata, labels: desired.metadata.labels, annotations: desired.metadata.annotations } };
  return registry.update<T>(type, clobbered, CONTROLLER);
}

/** CheckNameAvailability: the BYO-named Revision must be ours and match the template. */
function revisionNameTaken(opts: ReconcilerContext, config: Configuration, name: string): boolean {
  const rev = opts.registry.get<Revision>(REVISIONS, config.metadata.namespace, name);
  if (!rev) return false;
  if (!isControlledBy(rev, config)) return true;
  if (rev.metadata.labels?.[LABEL_CONFIGURATION_GENERATION] === String(config.metadata.generation)) return false;
  return !isDeepStrictEqual(config.spec.template.spec, rev.spec);
}
