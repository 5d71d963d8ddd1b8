// Which Kubernetes fields Knative lets a user set (serving: pkg/apis/serving/fieldmask.go).
// Go builds a "mask" copy of each struct holding only the allowed fields and reports every field
// that differs from it (`apis.CheckDisallowedFields`, via kmp.CompareSetFields): a field left
// at its zero value is never reported. Here each mask is the list of allowed JSON keys.

import { errDisallowedFields, type FieldError } from "../field-error";
import { featureAllows, type Features } from "./config";
import { isObject, isSetField } from "./json";

export interface FieldMask {
  /** JSON keys that may be set. */
  allowed: readonly string[];
  /** Disallowed keys whose Go type is a pointer (or slice/map), so false/0/"" still count as set. */
  pointers?: readonly string[];
}

/**
 * `must not set the field(s)` for every key of `value` that the mask does not allow and that
 * Go would see as set. Paths are relative to `value`.
 */
export function checkDisallowedFields(value: unknown, mask: FieldMask): FieldError | undefined {
  if (!isObject(value)) return undefined;
  const allowed = new Set(mask.allowed);
  const pointers = new Set(mask.pointers ?? []);
  const disallowed = Object.keys(value)
    .filter((k) => !allowed.has(k) && isSetField(value[k], pointers.has(k) || typeof value[k] === "object"))
    .sort();
  return disallowed.length > 0 ? errDisallowedFields(...disallowed) : undefined;
}

/** PodSpecMask. `automountServiceAccountToken` may only be set to false. */
export function podSpecMask(features: Features, podSpec: Record<string, unknown>): FieldMask {
  const allowed = ["serviceAccountName", "containers", "volumes", "imagePullSecrets", "enableServiceLinks"];
  if (podSpec.automountServiceAccountToken === false) allowed.push("automountServiceAccountToken");
  const gated: Array<[keyof Features, string]> = [
    ["podSpecAffinity", "affinity"],
    ["podSpecTopologySpreadConstraints", "topologySpreadConstraints"],
    ["podSpecHostAliases", "hostAliases"],
    ["podSpecNodeSelector", "nodeSelector"],
    ["podSpecRuntimeClassName", "runtimeClassName"],
    ["podSpecTolerations", "tolerations"],
    ["podSpecShareProcessNamespace", "shareProcessNamespace"],
    ["podSpecPriorityClassName", "priorityClassName"],
    ["podSpecSchedulerName", "schedulerName"],
    ["podSpecInitContainers", "initContainers"],
    ["podSpecDNSPolicy", "dnsPolicy"],
    ["podSpecDNSConfig", "dnsConfig"],
    ["podSpecHostIPC", "hostIPC"],
    ["podSpecHostPID", "hostPID"],
    ["podSpecHostNetwork", "hostNetwork"],
  ];
  for (const [flag, key] of gated) if (featureAllows(features[flag])) allowed.push(key);
  if (featureAllows(features.podSpecSecurityContext) || featureAllows(features.securePodDefaults)) allowed.push("securityContext");
  return {
    allowed,
    pointers: [
      "automountServiceAccountToken",
      "shareProcessNamespace",
      "terminationGracePeriodSeconds",
      "activeDeadlineSeconds",
      "priority",
      "runtimeClassName",
      "setHostnameAsFQDN",
      "hostUsers",
      "preemptionPolicy",
    ],
  };
}

export const CONTAINER_MASK: FieldMask = {
  allowed: [
    "name",
    "args",
    "command",
    "env",
    "workingDir",
    "envFrom",
    "image",
    "imagePullPolicy",
    "livenessProbe",
    "ports",
    "readinessProbe",
    "resources",
    "securityContext",
    "startupProbe",
    "terminationMessagePath",
    "terminationMessagePolicy",
    "volumeMounts",
  ],
  pointers: ["restartPolicy"],
};

export function volumeMountMask(features: Features): FieldMask {
  const allowed = ["name", "readOnly", "mountPath", "subPath"];
  if (featureAllows(features.podSpecVolumesMountPropagation)) allowed.push("mountPropagation");
  return { allowed, pointers: ["mountPropagation", "recursiveReadOnly"] };
}

/** Volume sources every Knative allows, and those behind a feature flag. */
export const ALWAYS_ALLOWED_VOLUME_SOURCES = ["secret", "configMap", "projected"] as const;
export const GATED_VOLUME_SOURCES: ReadonlyArray<readonly [keyof Features, string]> = [
  ["podSpecVolumesEmptyDir", "emptyDir"],
  ["podSpecPersistentVolumeClaim", "persistentVolumeClaim"],
  ["podSpecVolumesHostPath", "hostPath"],
  ["podSpecVolumesCSI", "csi"],
  ["podSpecVolumesEphemeral", "ephemeral"],
  ["podSpecVolumesImage", "image"],
];

export function volumeSourceMask(features: Features): FieldMask {
  const allowed: string[] = [...ALWAYS_ALLOWED_VOLUME_SOURCES];
  for (const [flag, key] of GATED_VOLUME_SOURCES) if (featureAllows(features[flag])) allowed.push(key);
  // Volume inlines VolumeSource, so its own `name` shares the object.
  return { allowed: [...allowed, "name"] };
}

export const VOLUME_PROJECTION_MASK: FieldMask = { allowed: ["secret", "configMap", "serviceAccountToken", "downwardAPI"] };
export const CONFIG_MAP_PROJECTION_MASK: FieldMask = { allowed: ["name", "items", "optional"] };
export const SECRET_PROJECTION_MASK: FieldMask = { allowed: ["name", "items", "optional"] };
export const SERVICE_ACCOUNT_TOKEN_PROJECTION_MASK: FieldMask = { allowed: ["audience", "expirationSeconds", "path"] };
export const DOWNWARD_API_PROJECTION_MASK: FieldMask = { allowed: ["items"] };
export const DOWNWARD_API_VOLUME_FILE_MASK: FieldMask = { allowed: ["fieldRef", "resourceFieldRef", "path", "mode"] };
export const KEY_TO_PATH_MASK: FieldMask = { allowed: ["key", "path", "mode"] };

export const PROBE_MASK: FieldMask = {
  allowed: [
    "exec",
    "httpGet",
    "tcpSocket",
    "grpc",
    "initialDelaySeconds",
    "timeoutSeconds",
    "periodSeconds",
    "successThreshold",
    "failureThreshold",
    "terminationGracePeriodSeconds",
  ],
};
/** An empty probe mask: everything set on a sidecar probe is disallowed without multi-container-probing. */
export const NOTHING_MASK: FieldMask = { allowed: [] };
export const EXEC_ACTION_MASK: FieldMask = { allowed: ["command"] };
export const HTTP_GET_ACTION_MASK: FieldMask = { allowed: ["host", "path", "scheme", "httpHeaders", "port"] };
export const TCP_SOCKET_ACTION_MASK: FieldMask = { allowed: ["host", "port"] };
export const GRPC_ACTION_MASK: FieldMask = { allowed: ["port", "service"] };

export const CONTAINER_PORT_MASK: FieldMask = { allowed: ["containerPort", "name", "protocol"] };
export const ENV_VAR_MASK: FieldMask = { allowed: ["name", "value", "valueFrom"] };
export function envVarSourceMask(features: Features): FieldMask {
  const allowed = ["configMapKeyRef", "secretKeyRef"];
  if (featureAllows(features.podSpecFieldRef)) allowed.push("fieldRef", "resourceFieldRef");
  return { allowed };
}
export const ENV_FROM_SOURCE_MASK: FieldMask = { allowed: ["prefix", "configMapRef", "secretRef"] };
export const ENV_SOURCE_REF_MASK: FieldMask = { allowed: ["name", "optional"] };
export const RESOURCE_REQUIREMENTS_MASK: FieldMask = { allowed: ["limits", "requests"] };

/** PodSecurityContextMask: nothing unless pod-spec-securitycontext (or secure-pod-defaults for seccomp). */
export function podSecurityContextMask(features: Features, sc: Record<string, unknown>): FieldMask {
  if (featureAllows(features.podSpecSecurityContext)) {
    return { allowed: ["runAsUser", "runAsGroup", "runAsNonRoot", "fsGroup", "supplementalGroups", "seccompProfile"] };
  }
  const secure = features.securePodDefaults === "Enabled" || features.securePodDefaults === "AllowRootBounded";
  const seccomp = isObject(sc.seccompProfile) ? sc.seccompProfile : undefined;
  const onlyType = seccomp && Object.keys(seccomp).every((k) => k === "type") && (seccomp.type === "RuntimeDefault" || seccomp.type === "Unconfined");
  return { allowed: secure && onlyType ? ["seccompProfile"] : [], pointers: ["runAsUser", "runAsGroup", "runAsNonRoot", "fsGroup"] };
}

/** SecurityContextMask: `privileged` may only be false. */
export function securityContextMask(sc: Record<string, unknown>): FieldMask {
  const allowed = ["capabilities", "readOnlyRootFilesystem", "runAsUser", "runAsGroup", "runAsNonRoot", "allowPrivilegeEscalation", "seccompProfile"];
  if (sc.privileged === false) allowed.push("privileged");
  return { allowed, pointers: ["privileged", "procMount", "appArmorProfile"] };
}

/** CapabilitiesMask: `add` needs container-spec-add-capabilities, or is exactly [NET_BIND_SERVICE] with secure-pod-defaults. */
export function capabilitiesMask(features: Features, caps: Record<string, unknown>): FieldMask {
  const allowed = ["drop"];
  const secure = features.securePodDefaults === "Enabled" || features.securePodDefaults === "AllowRootBounded";
  const add = caps.add;
  const onlyNetBind = Array.isArray(add) && add.length === 1 && add[0] === "NET_BIND_SERVICE";
  if (features.containerSpecAddCapabilities === "Enabled" || (secure && onlyNetBind)) allowed.push("add");
  return { allowed };
}

export const IMAGE_VOLUME_SOURCE_MASK: FieldMask = { allowed: ["reference", "pullPolicy"] };
