// The autoscaler and activator of the embedded cluster: for each Revision it decides a scale
// (KPA rules in kpa.ts, every 2 s), keeps that many Pods in the registry (they turn Ready after
// `readyDelayMs`, as if their containers had started), scales to zero after the grace period
// without traffic, and scales back from zero when the gateway asks it to activate a revision.
//
// It also does the revision Deployment's job when the pod template changes, which here means a
// new config-observability (queue-proxy's OBSERVABILITY_CONFIG): it rolls the pods as a
// Deployment with Knative's strategy does (pkg/reconciler/revision/resources/deploy.go:
// RollingUpdate, maxUnavailable 0, and the default maxSurge of 25%): new pods first, and an old
// one goes only once the ready pods would still number the desired scale without it.

import { getCondition, READY, type Clock } from "../../lib/knative/conditions";
import { LABEL_REVISION } from "../../lib/knative/labels";
import type { Revision } from "../../lib/knative/types";
import { ApiError } from "../core/errors";
import { CONTROLLER, type Registry } from "../core/registry";
import { PODS, REVISIONS } from "../core/resources";
import type { Activator, TrafficStats } from "../core/runtime";
import { keyOf, splitKey } from "./controller";
import { clampScale, decideScale, PANIC_WINDOW_MS, scalingSpecFor, STABLE_WINDOW_MS, TICK_INTERVAL_MS, type PanicState } from "./kpa";
import { currentObservabilityConfig } from "../knative/config-observability";
import { isPodReady, makePod, podName, podObservabilityConfig, readyStatus, type Pod } from "./pods";

export interface AutoscalerOptions {
  registry: Registry;
  stats: TrafficStats;
  clock: Clock;
  readyDelayMs: number;
  scaleToZeroGraceMs: number;
  /** Queue this revision for the pod reconcile (the autoscaler's own controller). */
  enqueue(namespace: string, name: string): void;
  /** The desired scale changed: the Revision's status (desiredReplicas, Active) needs a reconcile. */
  onScaleChanged(namespace: string, name: string): void;
}

interface Waiter {
  resolve(): void;
  reject(err: Error): void;
}

interface RevisionScale {
  desired: number;
  panic: PanicState;
  /** Epoch ms of the last activation or creation: traffic that did not go through the stats. */
  lastActiveAt: number;
  waiters: Set<Waiter>;
  /**
   * Whether the revision has reached a ready pod since this entry was made. Until then the KPA
   * holds it at its initial scale (Knative's ScaleTargetInitialized): a revision slow to start
   * must not be scaled to zero before it ever served.
   */
  initialized: boolean;
}

/** Why a revision cannot run pods, or undefined when it can. */
function notRunnable(revision: Revision): string | undefined {
  const healthy = getCondition(revision.status, "ContainerHealthy");
  if (healthy?.status === "False") return healthy.message ?? healthy.reason ?? "container is not healthy";
  const ready = getCondition(revision.status, READY);
  if (ready?.status === "False") return ready.message ?? ready.reason ?? "revision failed";
  return undefined;
}

/** Not-ready pods first, then the newest (the ReplicaSet controller's preference, simplified). */
function byDeletionPreference(pods: Pod[]): Pod[] {
  return [...pods].sort(
    (a, b) => Number(isPodReady(a)) - Number(isPodReady(b)) || (b.metadata.creationTimestamp ?? "").localeCompare(a.metadata.creationTimestamp ?? ""),
  );
}

/** Pods are only started once the image digests are resolved, as the Deployment is. */
const digestsResolved = (revision: Revision) => (revision.status?.containerStatuses?.length ?? 0) > 0;

export class Autoscaler implements Activator {
  private readonly scales = new Map<string, RevisionScale>();
  private readonly readyTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private ticker: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly opts: AutoscalerOptions) {}

  start(): void {
    this.ticker ??= setInterval(() => this.tick(), TICK_INTERVAL_MS);
  }

  stop(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = undefined;
    for (const t of this.readyTimers.values()) clearTimeout(t);
    this.readyTimers.clear();
    for (const scale of this.scales.values()) this.rejectWaiters(scale, new Error("the autoscaler stopped"));
  }

  /** The scale the autoscaler wants for a revision (its initial scale until decided otherwise). */
  desiredScale(revision: Revision): number {
    return this.scaleOf(revision).desired;
  }

  /** Pods for one revision: create or delete to match the desired scale; settle activations. */
  reconcile(namespace: string, name: string): void {
    const key = keyOf(namespace, name);
    const revision = this.opts.registry.get<Revision>(REVISIONS, namespace, name);
    if (!revision) {
      const scale = this.scales.get(key);
      if (scale) this.rejectWaiters(scale, new Error(`revision "${name}" was deleted`));
      this.scales.delete(key);
      return;
    }
    const failure = notRunnable(revision);
    const scale = this.scaleOf(revision);
    if (failure) this.rejectWaiters(scale, new Error(failure));
    const pods = this.podsOf(revision);
    const wanted = failure || !digestsResolved(revision) ? 0 : scale.desired;
    const template = currentObservabilityConfig(this.opts.registry);
    const outdated = pods.filter((p) => podObservabilityConfig(p) !== template);

    if (outdated.length > 0 && wanted > 0) this.roll(revision, pods, outdated, wanted, template);
    else this.scaleTo(revision, pods, wanted, template);
    for (const pod of this.podsOf(revision)) if (!isPodReady(pod)) this.scheduleReady(pod);
    if (pods.some(isPodReady)) this.resolveWaiters(scale);
  }

  /** Creates or deletes pods to have `wanted`, deleting the not-ready and the newest first. */
  private scaleTo(revision: Revision, pods: Pod[], wanted: number, template: string): void {
    for (let i = pods.length; i < wanted; i++) this.createPod(revision, template);
    if (pods.length > wanted) {
      for (const pod of byDeletionPreference(pods).slice(0, pods.length - wanted)) this.deletePod(pod);
    }
  }

  /** One step of a rolling update from the `outdated` pods to pods of `template`. */
  private roll(revision: Revision, pods: Pod[], outdated: Pod[], wanted: number, template: string): void {
    const current = pods.filter((p) => !outdated.includes(p));
    const maxSurge = Math.ceil(wanted * 0.25);
    const toCreate = Math.min(wanted - current.length, wanted + maxSurge - pods.length);
    for (let i = 0; i < toCreate; i++) this.createPod(revision, template);
    const leaving = [
      ...byDeletionPreference(current).slice(0, Math.max(0, current.length - wanted)),
      // Old pods that are not ready serve nothing: they go at once.
      ...outdated.filter((p) => !isPodReady(p)),
    ];
    // Ready old pods go, oldest first, while the ready pods left still number `wanted`.
    let spare = pods.filter((p) => isPodReady(p) && !leaving.includes(p)).length - wanted;
    for (const pod of byDeletionPreference(outdated).reverse()) if (isPodReady(pod) && spare-- > 0) leaving.push(pod);
    for (const pod of leaving) this.deletePod(pod);
  }

  activate(namespace: string, name: string, signal?: AbortSignal): Promise<void> {
    const revision = this.opts.registry.get<Revision>(REVISIONS, namespace, name);
    if (!revision) return Promise.reject(new Error(`revision "${name}" not found`));
    const failure = notRunnable(revision);
    if (failure) return Promise.reject(new Error(failure));
    const scale = this.scaleOf(revision);
    scale.lastActiveAt = this.opts.clock().getTime();
    if (this.podsOf(revision).some(isPodReady)) return Promise.resolve();
    if (scale.desired === 0) {
      scale.desired = clampScale(scalingSpecFor(revision), 1);
      this.opts.onScaleChanged(namespace, name);
    }
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason ?? new Error("aborted"));
      const waiter: Waiter = {
        resolve: () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        },
        reject: (err) => {
          signal?.removeEventListener("abort", onAbort);
          reject(err);
        },
      };
      const onAbort = () => {
        scale.waiters.delete(waiter);
        reject(signal?.reason ?? new Error("aborted"));
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      scale.waiters.add(waiter);
      this.opts.enqueue(namespace, name);
    });
  }

  /** One KPA round over every revision the autoscaler knows. */
  tick(): void {
    const now = this.opts.clock().getTime();
    for (const [key, scale] of this.scales) {
      const [namespace, name] = splitKey(key);
      const revision = this.opts.registry.get<Revision>(REVISIONS, namespace, name);
      if (!revision) {
        this.opts.enqueue(namespace, name);
        continue;
      }
      if (notRunnable(revision) || !digestsResolved(revision)) continue;
      const { stats } = this.opts;
      const readyPods = this.podsOf(revision).filter(isPodReady).length;
      if (!scale.initialized) {
        if (readyPods === 0) continue;
        scale.initialized = true;
        scale.lastActiveAt = now; // the grace period starts once it can serve
      }
      const lastRequest = stats.lastRequestAt(namespace, name) ?? 0;
      const decision = decideScale(
        scalingSpecFor(revision),
        {
          readyPods,
          stableConcurrency: stats.window(namespace, name, STABLE_WINDOW_MS).averageConcurrency,
          panicConcurrency: stats.window(namespace, name, PANIC_WINDOW_MS).averageConcurrency,
          idleForMs: now - Math.max(lastRequest, scale.lastActiveAt),
          inFlight: stats.inFlight(namespace, name) + scale.waiters.size,
        },
        scale.panic,
        now,
        this.opts.scaleToZeroGraceMs,
      );
      scale.panic = decision.panic;
      if (decision.desired !== scale.desired) {
        scale.desired = decision.desired;
        this.opts.enqueue(namespace, name);
        this.opts.onScaleChanged(namespace, name);
      }
    }
  }

  private scaleOf(revision: Revision): RevisionScale {
    const key = keyOf(revision.metadata.namespace, revision.metadata.name!);
    let scale = this.scales.get(key);
    if (!scale) {
      // After a restart, carry on from what the Revision's status recorded: a revision at zero
      // stays there until activated; others get a fresh grace period.
      const recorded = revision.status?.desiredReplicas;
      const desired = recorded ?? clampScale(scalingSpecFor(revision), scalingSpecFor(revision).initialScale);
      const lastActiveAt = recorded === 0 ? Number.NEGATIVE_INFINITY : this.opts.clock().getTime();
      scale = { desired, panic: { maxPanicPods: 0 }, lastActiveAt, waiters: new Set(), initialized: desired === 0 };
      this.scales.set(key, scale);
    }
    return scale;
  }

  private podsOf(revision: Revision): Pod[] {
    return this.opts.registry
      .list<Pod>(PODS, revision.metadata.namespace, { [LABEL_REVISION]: revision.metadata.name! })
      .filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === revision.metadata.uid));
  }

  private createPod(revision: Revision, observabilityConfig: string): void {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        const pod = makePod(revision, { name: podName(revision, observabilityConfig), now: this.opts.clock(), observabilityConfig });
        this.opts.registry.create(PODS, pod, CONTROLLER);
        return;
      } catch (err) {
        if (!(err instanceof ApiError && err.status.reason === "AlreadyExists")) throw err;
      }
    }
  }

  private deletePod(pod: Pod): void {
    this.clearReadyTimer(pod);
    try {
      this.opts.registry.delete(PODS, pod.metadata.namespace, pod.metadata.name!, CONTROLLER);
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 404)) throw err;
    }
  }

  private scheduleReady(pod: Pod): void {
    const key = keyOf(pod.metadata.namespace, pod.metadata.name!);
    if (this.readyTimers.has(key)) return;
    const created = Date.parse(pod.metadata.creationTimestamp ?? "") || this.opts.clock().getTime();
    const delay = Math.max(0, Math.min(this.opts.readyDelayMs, created + this.opts.readyDelayMs - this.opts.clock().getTime()));
    const timer = setTimeout(() => {
      this.readyTimers.delete(key);
      this.markReady(pod.metadata.namespace!, pod.metadata.name!);
    }, delay);
    this.readyTimers.set(key, timer);
  }

  private clearReadyTimer(pod: Pod): void {
    const key = keyOf(pod.metadata.namespace, pod.metadata.name!);
    const timer = this.readyTimers.get(key);
    if (timer) clearTimeout(timer);
    this.readyTimers.delete(key);
  }

  private markReady(namespace: string, name: string): void {
    const pod = this.opts.registry.get<Pod>(PODS, namespace, name);
    if (!pod || isPodReady(pod)) return;
    const revisionName = pod.metadata.labels?.[LABEL_REVISION] ?? "";
    const revision = this.opts.registry.get<Revision>(REVISIONS, namespace, revisionName);
    const digests: Record<string, string> = {};
    for (const s of revision?.status?.containerStatuses ?? []) if (s.imageDigest) digests[s.name] = s.imageDigest;
    try {
      this.opts.registry.update(PODS, { ...pod, status: readyStatus(pod, this.allocatePodIP(), digests, this.opts.clock()) }, CONTROLLER, {
        subresource: "status",
      });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.code === 409) this.scheduleReady(pod);
    }
  }

  /** A free address in 10.244.0.0/16, the pod network of a kind cluster. */
  private allocatePodIP(): string {
    const taken = new Set(this.opts.registry.view<Pod>(PODS).map((p) => p.status?.podIP));
    for (;;) {
      const n = 2 + Math.floor(Math.random() * 65_000);
      const ip = `10.244.${n >> 8}.${n & 255}`;
      if ((n & 255) !== 0 && (n & 255) !== 255 && !taken.has(ip)) return ip;
    }
  }

  private resolveWaiters(scale: RevisionScale): void {
    for (const w of scale.waiters) w.resolve();
    scale.waiters.clear();
  }

  private rejectWaiters(scale: RevisionScale, err: Error): void {
    for (const w of scale.waiters) w.reject(err);
    scale.waiters.clear();
  }
}
