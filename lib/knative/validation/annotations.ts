// Annotation rules: autoscaling annotations (serving: pkg/apis/autoscaling/annotation_validation.go),
// "no autoscaling annotations on a Service/Configuration" and the rollout duration
// (pkg/apis/serving/metadata_validation.go), progress deadline and queue-proxy resources
// (pkg/apis/serving/v1/revision_validation.go), networking annotations
// (knative/networking pkg/apis/networking/metadata_validation.go). Paths are annotation keys;
// callers prefix `metadata.annotations`.

import { CURRENT_FIELD, FieldError, also, errGeneric, errInvalidKeyName, errInvalidValue, errOutOfBoundsValue } from "../field-error";
import { AUTOSCALING_KEYS, getByPriority, keyPriority, ROLLOUT_DURATION_KEYS, type KeyPriority } from "../annotation-keys";
import { AUTOSCALING_GROUP } from "../labels";
import { HPA_CLASS, KPA_CLASS, type AutoscalerConfig } from "./config";
import { isWholeSeconds, parseGoDuration } from "./go-duration";

const MAX_INT32 = 2147483647;
/** WindowMin and WindowMax as Go prints a time.Duration. */
const WINDOW_MIN = { nanos: 6e9, text: "6s" };
const WINDOW_MAX = { nanos: 3600e9, text: "1h0m0s" };

const PROGRESS_DEADLINE = keyPriority("serving.knative.dev/progress-deadline");
const QUEUE_RESOURCE_PERCENTAGE = keyPriority("queue.sidecar.serving.knative.dev/resource-percentage", "queue.sidecar.serving.knative.dev/resourcePercentage");
const QUEUE_RESOURCE_KEYS: KeyPriority[] = ["cpu-resource-request", "cpu-resource-limit", "memory-resource-request", "memory-resource-limit", "ephemeral-storage-resource-request", "ephemeral-storage-resource-limit"].map(
  (k) => keyPriority(`queue.sidecar.serving.knative.dev/${k}`),
);
const NETWORKING_ALLOWED = new Set(
  [
    "ingress.class",
    "certificate.class",
    "disableAutoTLS",
    "disable-external-domain-tls",
    "httpOption",
    "ingress-class",
    "certificate-class",
    "disable-auto-tls",
    "http-protocol",
  ].map((k) => `networking.knative.dev/${k}`),
);

/** strconv.ParseFloat (decimal and exponent forms, inf, nan). */
export function parseGoFloat(v: string): number | undefined {
  if (/^[+-]?(inf|infinity)$/i.test(v)) return v.startsWith("-") ? -Infinity : Infinity;
  if (/^[+-]?nan$/i.test(v)) return NaN;
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v) ? Number(v) : undefined;
}

/** strconv.ParseInt(v, 10, bits): a number, "range" when out of range, undefined on bad syntax. */
function parseGoInt(v: string, bits: 32 | 64): number | "range" | undefined {
  if (!/^[+-]?\d+$/.test(v)) return undefined;
  const n = BigInt(v);
  const limit = 2n ** BigInt(bits - 1);
  return n >= limit || n < -limit ? "range" : Number(n);
}

/** resource.ParseQuantity, as far as syntax goes. */
export function isQuantity(v: string): boolean {
  return /^[+-]?(\d+\.?\d*|\.\d+)(([KMGTPE]i)|[numkMGTPE]|[eE][+-]?\d+)?$/.test(v);
}

// ---- autoscaling.ValidateAnnotations ----

/** The autoscaling annotations of a Revision (or revision template). */
export function validateAutoscalingAnnotations(config: AutoscalerConfig, annotations: Record<string, string>): FieldError | undefined {
  return also(
    validateClass(annotations),
    validateMinMaxScale(config, annotations),
    validateFloats(annotations),
    validateWindow(annotations),
    validateLastPodRetention(annotations),
    validateScaleDownDelay(annotations),
    validateMetric(config, annotations),
    validateAlgorithm(annotations),
    validateInitialScale(config, annotations),
  );
}

function validateClass(m: Record<string, string>): FieldError | undefined {
  const { k, v, ok } = getByPriority(m, AUTOSCALING_KEYS.class);
  // Custom autoscalers outside *.knative.dev may use any class.
  if (ok && v.endsWith(".knative.dev") && v !== KPA_CLASS && v !== HPA_CLASS) return errInvalidValue(v, k);
  return undefined;
}

function validateAlgorithm(m: Record<string, string>): FieldError | undefined {
  if (getByPriority(m, AUTOSCALING_KEYS.class).v !== KPA_CLASS) return undefined;
  const { k, v } = getByPriority(m, AUTOSCALING_KEYS.metricAggregationAlgorithm);
  if (v !== "" && !["linear", "weighted-exponential", "weightedExponential"].includes(v)) return errInvalidValue(v, k);
  return undefined;
}

function validateFloats(m: Record<string, string>): FieldError | undefined {
  let errs: FieldError | undefined;
  const panicWindow = getByPriority(m, AUTOSCALING_KEYS.panicWindowPercentage);
  if (panicWindow.ok) {
    const f = parseGoFloat(panicWindow.v);
    if (f === undefined) errs = also(errs, errInvalidValue(panicWindow.v, panicWindow.k));
    // Go assigns here rather than Also (kept as is).
    else if (f < 1 || f > 100) errs = errOutOfBoundsValue(panicWindow.v, 1, 100, panicWindow.k);
  }
  const panicThreshold = getByPriority(m, AUTOSCALING_KEYS.panicThresholdPercentage);
  if (panicThreshold.ok) {
    const f = parseGoFloat(panicThreshold.v);
    if (f === undefined) errs = also(errs, errInvalidValue(panicThreshold.v, panicThreshold.k));
    else if (f < 110 || f > 1000) errs = also(errs, errOutOfBoundsValue(panicThreshold.v, 110, 1000, panicThreshold.k));
  }
  const target = getByPriority(m, AUTOSCALING_KEYS.target);
  if (target.ok) {
    const f = parseGoFloat(target.v);
    if (f === undefined) errs = also(errs, errInvalidValue(target.v, target.k));
    else if (f < 0.01) errs = also(errs, errGeneric(`target ${target.v} should be at least 0.01`, target.k));
  }
  const utilization = getByPriority(m, AUTOSCALING_KEYS.targetUtilizationPercentage);
  if (utilization.ok) {
    const f = parseGoFloat(utilization.v);
    if (f === undefined) errs = also(errs, errInvalidValue(utilization.v, utilization.k));
    else if (f < 1 || f > 100) errs = also(errs, errOutOfBoundsValue(utilization.v, 1, 100, utilization.k));
  }
  const burst = getByPriority(m, AUTOSCALING_KEYS.targetBurstCapacity);
  if (burst.ok) {
    const f = parseGoFloat(burst.v);
    // -1 means "activator always in the path".
    if (f === undefined || (f < 0 && f !== -1)) errs = also(errs, errInvalidValue(burst.v, burst.k));
  }
  return errs;
}

function validateScaleDownDelay(m: Record<string, string>): FieldError | undefined {
  const { k, v, ok } = getByPriority(m, AUTOSCALING_KEYS.scaleDownDelay);
  if (!ok) return undefined;
  const d = parseGoDuration(v);
  if (d === undefined) return errInvalidValue(v, k);
  if (d < 0 || d > WINDOW_MAX.nanos) return errOutOfBoundsValue(v, "0s", WINDOW_MAX.text, k);
  if (!isWholeSeconds(d)) return errGeneric("must be specified with at most second precision", k);
  return undefined;
}

function validateLastPodRetention(m: Record<string, string>): FieldError | undefined {
  const { k, v, ok } = getByPriority(m, AUTOSCALING_KEYS.scaleToZeroPodRetentionPeriod);
  if (!ok) return undefined;
  const d = parseGoDuration(v);
  if (d === undefined) return errInvalidValue(v, k);
  if (d < 0 || d > WINDOW_MAX.nanos) return errOutOfBoundsValue(v, "0s", WINDOW_MAX.text, k);
  return undefined;
}

function validateWindow(m: Record<string, string>): FieldError | undefined {
  const { v, ok } = getByPriority(m, AUTOSCALING_KEYS.window);
  if (!ok) return undefined;
  const k = AUTOSCALING_KEYS.window[0];
  const d = parseGoDuration(v);
  if (d === undefined) return errInvalidValue(v, k);
  if (d < WINDOW_MIN.nanos || d > WINDOW_MAX.nanos) return errOutOfBoundsValue(v, WINDOW_MIN.text, WINDOW_MAX.text, k);
  if (!isWholeSeconds(d)) return errGeneric("must be specified with at most second precision", k);
  return undefined;
}

/** getIntGE0: a non-negative int32 annotation; 0 when absent. */
function getIntGE0(m: Record<string, string>, keys: KeyPriority): [number, FieldError | undefined] {
  const { k, v, ok } = getByPriority(m, keys);
  if (!ok) return [0, undefined];
  const n = parseGoInt(v, 32);
  if (n === "range") return [0, errOutOfBoundsValue(v, 0, MAX_INT32, k)];
  if (n === undefined) return [0, errInvalidValue(v, k)];
  if (n < 0) return [0, errOutOfBoundsValue(v, 0, MAX_INT32, k)];
  return [n, undefined];
}

function validateMinMaxScale(config: AutoscalerConfig, m: Record<string, string>): FieldError | undefined {
  const [min, minErr] = getIntGE0(m, AUTOSCALING_KEYS.minScale);
  const [max, maxErr] = getIntGE0(m, AUTOSCALING_KEYS.maxScale);
  let errs = also(minErr, maxErr);
  if (max !== 0 && max < min) {
    errs = also(errs, new FieldError({ message: `max-scale=${max} is less than min-scale=${min}`, paths: [AUTOSCALING_KEYS.maxScale[0], AUTOSCALING_KEYS.minScale[0]] }));
  }
  const maxKey = getByPriority(m, AUTOSCALING_KEYS.maxScale);
  if (maxKey.ok && config.maxScaleLimit !== 0) {
    if (max > config.maxScaleLimit) errs = also(errs, errOutOfBoundsValue(max, 1, config.maxScaleLimit, maxKey.k));
    if (max === 0) errs = also(errs, errGeneric(`max-scale=0 (unlimited), must be less than ${config.maxScaleLimit}`, maxKey.k));
  }
  const activation = getByPriority(m, AUTOSCALING_KEYS.activationScale);
  if (activation.ok) {
    const n = parseGoInt(activation.v, 32);
    if (typeof n !== "number") errs = also(errs, errInvalidValue(activation.v, activation.k));
    else if (min > n) errs = also(errs, errGeneric(`min-scale=${min} is greater than activation-scale=${n}`, activation.k));
    else if (max < n && max !== 0) errs = also(errs, errGeneric(`max-scale=${max} is less than activation-scale=${n}`, activation.k));
    else if (n < 2) errs = also(errs, errGeneric(`activation-scale=${n} must be greater than 1`, activation.k));
  }
  return errs;
}

function validateMetric(config: AutoscalerConfig, m: Record<string, string>): FieldError | undefined {
  const metric = getByPriority(m, AUTOSCALING_KEYS.metric);
  if (!metric.ok) return undefined;
  const cls = getByPriority(m, AUTOSCALING_KEYS.class);
  const classValue = cls.ok ? cls.v : config.podAutoscalerClass;
  if (classValue === KPA_CLASS) {
    if (metric.v === "concurrency" || metric.v === "rps") return undefined;
  } else if (classValue === HPA_CLASS) {
    if (metric.v !== "") return undefined;
  } else {
    return undefined; // Other autoscaler classes define their own metrics.
  }
  return errInvalidValue(metric.v, AUTOSCALING_KEYS.metric[0]);
}

function validateInitialScale(config: AutoscalerConfig, m: Record<string, string>): FieldError | undefined {
  const { k, v, ok } = getByPriority(m, AUTOSCALING_KEYS.initialScale);
  if (!ok) return undefined;
  const n = parseGoInt(v, 64);
  if (typeof n !== "number") return errInvalidValue(v, k);
  if (n < 0) return errInvalidValue(v, `${k} must be greater than 0`);
  if (!config.allowZeroInitialScale && n === 0) return errInvalidValue(v, `${k}=0 not allowed by cluster`);
  return undefined;
}

// ---- serving metadata annotations ----

/** ValidateHasNoAutoscalingAnnotation: Services and Configurations must put them on the template. */
export function validateHasNoAutoscalingAnnotation(annotations: Record<string, string>): FieldError | undefined {
  let errs: FieldError | undefined;
  for (const k of Object.keys(annotations)) {
    // Any key of the group, as Go's strings.HasPrefix(key, autoscaling.GroupName): no "/" required.
    if (k.startsWith(AUTOSCALING_GROUP)) {
      errs = also(errs, errInvalidKeyName(k, CURRENT_FIELD, 'autoscaling annotations must be put under "spec.template.metadata.annotations" to work'));
    }
  }
  return errs;
}

/** A duration annotation that must parse, be whole seconds and not negative. */
function validateDurationAnnotation(annotations: Record<string, string>, keys: KeyPriority, label: string): FieldError | undefined {
  const { k, v } = getByPriority(annotations, keys);
  if (v === "") return undefined;
  const d = parseGoDuration(v);
  if (d === undefined) return errInvalidValue(v, k);
  if (!isWholeSeconds(d)) return errGeneric(`${label}=${v} is not at second precision`, k);
  if (d < 0) return errGeneric(`${label}=${v} must be positive`, k);
  return undefined;
}

/** ValidateRolloutDurationAnnotation (Service and Route metadata). */
export function validateRolloutDurationAnnotation(annotations: Record<string, string>): FieldError | undefined {
  return validateDurationAnnotation(annotations, ROLLOUT_DURATION_KEYS, "rollout-duration");
}

/** validateProgressDeadlineAnnotation (revision template metadata). */
export function validateProgressDeadlineAnnotation(annotations: Record<string, string>): FieldError | undefined {
  return validateDurationAnnotation(annotations, PROGRESS_DEADLINE, "progress-deadline");
}

/** validateQueueSidecarResourceAnnotations: the deprecated percentage warns; quantities must parse. */
export function validateQueueSidecarResourceAnnotations(annotations: Record<string, string>): FieldError | undefined {
  if (Object.keys(annotations).length === 0) return undefined;
  let errs: FieldError | undefined;
  const pct = getByPriority(annotations, QUEUE_RESOURCE_PERCENTAGE);
  if (pct.ok) {
    errs = errGeneric(
      "Queue proxy resource percentage annotation is deprecated. Please use the available annotations to explicitly set resource values per service",
    )
      .viaKey(pct.k)
      .at("warning");
    const f = parseGoFloat(pct.v);
    if (f === undefined) errs = also(errs, errInvalidValue(pct.v, CURRENT_FIELD).viaKey(pct.k));
    else if (f < 0.1 || f > 100) errs = also(errs, errOutOfBoundsValue(f, 0.1, 100, CURRENT_FIELD).viaKey(pct.k));
  }
  for (const keys of QUEUE_RESOURCE_KEYS) {
    const { k, v, ok } = getByPriority(annotations, keys);
    if (ok && !isQuantity(v)) errs = also(errs, errInvalidValue(v, CURRENT_FIELD).viaKey(k));
  }
  return errs;
}

/** networking.ValidateAnnotations: only known networking.knative.dev annotations. */
export function validateNetworkingAnnotations(annotations: Record<string, string>): FieldError | undefined {
  let errs: FieldError | undefined;
  for (const k of Object.keys(annotations)) {
    if (!NETWORKING_ALLOWED.has(k) && k.startsWith("networking.knative.dev")) errs = also(errs, errInvalidKeyName(k, CURRENT_FIELD));
  }
  return errs;
}
