// PodSpec and container rules of Knative's webhook (serving: pkg/apis/serving/k8s_validation.go,
// ValidatePodSpec and the functions it calls). Paths are relative to the PodSpec; the caller
// prefixes `spec` (Revision) or `spec.template.spec` (Service, Configuration).
//
// A few Go quirks are kept on purpose, because they decide the paths users see: some
// `errs.Also(x).ViaFieldIndex(...)` calls prefix everything collected so far, and
// validateVolume replaces (not extends) its errors when the name is bad.

import {
  CURRENT_FIELD,
  FieldError,
  also,
  errGeneric,
  errInvalidValue,
  errMissingField,
  errMissingOneOf,
  errMultipleOneOf,
  errOutOfBoundsValue,
  goQuote,
} from "../field-error";
import { isDNS1123Label, isDNS1123Subdomain } from "../k8s-validation";
import {
  PROFILING_PORT,
  QUEUE_ADMIN_PORT,
  QUEUE_AUTOSCALING_METRICS_PORT,
  QUEUE_HTTP2_PORT,
  QUEUE_HTTP_PORT,
  QUEUE_PROXY_CONTAINER_NAME,
  QUEUE_USER_METRICS_PORT,
} from "../queue-proxy";
import { featureEnabled, type Features, type ServingConfig } from "./config";
import {
  CONFIG_MAP_PROJECTION_MASK,
  CONTAINER_MASK,
  CONTAINER_PORT_MASK,
  DOWNWARD_API_PROJECTION_MASK,
  DOWNWARD_API_VOLUME_FILE_MASK,
  ENV_FROM_SOURCE_MASK,
  ENV_SOURCE_REF_MASK,
  ENV_VAR_MASK,
  EXEC_ACTION_MASK,
  GRPC_ACTION_MASK,
  HTTP_GET_ACTION_MASK,
  IMAGE_VOLUME_SOURCE_MASK,
  KEY_TO_PATH_MASK,
  NOTHING_MASK,
  PROBE_MASK,
  RESOURCE_REQUIREMENTS_MASK,
  SECRET_PROJECTION_MASK,
  SERVICE_ACCOUNT_TOKEN_PROJECTION_MASK,
  TCP_SOCKET_ACTION_MASK,
  VOLUME_PROJECTION_MASK,
  capabilitiesMask,
  checkDisallowedFields,
  envVarSourceMask,
  podSecurityContextMask,
  podSpecMask,
  securityContextMask,
  volumeMountMask,
  volumeSourceMask,
  ALWAYS_ALLOWED_VOLUME_SOURCES,
  GATED_VOLUME_SOURCES,
} from "./field-masks";
import { parseImageReferenceError } from "./image-reference";
import { arr, isObject, isPresent, num, obj, optNum, semanticEqual, str, type JsonObject } from "./json";

const MAX_INT32 = 2147483647;
const RESERVED_PATHS = new Set(["/", "/dev", "/dev/log"]);
const RESERVED_CONTAINER_NAMES = new Set([QUEUE_PROXY_CONTAINER_NAME]);
const RESERVED_ENV_VARS = new Set(["PORT", "K_SERVICE", "K_CONFIGURATION", "K_REVISION"]);
/** Sidecars and init containers may set PORT. */
const RESERVED_SIDECAR_ENV_VARS = new Set(["K_SERVICE", "K_CONFIGURATION", "K_REVISION"]);
/** queue-proxy's ports (8012, 8013, 8022, 9090, 9091) and the profiling port (8008). */
export const RESERVED_PORTS = new Set([QUEUE_HTTP_PORT, QUEUE_HTTP2_PORT, QUEUE_ADMIN_PORT, QUEUE_AUTOSCALING_METRICS_PORT, QUEUE_USER_METRICS_PORT, PROFILING_PORT]);
const VALID_PORT_NAMES = new Set(["h2c", "http1", ""]);
/** The RevisionSpec fields that sit next to the inlined PodSpec in JSON. */
const REVISION_SPEC_KEYS = new Set(["containerConcurrency", "timeoutSeconds", "responseStartTimeoutSeconds", "idleTimeoutSeconds"]);

type ContainerRole = "user" | "sidecar" | "init";
type Volumes = Map<string, JsonObject>;
interface ServingPort {
  name: string;
  containerPort: number;
}

/** ValidatePodSpec. `podSpec` may be a whole RevisionSpec: its own fields are ignored here. */
export function validatePodSpec(podSpec: unknown, config: ServingConfig): FieldError | undefined {
  const features = config.features;
  const ps = obj(podSpec);
  const podOnly = Object.fromEntries(Object.entries(ps).filter(([k]) => !REVISION_SPEC_KEYS.has(k)));
  const containers = arr(ps.containers).map(obj);
  const initContainers = arr(ps.initContainers).map(obj);
  const podSecurityContext = isObject(ps.securityContext) ? ps.securityContext : undefined;

  let errs = checkDisallowedFields(podOnly, podSpecMask(features, ps));
  errs = also(errs, validatePodSecurityContext(features, podSecurityContext)?.viaField("securityContext"));
  containers.forEach((c, i) => {
    errs = also(errs, warnDefaultContainerSecurityContext(features, podSecurityContext, c.securityContext)?.viaField("securityContext").viaFieldIndex("containers", i));
  });
  initContainers.forEach((c, i) => {
    errs = also(errs, warnDefaultContainerSecurityContext(features, podSecurityContext, c.securityContext)?.viaField("securityContext").viaFieldIndex("initContainers", i));
  });

  const [volumes, volumeErrs] = validateVolumes(features, arr(ps.volumes), allMountedVolumes([...initContainers, ...containers]));
  errs = also(errs, volumeErrs?.viaField("volumes"));
  errs = also(errs, validateInitContainers(features, initContainers, containers, volumes));

  const [port, portErrs] = validateContainersPorts(containers);
  errs = also(errs, portErrs?.viaField("containers[*]"));

  if (containers.length === 0) errs = also(errs, errMissingField("containers"));
  else if (containers.length === 1) errs = also(errs, validateUserContainer(features, containers[0]!, volumes, port, "user")?.viaFieldIndex("containers", 0));
  else errs = also(errs, validateContainers(features, containers, volumes, port));

  const serviceAccountName = str(ps.serviceAccountName);
  if (serviceAccountName !== "") {
    for (const msg of isDNS1123Subdomain(serviceAccountName)) errs = also(errs, errInvalidValue(serviceAccountName, "serviceAccountName", msg));
  }
  return errs;
}

/** ValidateContainerConcurrency: 0..1000 with stock config (1..1000 if zero is not allowed). */
export function validateContainerConcurrency(value: number | undefined, config: ServingConfig): FieldError | undefined {
  if (value === undefined) return undefined;
  const min = config.defaults.allowContainerConcurrencyZero ? 0 : 1;
  const max = config.defaults.containerConcurrencyMaxLimit;
  return value < min || value > max ? errOutOfBoundsValue(value, min, max, CURRENT_FIELD) : undefined;
}

/** validateTimeoutSeconds (revision_validation.go): 0 means "use the default". */
export function validateTimeoutSeconds(value: number, config: ServingConfig): FieldError | undefined {
  const max = config.defaults.maxRevisionTimeoutSeconds;
  if (value !== 0 && (value > max || value < 0)) return errOutOfBoundsValue(value, 0, max, "timeoutSeconds");
  return undefined;
}

/** RevisionSpec.Validate (revision_validation.go). */
export function validateRevisionSpec(spec: unknown, config: ServingConfig): FieldError | undefined {
  const rs = obj(spec);
  let errs = validatePodSpec(rs, config);
  const timeout = optNum(rs.timeoutSeconds);
  if (timeout !== undefined) errs = also(errs, validateTimeoutSeconds(timeout, config));
  const cc = optNum(rs.containerConcurrency);
  if (cc !== undefined) errs = also(errs, validateContainerConcurrency(cc, config)?.viaField("containerConcurrency"));
  return errs;
}

// ---- Containers ----

function validateInitContainers(features: Features, containers: JsonObject[], others: JsonObject[], volumes: Volumes): FieldError | undefined {
  if (containers.length === 0) return undefined;
  if (!featureEnabled(features.podSpecInitContainers)) {
    return errGeneric(`pod spec support for init-containers is off, but found ${containers.length} init containers`);
  }
  const names = new Set(others.map((c) => str(c.name)));
  let errs: FieldError | undefined;
  containers.forEach((c, i) => {
    if (names.has(str(c.name))) {
      // Go: errs.Also(dup).ViaFieldIndex("containers", i) prefixes everything collected so far.
      errs = also(errs, new FieldError({ message: `duplicate container name ${goQuote(str(c.name))}`, paths: ["name"] }))!.viaFieldIndex("containers", i);
    }
    errs = also(errs, validateInitContainer(features, c, volumes)?.viaFieldIndex("containers", i));
  });
  return errs;
}

function validateContainers(features: Features, containers: JsonObject[], volumes: Volumes, port: ServingPort): FieldError | undefined {
  if (!featureEnabled(features.multiContainer)) {
    return errGeneric(`multi-container is off, but found ${containers.length} containers`);
  }
  const names = new Set<string>();
  let errs: FieldError | undefined;
  containers.forEach((c, i) => {
    const name = str(c.name);
    if (names.has(name)) {
      // Same Go quirk as in validateInitContainers.
      errs = also(errs, new FieldError({ message: `duplicate container name ${goQuote(name)}`, paths: ["name"] }))!.viaFieldIndex("containers", i);
    } else {
      names.add(name);
    }
    const err = arr(c.ports).length === 0 ? validateSidecarContainer(features, c, volumes) : validateUserContainer(features, c, volumes, port, "user");
    errs = also(errs, err?.viaFieldIndex("containers", i));
  });
  return errs;
}

function allMountedVolumes(containers: JsonObject[]): Set<string> {
  const names = new Set<string>();
  for (const c of containers) for (const vm of arr(c.volumeMounts)) names.add(str(obj(vm).name));
  return names;
}

/** validateContainersPorts: exactly one serving port across all containers. */
function validateContainersPorts(containers: JsonObject[]): [ServingPort, FieldError | undefined] {
  let count = 0;
  let first: JsonObject = {};
  for (const c of containers) {
    const ports = arr(c.ports);
    if (ports.length > 0) {
      count += ports.length;
      first = obj(ports[0]);
    }
  }
  const port = { name: str(first.name) || "http", containerPort: num(first.containerPort) || 8080 };
  if (count === 0 && containers.length > 1) return [port, errMissingField("ports")];
  if (count > 1) {
    return [port, new FieldError({ message: "more than one container port is set", paths: ["ports"], details: "Only a single port is allowed across all containers" })];
  }
  return [port, undefined];
}

function validateSidecarContainer(features: Features, c: JsonObject, volumes: Volumes): FieldError | undefined {
  let errs: FieldError | undefined;
  if (!featureEnabled(features.multiContainerProbing)) {
    for (const probe of ["livenessProbe", "readinessProbe", "startupProbe"]) {
      if (isPresent(c[probe])) errs = also(errs, checkDisallowedFields(c[probe], NOTHING_MASK)?.viaField(probe));
    }
  } else {
    errs = also(errs, validateProbe(c.livenessProbe, undefined, false)?.viaField("livenessProbe"));
    errs = also(errs, validateReadinessProbe(c.readinessProbe, undefined, false)?.viaField("readinessProbe"));
    errs = also(errs, validateProbe(c.startupProbe, undefined, false)?.viaField("startupProbe"));
  }
  return also(errs, validateContainer(features, c, volumes, "sidecar"));
}

function validateInitContainer(features: Features, c: JsonObject, volumes: Volumes): FieldError | undefined {
  let errs: FieldError | undefined;
  // Kubernetes rejects these on init containers anyway; Knative says so early.
  for (const field of ["livenessProbe", "readinessProbe", "startupProbe", "lifecycle"]) {
    if (isPresent(c[field])) errs = also(errs, new FieldError({ message: "field not allowed in an init container", paths: [field] }));
  }
  return also(errs, validateContainer(features, c, volumes, "init"));
}

function validateUserContainer(features: Features, c: JsonObject, volumes: Volumes, port: ServingPort, role: ContainerRole): FieldError | undefined {
  let errs = validateProbe(c.livenessProbe, port, true)?.viaField("livenessProbe");
  errs = also(errs, validateReadinessProbe(c.readinessProbe, port, true)?.viaField("readinessProbe"));
  errs = also(errs, validateProbe(c.startupProbe, port, true)?.viaField("startupProbe"));
  return also(errs, validateContainer(features, c, volumes, role));
}

/** validate(): the checks every container gets. */
function validateContainer(features: Features, c: JsonObject, volumes: Volumes, role: ContainerRole): FieldError | undefined {
  if (semanticEqual(c, {})) return errMissingField(CURRENT_FIELD);

  let errs = checkDisallowedFields(c, CONTAINER_MASK);
  const name = str(c.name);
  if (RESERVED_CONTAINER_NAMES.has(name)) {
    errs = also(errs, new FieldError({ message: `${goQuote(name)} is a reserved container name`, paths: ["name"] }));
  }
  errs = also(errs, validateEnv(features, arr(c.env), role)?.viaField("env"));
  errs = also(errs, validateEnvFrom(arr(c.envFrom))?.viaField("envFrom"));

  const image = str(c.image);
  if (image === "") {
    errs = also(errs, errMissingField("image"));
  } else {
    const parseError = parseImageReferenceError(image);
    if (parseError) {
      errs = also(errs, new FieldError({ message: "Failed to parse image reference", paths: ["image"], details: `image: ${goQuote(image)}, error: ${parseError}` }));
    }
  }

  const ports = arr(c.ports).map(obj);
  errs = also(errs, (role === "init" ? validateInitContainerPorts(ports) : validateContainerPorts(ports))?.viaField("ports"));
  if (isPresent(c.resources)) errs = also(errs, checkDisallowedFields(c.resources, RESOURCE_REQUIREMENTS_MASK)?.viaField("resources"));
  errs = also(errs, validateSecurityContext(features, c.securityContext)?.viaField("securityContext"));

  const policy = str(c.terminationMessagePolicy);
  if (policy !== "" && policy !== "File" && policy !== "FallbackToLogsOnError") {
    errs = also(errs, errInvalidValue(policy, "terminationMessagePolicy"));
  }
  errs = also(errs, validateVolumeMounts(features, arr(c.volumeMounts).map(obj), volumes)?.viaField("volumeMounts"));
  return errs;
}

// ---- Environment ----

function validateEnv(features: Features, env: unknown[], role: ContainerRole): FieldError | undefined {
  const reserved = role === "user" ? RESERVED_ENV_VARS : RESERVED_SIDECAR_ENV_VARS;
  let errs: FieldError | undefined;
  env.forEach((e, i) => {
    const ev = obj(e);
    let err = checkDisallowedFields(ev, ENV_VAR_MASK);
    const name = str(ev.name);
    if (name === "") err = also(err, errMissingField("name"));
    else if (reserved.has(name)) err = also(err, new FieldError({ message: `${goQuote(name)} is a reserved environment variable`, paths: ["name"] }));
    if (isPresent(ev.valueFrom)) err = also(err, checkDisallowedFields(ev.valueFrom, envVarSourceMask(features))?.viaField("valueFrom"));
    errs = also(errs, err?.viaIndex(i));
  });
  return errs;
}

// validateEnvFrom, statement by statement: its ViaIndex/ViaField calls wrap the accumulated
// errors, and the one-of errors carry no index, exactly as in Go.
function validateEnvFrom(envFrom: unknown[]): FieldError | undefined {
  let errs: FieldError | undefined;
  envFrom.forEach((e, i) => {
    const source = obj(e);
    errs = also(errs, checkDisallowedFields(source, ENV_FROM_SOURCE_MASK)?.viaIndex(i));
    const cm = isObject(source.configMapRef) ? source.configMapRef : undefined;
    const sm = isObject(source.secretRef) ? source.secretRef : undefined;
    if (sm) {
      errs = also(errs, checkDisallowedFields(sm, ENV_SOURCE_REF_MASK)?.viaIndex(i));
      errs = errs?.viaIndex(i).viaField("secretRef");
    }
    if (cm) {
      errs = also(errs, checkDisallowedFields(cm, ENV_SOURCE_REF_MASK)?.viaIndex(i));
      errs = errs?.viaIndex(i).viaField("configMapRef");
    }
    if (cm && sm) errs = also(errs, errMultipleOneOf("configMapRef", "secretRef"));
    else if (!cm && !sm) errs = also(errs, errMissingOneOf("configMapRef", "secretRef"));
  });
  return errs;
}

// ---- Ports and probes ----

function validateContainerPorts(ports: JsonObject[]): FieldError | undefined {
  if (ports.length === 0) return undefined;
  // Only the first port is the serving port; more than one is reported by validateContainersPorts.
  const userPort = ports[0]!;
  let errs = validateContainerPortBasic(userPort);
  const protocol = str(userPort.protocol);
  if (protocol !== "" && protocol !== "TCP") errs = also(errs, errInvalidValue(protocol, "protocol"));
  const name = str(userPort.name);
  if (!VALID_PORT_NAMES.has(name)) {
    errs = also(errs, new FieldError({ message: `Port name ${name} is not allowed`, paths: [CURRENT_FIELD], details: "Name must be empty, or one of: 'h2c', 'http1'" }));
  }
  return errs;
}

function validateInitContainerPorts(ports: JsonObject[]): FieldError | undefined {
  let errs: FieldError | undefined;
  for (const p of ports) errs = also(errs, validateContainerPortBasic(p));
  return errs;
}

function validateContainerPortBasic(port: JsonObject): FieldError | undefined {
  let errs = checkDisallowedFields(port, CONTAINER_PORT_MASK);
  const p = num(port.containerPort);
  if (RESERVED_PORTS.has(p)) {
    errs = also(errs, errInvalidValue(`${p} is a reserved port`, "containerPort", `${p} is a reserved port, please use a different value`));
  }
  if (p < 0 || p > 65535) errs = also(errs, errOutOfBoundsValue(p, 0, 65535, "containerPort"));
  return errs;
}

function validateReadinessProbe(probe: unknown, port: ServingPort | undefined, isUserContainer: boolean): FieldError | undefined {
  if (!isPresent(probe)) return undefined;
  const p = obj(probe);
  let errs = validateProbe(p, port, isUserContainer);
  const period = num(p.periodSeconds);
  const timeout = num(p.timeoutSeconds);
  const failure = num(p.failureThreshold);
  if (period < 0) errs = also(errs, errOutOfBoundsValue(period, 0, MAX_INT32, "periodSeconds"));
  if (num(p.initialDelaySeconds) < 0) errs = also(errs, errOutOfBoundsValue(num(p.initialDelaySeconds), 0, MAX_INT32, "initialDelaySeconds"));
  if (num(p.successThreshold) < 1) errs = also(errs, errOutOfBoundsValue(num(p.successThreshold), 1, MAX_INT32, "successThreshold"));
  if (period === 0) {
    // periodSeconds 0 selects Knative's aggressive built-in probing.
    if (failure !== 0) errs = also(errs, errGeneric("failureThreshold is disallowed when periodSeconds is zero", "failureThreshold"));
    if (timeout !== 0) errs = also(errs, errGeneric("timeoutSeconds is disallowed when periodSeconds is zero", "timeoutSeconds"));
  } else {
    if (timeout < 1) errs = also(errs, errOutOfBoundsValue(timeout, 1, MAX_INT32, "timeoutSeconds"));
    if (failure < 1) errs = also(errs, errOutOfBoundsValue(failure, 1, MAX_INT32, "failureThreshold"));
  }
  return errs;
}

/** An IntOrString port as Go's IntOrString.String() prints it. */
function portString(v: unknown): string {
  return typeof v === "string" ? v : String(num(v));
}

function validateProbePort(action: JsonObject, field: string, port: ServingPort | undefined, isUserContainer: boolean): FieldError | undefined {
  const value = action.port;
  const strVal = typeof value === "string" ? value : "";
  if (isUserContainer) {
    if (strVal !== "" && strVal !== port?.name) return errInvalidValue(portString(value), `${field}.port`, "Probe port must match container port");
  } else if (strVal === "" && num(value) === 0) {
    return errInvalidValue(portString(value), `${field}.port`, "Probe port must be specified");
  }
  return undefined;
}

function validateProbe(probe: unknown, port: ServingPort | undefined, isUserContainer: boolean): FieldError | undefined {
  if (!isPresent(probe)) return undefined;
  const p = obj(probe);
  let errs = checkDisallowedFields(p, PROBE_MASK);
  const handlers: string[] = [];
  if (isPresent(p.httpGet)) {
    handlers.push("httpGet");
    // Go: errs.Also(mask).ViaField("httpGet") prefixes everything collected so far.
    errs = also(errs, checkDisallowedFields(p.httpGet, HTTP_GET_ACTION_MASK))?.viaField("httpGet");
    errs = also(errs, validateProbePort(obj(p.httpGet), "httpGet", port, isUserContainer));
  }
  if (isPresent(p.tcpSocket)) {
    handlers.push("tcpSocket");
    errs = also(errs, checkDisallowedFields(p.tcpSocket, TCP_SOCKET_ACTION_MASK))?.viaField("tcpSocket");
    errs = also(errs, validateProbePort(obj(p.tcpSocket), "tcpSocket", port, isUserContainer));
  }
  if (isPresent(p.exec)) {
    handlers.push("exec");
    errs = also(errs, checkDisallowedFields(p.exec, EXEC_ACTION_MASK))?.viaField("exec");
  }
  if (isPresent(p.grpc)) {
    handlers.push("gRPC");
    errs = also(errs, checkDisallowedFields(p.grpc, GRPC_ACTION_MASK))?.viaField("grpc");
  }
  if (handlers.length === 0) errs = also(errs, errMissingOneOf("httpGet", "tcpSocket", "exec", "grpc"));
  else if (handlers.length > 1) errs = also(errs, errMultipleOneOf(...handlers));
  return errs;
}

// ---- Security contexts ----

function validatePodSecurityContext(features: Features, sc: JsonObject | undefined): FieldError | undefined {
  if (!sc) return undefined;
  let errs = checkDisallowedFields(sc, podSecurityContextMask(features, sc));
  errs = also(errs, idBounds(sc, "runAsUser"), idBounds(sc, "runAsGroup"), idBounds(sc, "fsGroup"));
  arr(sc.supplementalGroups).forEach((gid, i) => {
    const g = num(gid);
    if (g < 0 || g > MAX_INT32) errs = also(errs, errOutOfBoundsValue(g, 0, MAX_INT32, "").viaFieldIndex("supplementalGroups", i));
  });
  return errs;
}

function validateSecurityContext(features: Features, value: unknown): FieldError | undefined {
  if (!isObject(value)) return undefined;
  let errs = checkDisallowedFields(value, securityContextMask(value));
  if (isObject(value.capabilities)) errs = also(errs, checkDisallowedFields(value.capabilities, capabilitiesMask(features, value.capabilities))?.viaField("capabilities"));
  return also(errs, idBounds(value, "runAsUser"), idBounds(value, "runAsGroup"));
}

function idBounds(sc: JsonObject, field: string): FieldError | undefined {
  const id = optNum(sc[field]);
  return id !== undefined && (id < 0 || id > MAX_INT32) ? errOutOfBoundsValue(id, 0, MAX_INT32, field) : undefined;
}

const INSECURE_DEFAULT = "Kubernetes default value is insecure, Knative may default this to secure in a future release";

/**
 * warnDefaultContainerSecurityContext: warnings (not errors) for securityContext fields left at
 * Kubernetes' insecure defaults, unless secure-pod-defaults is on.
 */
function warnDefaultContainerSecurityContext(features: Features, podSc: JsonObject | undefined, containerSc: unknown): FieldError | undefined {
  if (features.securePodDefaults === "Enabled" || features.securePodDefaults === "AllowRootBounded") return undefined;
  const psc = podSc ?? {};
  const sc = obj(containerSc);
  const insecure = (path: string) => errGeneric(INSECURE_DEFAULT, path).at("warning");
  let errs: FieldError | undefined;
  if (!isPresent(psc.runAsNonRoot) && !isPresent(sc.runAsNonRoot)) errs = also(errs, insecure("runAsNonRoot"));
  if (!isPresent(sc.allowPrivilegeEscalation)) errs = also(errs, insecure("allowPrivilegeEscalation"));
  if (!isPresent(sc.seccompProfile) && !isPresent(psc.seccompProfile)) {
    errs = also(errs, insecure("seccompProfile"));
  } else if (str(obj(psc.seccompProfile).type) === "" && str(obj(sc.seccompProfile).type) === "") {
    errs = also(errs, insecure("seccompProfile.type"));
  }
  if (!isPresent(sc.capabilities)) {
    errs = also(errs, insecure("capabilities"));
  } else {
    const drop = obj(sc.capabilities).drop;
    if (!isPresent(drop)) errs = also(errs, insecure("capabilities.drop"));
    else if (arr(drop)[0] === "all") errs = also(errs, errInvalidValue("all", "capabilities.drop", "Must be spelled as 'ALL'").at("warning"));
  }
  return errs;
}

// ---- Volumes ----

function validateVolumes(features: Features, list: unknown[], mounted: Set<string>): [Volumes, FieldError | undefined] {
  const volumes: Volumes = new Map();
  let errs: FieldError | undefined;
  list.forEach((v, i) => {
    const volume = obj(v);
    const name = str(volume.name);
    if (volumes.has(name)) errs = also(errs, new FieldError({ message: `duplicate volume name ${goQuote(name)}`, paths: ["name"] }).viaIndex(i));
    if (!mounted.has(name)) errs = also(errs, new FieldError({ message: `volume with name ${goQuote(name)} not mounted`, paths: ["name"] }).viaIndex(i));
    errs = also(errs, validateVolume(features, volume)?.viaIndex(i));
    volumes.set(name, volume);
  });
  return [volumes, errs];
}

const featureOff = (what: string, detail: string) => errGeneric(`${what} support is disabled, but found ${detail}`);

function validateVolume(features: Features, volume: JsonObject): FieldError | undefined {
  const name = str(volume.name);
  let errs: FieldError | undefined;
  if (isObject(volume.persistentVolumeClaim)) {
    const pvc = volume.persistentVolumeClaim;
    const claim = str(pvc.claimName);
    if (!featureEnabled(features.podSpecPersistentVolumeClaim)) errs = also(errs, featureOff("Persistent volume claim", `persistent volume claim ${claim}`));
    if (pvc.readOnly !== true && !featureEnabled(features.podSpecPersistentVolumeWrite)) {
      errs = also(errs, featureOff("Persistent volume write", `persistent volume claim ${claim} that is not read-only`));
    }
  }
  if (isPresent(volume.image) && !featureEnabled(features.podSpecVolumesImage)) errs = also(errs, featureOff("Image volume", `Image volume ${name}`));
  if (isPresent(volume.emptyDir) && !featureEnabled(features.podSpecVolumesEmptyDir)) errs = also(errs, featureOff("EmptyDir volume", `EmptyDir volume ${name}`));
  if (isPresent(volume.hostPath) && !featureEnabled(features.podSpecVolumesHostPath)) errs = also(errs, featureOff("HostPath volume", `HostPath volume ${name}`));
  if (isPresent(volume.csi) && !featureEnabled(features.podSpecVolumesCSI)) errs = also(errs, featureOff("CSI volume", `CSI volume ${name}`));
  if (isPresent(volume.ephemeral) && !featureEnabled(features.podSpecVolumesEphemeral)) errs = also(errs, featureOff("Ephemeral volume", `Ephemeral volume ${name}`));
  // Go assigns (not Also) here, dropping the feature errors above when the name is bad.
  if (name === "") errs = errMissingField("name");
  else if (isDNS1123Label(name).length !== 0) errs = errInvalidValue(name, "name");
  errs = also(errs, checkDisallowedFields(volume, volumeSourceMask(features)));

  const specified: string[] = [];
  if (isPresent(volume.secret)) {
    specified.push("secret");
    arr(obj(volume.secret).items).forEach((item, i) => (errs = also(errs, validateKeyToPath(item)?.viaFieldIndex("items", i))));
  }
  if (isPresent(volume.configMap)) {
    specified.push("configMap");
    arr(obj(volume.configMap).items).forEach((item, i) => (errs = also(errs, validateKeyToPath(item)?.viaFieldIndex("items", i))));
  }
  if (isPresent(volume.projected)) {
    specified.push("projected");
    arr(obj(volume.projected).sources).forEach((src, i) => (errs = also(errs, validateProjectedVolumeSource(obj(src))?.viaFieldIndex("projected", i))));
  }
  if (isPresent(volume.emptyDir)) {
    specified.push("emptyDir");
    errs = also(errs, validateEmptyDir(obj(volume.emptyDir))?.viaField("emptyDir"));
  }
  for (const key of ["persistentVolumeClaim", "hostPath", "csi", "ephemeral"]) if (isPresent(volume[key])) specified.push(key);
  if (isPresent(volume.image)) {
    specified.push("image");
    errs = also(errs, validateImageVolumeSource(obj(volume.image))?.viaField("image"));
  }

  if (specified.length === 0) {
    const options: string[] = [...ALWAYS_ALLOWED_VOLUME_SOURCES];
    for (const [flag, key] of GATED_VOLUME_SOURCES) if (featureEnabled(features[flag])) options.push(key);
    errs = also(errs, errMissingOneOf(...options));
  } else if (specified.length > 1) {
    errs = also(errs, errMultipleOneOf(...specified));
  }
  return errs;
}

function validateProjectedVolumeSource(vp: JsonObject): FieldError | undefined {
  let errs = checkDisallowedFields(vp, VOLUME_PROJECTION_MASK);
  const specified: string[] = [];
  if (isPresent(vp.secret)) {
    specified.push("secret");
    errs = also(errs, validateNamedProjection(obj(vp.secret), SECRET_PROJECTION_MASK)?.viaField("secret"));
  }
  if (isPresent(vp.configMap)) {
    specified.push("configMap");
    errs = also(errs, validateNamedProjection(obj(vp.configMap), CONFIG_MAP_PROJECTION_MASK)?.viaField("configMap"));
  }
  if (isPresent(vp.serviceAccountToken)) {
    specified.push("serviceAccountToken");
    const sat = obj(vp.serviceAccountToken);
    let e = checkDisallowedFields(sat, SERVICE_ACCOUNT_TOKEN_PROJECTION_MASK);
    if (str(sat.path) === "") e = also(e, errMissingField("path"));
    errs = also(errs, e?.viaField("serviceAccountToken"));
  }
  if (isPresent(vp.downwardAPI)) {
    specified.push("downwardAPI");
    const dapi = obj(vp.downwardAPI);
    let e = checkDisallowedFields(dapi, DOWNWARD_API_PROJECTION_MASK);
    arr(dapi.items).forEach((item, i) => (e = also(e, validateDownwardAPIVolumeFile(obj(item))?.viaFieldIndex("items", i))));
    errs = also(errs, e?.viaField("downwardAPI"));
  }
  if (specified.length === 0) errs = also(errs, errMissingOneOf("secret", "configMap", "serviceAccountToken", "downwardAPI"));
  else if (specified.length > 1) errs = also(errs, errMultipleOneOf(...specified));
  return errs;
}

function validateNamedProjection(p: JsonObject, mask: typeof SECRET_PROJECTION_MASK): FieldError | undefined {
  let errs = checkDisallowedFields(p, mask);
  if (str(p.name) === "") errs = also(errs, errMissingField("name"));
  arr(p.items).forEach((item, i) => (errs = also(errs, validateKeyToPath(item)?.viaFieldIndex("items", i))));
  return errs;
}

function validateDownwardAPIVolumeFile(vf: JsonObject): FieldError | undefined {
  let errs = checkDisallowedFields(vf, DOWNWARD_API_VOLUME_FILE_MASK);
  if (!isPresent(vf.fieldRef) && !isPresent(vf.resourceFieldRef)) errs = also(errs, errMissingOneOf("fieldRef", "resourceFieldRef"));
  if (isPresent(vf.fieldRef) && isPresent(vf.resourceFieldRef)) errs = also(errs, errGeneric("Within a single item, cannot set both", "resourceFieldRef", "fieldRef"));
  if (str(vf.path) === "") errs = also(errs, errMissingField("path"));
  return errs;
}

function validateKeyToPath(item: unknown): FieldError | undefined {
  const k2p = obj(item);
  let errs = checkDisallowedFields(k2p, KEY_TO_PATH_MASK);
  if (str(k2p.key) === "") errs = also(errs, errMissingField("key"));
  if (str(k2p.path) === "") errs = also(errs, errMissingField("path"));
  return errs;
}

function validateEmptyDir(dir: JsonObject): FieldError | undefined {
  let errs: FieldError | undefined;
  const medium = str(dir.medium);
  if (medium !== "" && medium !== "Memory") errs = also(errs, errInvalidValue(medium, "medium"));
  const size = dir.sizeLimit;
  if (isPresent(size) && /^-\s*[0-9.]*[1-9]/.test(String(size))) errs = also(errs, errInvalidValue(String(size), "sizeLimit"));
  return errs;
}

function validateImageVolumeSource(iv: JsonObject): FieldError | undefined {
  let errs = checkDisallowedFields(iv, IMAGE_VOLUME_SOURCE_MASK);
  if (str(iv.reference) === "") errs = also(errs, errMissingField("reference"));
  const policy = str(iv.pullPolicy);
  if (!["IfNotPresent", "Always", "Never", ""].includes(policy)) errs = also(errs, errInvalidValue(policy, "pullPolicy"));
  return errs;
}

function validateVolumeMounts(features: Features, mounts: JsonObject[], volumes: Volumes): FieldError | undefined {
  let errs: FieldError | undefined;
  const seenMountPaths = new Set<string>();
  mounts.forEach((vm, i) => {
    errs = also(errs, checkDisallowedFields(vm, volumeMountMask(features))?.viaIndex(i));
    const name = str(vm.name);
    const volume = volumes.get(name);
    // Volume names are never empty, so this also catches a missing name.
    if (!volume) errs = also(errs, new FieldError({ message: "volumeMount has no matching volume", paths: ["name"] }).viaIndex(i));

    const mountPath = str(vm.mountPath);
    const cleaned = cleanPath(mountPath);
    if (mountPath === "") errs = also(errs, errMissingField("mountPath").viaIndex(i));
    else if (RESERVED_PATHS.has(cleaned)) errs = also(errs, new FieldError({ message: `mountPath ${goQuote(cleaned)} is a reserved path`, paths: ["mountPath"] }).viaIndex(i));
    else if (!mountPath.startsWith("/")) errs = also(errs, errInvalidValue(mountPath, "mountPath").viaIndex(i));
    else if (seenMountPaths.has(cleaned)) errs = also(errs, errInvalidValue(`${goQuote(mountPath)} must be unique`, "mountPath").viaIndex(i));
    seenMountPaths.add(cleaned);

    const v = volume ?? {};
    const writableSource = isPresent(v.emptyDir) || isPresent(v.persistentVolumeClaim) || isPresent(v.ephemeral);
    if (!writableSource && vm.readOnly !== true) {
      errs = also(errs, new FieldError({ message: "volume mount should be readOnly for this type of volume", paths: ["readOnly"] }).viaIndex(i));
    }
    if (isPresent(vm.mountPropagation)) {
      if (!featureEnabled(features.podSpecVolumesMountPropagation)) {
        errs = also(errs, new FieldError({ message: `Volume Mount Propagation support is disabled, but found volume mount ${name} with mount propagation` }).viaIndex(i));
      }
      if (vm.mountPropagation !== "None" && vm.mountPropagation !== "HostToContainer") {
        errs = also(errs, new FieldError({ message: "mount propagation should be set to None or HostToContainer", paths: ["mountPropagation"] }).viaIndex(i));
      }
    }
    if (isObject(v.persistentVolumeClaim) && v.persistentVolumeClaim.readOnly === true && vm.readOnly !== true) {
      errs = also(errs, new FieldError({ message: "volume is readOnly but volume mount is not", paths: ["readOnly"] }).viaIndex(i));
    }
  });
  return errs;
}

/** Go's path.Clean for slash-separated paths. */
export function cleanPath(p: string): string {
  if (p === "") return ".";
  const rooted = p.startsWith("/");
  const out: string[] = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!rooted) out.push("..");
      continue;
    }
    out.push(part);
  }
  const joined = out.join("/");
  return rooted ? `/${joined}` : joined || ".";
}
