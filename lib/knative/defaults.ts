// Knative Serving's defaulting webhook (webhook.serving.knative.dev): serving
// pkg/apis/serving/v1/{service,configuration,route,revision}_defaults.go, SetUserInfo in
// pkg/apis/serving/metadata_validation.go, and the driver in knative.dev/pkg
// webhook/resourcesemantics/defaulting/defaulting.go.
//
// Everything here mutates the object it is given, like Go's SetDefaults; `withDefaults`
// returns a defaulted copy instead.

import { ANNOTATION_CREATOR, ANNOTATION_LAST_MODIFIER } from "./labels";
import { DEFAULT_SERVING_CONFIG, type ServingConfig } from "./validation/config";
import type { ServingKind, ValidationOperation } from "./validation/index";
import { arr, clone, isObject, isPresent, obj, semanticEqual, str, type JsonObject } from "./validation/json";

export interface DefaultingOptions {
  /** The requesting user: written to the creator/lastModifier annotations when set. */
  username?: string;
  config?: ServingConfig;
}

/**
 * Applies the defaulting webhook to `object` in place. On UPDATE pass the stored object as
 * `oldObject`: it decides whether lastModifier changes and whether a BYO-named template is
 * left alone.
 */
export function setDefaults(kind: ServingKind, operation: ValidationOperation, object: JsonObject, oldObject?: unknown, options: DefaultingOptions = {}): void {
  const config = options.config ?? DEFAULT_SERVING_CONFIG;
  let baseline: JsonObject | undefined;
  if (operation === "UPDATE" && isObject(oldObject)) {
    // pkg defaults a copy of the old object too, so its own earlier defaults never count as changes.
    baseline = clone(oldObject);
    defaultObject(kind, baseline, { config, create: false });
  }
  defaultObject(kind, object, { config, create: operation === "CREATE", baseline, username: options.username });
}

/** A defaulted copy of `object` (see setDefaults). */
export function withDefaults<T>(kind: ServingKind, operation: ValidationOperation, object: T, oldObject?: unknown, options: DefaultingOptions = {}): T {
  const copy = clone(object) as unknown as JsonObject;
  setDefaults(kind, operation, copy, oldObject, options);
  return copy as unknown as T;
}

interface DefaultsContext {
  config: ServingConfig;
  /** apis.IsInCreate: only then does enableServiceLinks get its default. */
  create: boolean;
  /** The (defaulted) stored object on UPDATE. */
  baseline?: JsonObject;
  username?: string;
}

function defaultObject(kind: ServingKind, object: JsonObject, ctx: DefaultsContext): void {
  switch (kind) {
    case "Service": {
      const spec = ensureObject(object, "spec");
      defaultConfigurationSpec(spec, ctx);
      defaultRouteSpec(spec, true);
      setUserInfo(object, ctx);
      return;
    }
    case "Configuration":
      defaultConfigurationSpec(ensureObject(object, "spec"), ctx);
      if (!isPresent(obj(object.metadata).ownerReferences)) setUserInfo(object, ctx);
      return;
    case "Route":
      defaultRouteSpec(ensureObject(object, "spec"), false);
      if (!isPresent(obj(object.metadata).ownerReferences)) setUserInfo(object, ctx);
      return;
    case "Revision":
      // A Revision's spec is immutable; defaulting it on update could only produce a rejected diff.
      if (ctx.baseline !== undefined) return;
      defaultRevisionSpec(ensureObject(object, "spec"), ctx);
      return;
  }
}

/**
 * ConfigurationSpec.SetDefaults: defaults the template, except on an update that keeps a BYO
 * revision name, where new defaults would trip "Saw the following changes without a name change".
 */
function defaultConfigurationSpec(spec: JsonObject, ctx: DefaultsContext): void {
  const template = ensureObject(spec, "template");
  if (ctx.baseline !== undefined) {
    const newName = str(obj(template.metadata).name);
    const oldName = str(obj(obj(obj(ctx.baseline.spec).template).metadata).name);
    if (newName !== "" && newName === oldName) return;
  }
  defaultRevisionSpec(ensureObject(template, "spec"), ctx);
}

/**
 * RouteSpec.SetDefaults. In a Service, empty traffic means "all to the latest revision"; a
 * standalone Route's empty traffic stays empty (and fails validation).
 */
export function defaultRouteSpec(spec: JsonObject, hasDefaultConfigurationName: boolean): void {
  if (arr(spec.traffic).length === 0 && hasDefaultConfigurationName) {
    spec.traffic = [{ percent: 100, latestRevision: true }];
  }
  for (const target of arr(spec.traffic)) if (isObject(target)) defaultTrafficTarget(target);
}

/** TrafficTarget.SetDefaults: latestRevision = (no revisionName), percent = 0, when unset. */
export function defaultTrafficTarget(target: JsonObject): void {
  if (!isPresent(target.latestRevision)) target.latestRevision = str(target.revisionName) === "";
  if (!isPresent(target.percent)) target.percent = 0;
}

/** RevisionSpec.SetDefaults (revision_defaults.go). */
function defaultRevisionSpec(spec: JsonObject, ctx: DefaultsContext): void {
  const d = ctx.config.defaults;
  // Only absent (or zero) values are defaulted; a wrongly typed one is left for the schema check.
  if (!isPresent(spec.timeoutSeconds) || spec.timeoutSeconds === 0) spec.timeoutSeconds = d.revisionTimeoutSeconds;
  const timeout = typeof spec.timeoutSeconds === "number" ? spec.timeoutSeconds : d.revisionTimeoutSeconds;
  // The idle and response-start timeouts get a default only when it is set and below the timeout.
  if (!isPresent(spec.idleTimeoutSeconds) && d.revisionIdleTimeoutSeconds !== 0 && d.revisionIdleTimeoutSeconds < timeout) {
    spec.idleTimeoutSeconds = d.revisionIdleTimeoutSeconds;
  }
  if (!isPresent(spec.responseStartTimeoutSeconds) && d.revisionResponseStartTimeoutSeconds !== 0 && d.revisionResponseStartTimeoutSeconds < timeout) {
    spec.responseStartTimeoutSeconds = d.revisionResponseStartTimeoutSeconds;
  }
  if (!isPresent(spec.containerConcurrency)) spec.containerConcurrency = d.containerConcurrency;

  const containers = arr(spec.containers).filter(isObject);
  const initContainers = arr(spec.initContainers).filter(isObject);
  const taken = new Set([...containers, ...initContainers].map((c) => str(c.name)));
  applyDefaultContainerNames(containers, taken, d.userContainerName);
  applyDefaultContainerNames(initContainers, taken, d.initContainerName);
  for (const c of containers) {
    applyContainerDefaults(spec, containers.length, c, ctx);
    applySecureDefaults(spec, c, ctx.config);
  }
  for (const c of initContainers) applySecureDefaults(spec, c, ctx.config);
}

/**
 * applyDefaultContainerNames: `user-container`, or with several unnamed containers (or a clash)
 * `user-container-0`, `-1`, … skipping names the user chose.
 */
function applyDefaultContainerNames(containers: JsonObject[], taken: Set<string>, base: string): void {
  let nextSuffix = 0;
  for (const c of containers) {
    if (str(c.name) !== "") continue;
    let name = base;
    if (containers.length > 1 || taken.has(name)) {
      do {
        // kmeta.ChildName only differs from concatenation beyond 63 characters.
        name = `${base}-${nextSuffix++}`;
      } while (taken.has(name));
    }
    c.name = name;
  }
}

function applyContainerDefaults(spec: JsonObject, containerCount: number, c: JsonObject, ctx: DefaultsContext): void {
  const d = ctx.config.defaults;
  // Go sets empty requests/limits maps, which serialise as `resources: {}`.
  const resources = ensureObject(c, "resources");
  const resourceDefaults: Array<[string, string | undefined, string | undefined]> = [
    ["cpu", d.revisionCPURequest, d.revisionCPULimit],
    ["memory", d.revisionMemoryRequest, d.revisionMemoryLimit],
    ["ephemeral-storage", d.revisionEphemeralStorageRequest, d.revisionEphemeralStorageLimit],
  ];
  for (const [name, request, limit] of resourceDefaults) {
    if (request !== undefined && !Object.hasOwn(obj(resources.requests), name)) ensureObject(resources, "requests")[name] = request;
    if (limit !== undefined && !Object.hasOwn(obj(resources.limits), name)) ensureObject(resources, "limits")[name] = limit;
  }

  // The serving container (the only one, or the one with the port) gets the default TCP probe.
  if (containerCount === 1 || arr(c.ports).length !== 0) {
    const probe = ensureObject(c, "readinessProbe");
    if (!["tcpSocket", "httpGet", "exec", "grpc"].some((h) => isPresent(probe[h]))) probe.tcpSocket = { port: 0 };
  }
  if (isObject(c.readinessProbe)) {
    const probe = c.readinessProbe;
    if (!probe.successThreshold) probe.successThreshold = 1;
    // Kubernetes' own probe defaults apply once a period is set.
    if (probe.periodSeconds) {
      if (!probe.failureThreshold) probe.failureThreshold = 3;
      if (!probe.timeoutSeconds) probe.timeoutSeconds = 1;
    }
  }
  for (const kind of ["readinessProbe", "livenessProbe", "startupProbe"]) {
    const grpc = obj(c[kind]).grpc;
    if (isObject(grpc) && !isPresent(grpc.service)) grpc.service = "";
  }

  if (!isPresent(spec.enableServiceLinks) && ctx.create && d.enableServiceLinks !== undefined) {
    spec.enableServiceLinks = d.enableServiceLinks;
  }

  // Only emptyDir, PVC and ephemeral volumes may be mounted writable.
  const writable = new Set(
    arr(spec.volumes)
      .filter(isObject)
      .filter((v) => isPresent(v.emptyDir) || isPresent(v.persistentVolumeClaim) || isPresent(v.ephemeral))
      .map((v) => str(v.name)),
  );
  for (const vm of arr(c.volumeMounts)) if (isObject(vm) && !writable.has(str(vm.name))) vm.readOnly = true;
}

/** defaultSecurityContext: the "restricted" profile, only with secure-pod-defaults on. */
function applySecureDefaults(spec: JsonObject, c: JsonObject, config: ServingConfig): void {
  const flag = config.features.securePodDefaults;
  if (flag !== "Enabled" && flag !== "AllowRootBounded") return;
  const psc = obj(spec.securityContext);
  const sc: JsonObject = isObject(c.securityContext) ? c.securityContext : {};
  if (!isPresent(sc.allowPrivilegeEscalation)) sc.allowPrivilegeEscalation = false;
  if (str(obj(psc.seccompProfile).type) === "") {
    const seccomp = isObject(sc.seccompProfile) ? sc.seccompProfile : {};
    if (str(seccomp.type) === "") seccomp.type = "RuntimeDefault";
    sc.seccompProfile = seccomp;
  }
  if (!isPresent(sc.capabilities)) {
    const capabilities: JsonObject = { drop: ["ALL"] };
    // Binding to a port below 1024 needs NET_BIND_SERVICE.
    if (arr(c.ports).some((p) => typeof obj(p).containerPort === "number" && (obj(p).containerPort as number) < 1024)) {
      capabilities.add = ["NET_BIND_SERVICE"];
    }
    sc.capabilities = capabilities;
  }
  if (flag === "Enabled" && !isPresent(psc.runAsNonRoot) && !isPresent(sc.runAsNonRoot)) sc.runAsNonRoot = true;
  if (Object.keys(sc).length > 0) c.securityContext = sc;
}

/**
 * SetUserInfo: on create the user becomes creator and lastModifier; on update lastModifier
 * changes only when the spec did (compared with the defaulted stored spec).
 */
function setUserInfo(object: JsonObject, ctx: DefaultsContext): void {
  if (ctx.username === undefined) return;
  if (ctx.baseline !== undefined && semanticEqual(ctx.baseline.spec, object.spec)) return;
  const annotations = ensureObject(ensureObject(object, "metadata"), "annotations");
  if (ctx.baseline === undefined) annotations[ANNOTATION_CREATOR] = ctx.username;
  annotations[ANNOTATION_LAST_MODIFIER] = ctx.username;
}

function ensureObject(parent: JsonObject, key: string): JsonObject {
  const value = parent[key];
  if (isObject(value)) return value;
  const created: JsonObject = {};
  parent[key] = created;
  return created;
}
