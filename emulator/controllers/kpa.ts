// The Knative Pod Autoscaler's decision (serving: pkg/autoscaler/scaling/autoscaler.go Scale,
// pkg/reconciler/autoscaling/resources/target.go, pkg/autoscaler/config/config.go defaults),
// as a pure function of observed concurrency. Scale to zero is simplified: a revision goes to
// zero once it has had no request (and none in flight) for the scale-to-zero grace period.

import { AUTOSCALING_KEYS, getByPriority, type KeyPriority } from "../../lib/knative/annotation-keys";
import type { Revision } from "../../lib/knative/types";

export const TICK_INTERVAL_MS = 2_000;
export const STABLE_WINDOW_MS = 60_000;
/** panic-window-percentage 10 % of the stable window. */
export const PANIC_WINDOW_MS = 6_000;
const CONTAINER_CONCURRENCY_TARGET_DEFAULT = 100;
const TARGET_UTILIZATION = 0.7;
const PANIC_THRESHOLD = 2;
const MAX_SCALE_UP_RATE = 1000;
const MAX_SCALE_DOWN_RATE = 2;

export interface ScalingSpec {
  /** Concurrent requests per pod the autoscaler aims for (100 × 0.7 by default). */
  target: number;
  minScale: number;
  /** 0 means unbounded. */
  maxScale: number;
  initialScale: number;
}

/** An autoscaling annotation as a number (its current key, else a legacy alias), or `fallback`. */
function numberAnnotation(revision: Revision, keys: KeyPriority, fallback: number): number {
  const { v, ok } = getByPriority(revision.metadata.annotations ?? {}, keys);
  const value = Number(v);
  return ok && Number.isFinite(value) ? value : fallback;
}

export function scalingSpecFor(revision: Revision): ScalingSpec {
  const containerConcurrency = revision.spec.containerConcurrency ?? 0;
  let total = numberAnnotation(revision, AUTOSCALING_KEYS.target, containerConcurrency > 0 ? containerConcurrency : CONTAINER_CONCURRENCY_TARGET_DEFAULT);
  if (containerConcurrency > 0) total = Math.min(total, containerConcurrency);
  const utilization = numberAnnotation(revision, AUTOSCALING_KEYS.targetUtilizationPercentage, TARGET_UTILIZATION * 100) / 100;
  const minScale = Math.max(0, numberAnnotation(revision, AUTOSCALING_KEYS.minScale, 0));
  const maxScale = Math.max(0, numberAnnotation(revision, AUTOSCALING_KEYS.maxScale, 0));
  return {
    target: Math.max(0.01, total * utilization),
    minScale,
    maxScale,
    initialScale: Math.max(1, numberAnnotation(revision, AUTOSCALING_KEYS.initialScale, 1)),
  };
}

/** Clamps to [min-scale, max-scale] (ScaleBounds). */
export function clampScale(spec: ScalingSpec, desired: number): number {
  let out = Math.max(desired, spec.minScale);
  if (spec.maxScale > 0) out = Math.min(out, spec.maxScale);
  return out;
}

export interface PanicState {
  /** Epoch ms the panic threshold was last exceeded, while in panic mode. */
  panicSince?: number;
  maxPanicPods: number;
}

export interface ScaleObservation {
  readyPods: number;
  stableConcurrency: number;
  panicConcurrency: number;
  /** Milliseconds since the last request (or activation), and requests still in flight. */
  idleForMs: number;
  inFlight: number;
}

export function decideScale(spec: ScalingSpec, obs: ScaleObservation, panic: PanicState, now: number, scaleToZeroGraceMs: number): { desired: number; panic: PanicState } {
  const ready = Math.max(1, obs.readyPods);
  const maxScaleUp = Math.ceil(MAX_SCALE_UP_RATE * ready);
  const maxScaleDown = Math.floor(ready / MAX_SCALE_DOWN_RATE);
  const dspc = Math.ceil(obs.stableConcurrency / spec.target);
  const dppc = Math.ceil(obs.panicConcurrency / spec.target);
  const desiredStable = Math.min(Math.max(dspc, maxScaleDown), maxScaleUp);
  const desiredPanic = Math.min(Math.max(dppc, maxScaleDown), maxScaleUp);

  const next: PanicState = { ...panic };
  const overThreshold = dppc / ready >= PANIC_THRESHOLD;
  if (overThreshold) next.panicSince = now;
  else if (next.panicSince !== undefined && next.panicSince + STABLE_WINDOW_MS < now) next.panicSince = undefined;

  let desired = desiredStable;
  if (next.panicSince !== undefined) {
    // In panic mode the pod count never decreases.
    next.maxPanicPods = Math.max(next.maxPanicPods, desiredStable, desiredPanic);
    desired = next.maxPanicPods;
  } else {
    next.maxPanicPods = 0;
  }

  const idle = obs.inFlight === 0 && obs.idleForMs >= scaleToZeroGraceMs;
  desired = idle ? 0 : Math.max(desired, 1);
  return { desired: clampScale(spec, desired), panic: next };
}
