// Annotations Knative reads under more than one spelling (knative.dev/pkg kmap.KeyPriority): the
// first key is the current one, the others are legacy camelCase aliases still accepted. Serving
// lists them in pkg/apis/autoscaling/register.go and pkg/apis/serving/register.go. The webhook's
// checks, the embedded autoscaler and the Service reconciler all read annotations through these.

import { AUTOSCALING_PREFIX } from "./labels";

/** kmap.KeyPriority: the current key first, then accepted aliases. */
export type KeyPriority = readonly [string, ...string[]];

export function keyPriority(current: string, ...aliases: string[]): KeyPriority {
  return [current, ...aliases];
}

/** An autoscaling.knative.dev/ key and its aliases, by their names within the group. */
const autoscaling = (current: string, ...aliases: string[]): KeyPriority =>
  keyPriority(AUTOSCALING_PREFIX + current, ...aliases.map((alias) => AUTOSCALING_PREFIX + alias));

export const AUTOSCALING_KEYS = {
  class: autoscaling("class"),
  minScale: autoscaling("min-scale", "minScale"),
  maxScale: autoscaling("max-scale", "maxScale"),
  initialScale: autoscaling("initial-scale", "initialScale"),
  activationScale: autoscaling("activation-scale"),
  scaleDownDelay: autoscaling("scale-down-delay", "scaleDownDelay"),
  metric: autoscaling("metric"),
  target: autoscaling("target"),
  targetUtilizationPercentage: autoscaling("target-utilization-percentage", "targetUtilizationPercentage"),
  targetBurstCapacity: autoscaling("target-burst-capacity", "targetBurstCapacity"),
  panicWindowPercentage: autoscaling("panic-window-percentage", "panicWindowPercentage"),
  panicThresholdPercentage: autoscaling("panic-threshold-percentage", "panicThresholdPercentage"),
  window: autoscaling("window"),
  scaleToZeroPodRetentionPeriod: autoscaling("scale-to-zero-pod-retention-period", "scaleToZeroPodRetentionPeriod"),
  metricAggregationAlgorithm: autoscaling("metric-aggregation-algorithm", "metricAggregationAlgorithm"),
} as const;

/** serving.RolloutDurationAnnotation. */
export const ROLLOUT_DURATION_KEYS = keyPriority("serving.knative.dev/rollout-duration", "serving.knative.dev/rolloutDuration");

/** What KeyPriority.Get answers, named as Go's `k, v, ok := keys.Get(m)`. */
export interface PriorityLookup {
  /** The key found, or the current key when none is present. */
  k: string;
  /** Its value; "" when absent. */
  v: string;
  ok: boolean;
}

/** KeyPriority.Get: the first of `keys` present in `annotations`, and its value. */
export function getByPriority(annotations: Record<string, string>, priority: KeyPriority): PriorityLookup {
  for (const k of priority) if (Object.hasOwn(annotations, k)) return { k, v: annotations[k]!, ok: true };
  return { k: priority[0], v: "", ok: false };
}
