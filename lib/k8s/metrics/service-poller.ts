// One poller per Service, shared by every viewer of its page: once a second it reads the
// Service (for the configured split and the tag hosts), lists the Service's pods, and reads the
// queue-proxy statistics of each ready pod, then adds one MetricsSample to a bounded history
// and hands it to the viewers. It starts with the first viewer and stops a little after the
// last one leaves (the linger bridges a page reload). Pods that vanish or do not answer in time
// leave a gap in that second, never an error for the page. A pod that does not serve request
// metrics on 9091 is not asked for them every second (./request-metrics-refusals.ts).

import type { KubeConfig } from "@kubernetes/client-node";
import { LABEL_REVISION, LABEL_SERVICE } from "@/lib/knative/labels";
import { trafficShares } from "@/lib/knative/traffic-shares";
import type { Service } from "@/lib/knative/types";
import type { MetricsProblem, MetricsSample, RevisionSample } from "@/lib/metrics/types";
import type { Pod } from "@/lib/queries/api-types";
import { rawGet } from "../raw-get";
import { readQueueStat, readRequestCounters, requestMetricsEnabled } from "./pod-readings";
import { addCounterDelta, emptyCounts, type CounterReading } from "./request-counters";
import { RequestMetricsRefusals } from "./request-metrics-refusals";

export const SAMPLE_INTERVAL_MS = 1000;
/** Ten minutes of seconds: what the charts can show, and a fixed memory bound per Service. */
export const HISTORY_SAMPLES = 600;
const LINGER_MS = 15_000;
const API_TIMEOUT_MS = 3000;
/** Pods read at once: a revision of 50 pods must not open 100 proxy connections in one tick. */
const PARALLEL_READS = 16;

export interface PollerTarget {
  kubeConfig: () => KubeConfig;
  namespace: string;
  service: string;
}

export type SampleListener = (sample: MetricsSample) => void;

type ServiceJson = Service & { status?: Service["status"] & { traffic?: Array<{ revisionName?: string; percent?: number; tag?: string; url?: string }> } };

export class ServicePoller {
  private readonly history: MetricsSample[] = [];
  private readonly listeners = new Set<SampleListener>();
  private readonly lastCounters = new Map<string, CounterReading>();
  private readonly refusals = new RequestMetricsRefusals();
  /** The pods that were ready at the previous tick; undefined before the first. */
  private readyBefore: Set<string> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lingerTimer: ReturnType<typeof setTimeout> | undefined;
  private running = false;

  constructor(
    private readonly target: PollerTarget,
    private readonly onIdle: () => void = () => {},
  ) {}

  /** Starts polling if needed; returns the unsubscribe function. */
  subscribe(listener: SampleListener): () => void {
    this.listeners.add(listener);
    clearTimeout(this.lingerTimer);
    this.lingerTimer = undefined;
    if (!this.running) {
      this.running = true;
      this.schedule();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.lingerTimer = setTimeout(() => this.stop(), LINGER_MS);
    };
  }

  samples(): MetricsSample[] {
    return [...this.history];
  }

  get viewers(): number {
    return this.listeners.size;
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
    clearTimeout(this.lingerTimer);
    this.lastCounters.clear();
    this.refusals.clear();
    this.readyBefore = undefined;
    this.onIdle();
  }

  /** Ticks just after each wall-clock second, when queue-proxy has closed its 1-second window. */
  private schedule(): void {
    if (!this.running) return;
    const delay = SAMPLE_INTERVAL_MS - (Date.now() % SAMPLE_INTERVAL_MS) + 150;
    this.timer = setTimeout(() => void this.tick(), delay);
  }

  private async tick(): Promise<void> {
    try {
      const sample = await this.measure();
      this.history.push(sample);
      if (this.history.length > HISTORY_SAMPLES) this.history.splice(0, this.history.length - HISTORY_SAMPLES);
      for (const listener of this.listeners) listener(sample);
    } finally {
      this.schedule();
    }
  }

  /** One second's sample. Never throws: what failed is in `problems`. */
  async measure(): Promise<MetricsSample> {
    const at = Date.now();
    const { namespace, service } = this.target;
    const problems: MetricsProblem[] = [];
    let kc: KubeConfig;
    try {
      kc = this.target.kubeConfig();
    } catch (err) {
      return { at, configured: {}, revisions: {}, problems: [{ kind: "error", message: (err as Error).message, fix: "Check the cluster's connection." }] };
    }

    const [svc, pods] = await Promise.all([
      getJson<ServiceJson>(kc, `/apis/serving.knative.dev/v1/namespaces/${encodeURIComponent(namespace)}/services/${encodeURIComponent(service)}`, "get", "services.serving.knative.dev", namespace),
      getJson<{ items: Pod[] }>(kc, `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods?labelSelector=${encodeURIComponent(`${LABEL_SERVICE}=${service}`)}`, "list", "pods", namespace),
    ]);
    const configured: Record<string, number> = {};
    const tagHosts = new Set<string>();
    if (svc.ok) {
      for (const share of trafficShares(svc.value.status?.traffic)) if (share.percent > 0) configured[share.revisionName] = share.percent;
      for (const t of svc.value.status?.traffic ?? []) if (t.tag && t.url) tagHosts.add(hostOf(t.url));
    } else problems.push(svc.problem);
    if (!pods.ok) return { at, configured, revisions: {}, problems: [...problems, pods.problem] };

    const revisions: Record<string, RevisionSample> = {};
    const ready: Array<{ pod: Pod; revision: string }> = [];
    for (const pod of pods.value.items) {
      const revision = pod.metadata.labels?.[LABEL_REVISION];
      if (!revision) continue;
      const entry = (revisions[revision] ??= { requestsPerSecond: 0, concurrency: 0, readyPods: 0, pods: 0, missingPods: 0 });
      entry.pods++;
      if (isReady(pod)) {
        entry.readyPods++;
        ready.push({ pod, revision });
      }
    }
    const livePods = new Set(ready.map((r) => r.pod.metadata.name!));
    for (const name of this.lastCounters.keys()) if (!livePods.has(name)) this.lastCounters.delete(name);
    this.refusals.keepOnly(new Set(pods.value.items.map(podUid)));

    const seen = new Map<string, MetricsProblem>();
    const note = (problem: MetricsProblem) => seen.set(`${problem.kind}:${problem.fix}`, seen.get(`${problem.kind}:${problem.fix}`) ?? problem);
    let requestMetricsOff = false;
    await forEachLimited(ready, PARALLEL_READS, async ({ pod, revision }) => {
      const name = pod.metadata.name!;
      const entry = revisions[revision]!;
      const uid = podUid(pod);
      const enabled = requestMetricsEnabled(pod);
      // A pod that refused 9091 lately is not asked again until its re-check is due.
      const refusedBefore = enabled !== false && !this.refusals.shouldRead(uid, at);
      const [stat, counters] = await Promise.all([
        readQueueStat(kc, namespace, name),
        enabled === false || refusedBefore ? undefined : readRequestCounters(kc, namespace, name),
      ]);
      if (stat.ok) {
        entry.requestsPerSecond += stat.value.requestCount;
        entry.concurrency += stat.value.averageConcurrentRequests;
      } else {
        entry.missingPods++;
        note(stat.problem);
      }
      // Off: the pod says so, or answers 9091 without Knative's metrics, or (saying nothing) does not answer it.
      const offThisTick = counters !== undefined && (counters.ok ? counters.value === undefined : enabled === undefined);
      if (enabled === false || refusedBefore || offThisTick) requestMetricsOff = true;
      // Remembered only for a pod that says nothing and fails 9091 while 9090 answers: no listener.
      // A 9091 answer without Knative's metrics is not a refusal: the OpenTelemetry exporter
      // serves only target_info until the pod's first request.
      if (counters && !counters.ok && enabled === undefined && stat.ok) this.refusals.refused(uid, at);
      else if (counters?.ok) this.refusals.served(uid);
      if (counters?.ok && counters.value) {
        const requests = (entry.requests ??= emptyCounts());
        const previous = this.lastCounters.get(name);
        // A pod's first reading is its baseline, unless the pod was not ready at the last tick
        // (new, or just ready): it received no traffic before, so all it counted is new.
        if (previous || (this.readyBefore && !this.readyBefore.has(name))) {
          addCounterDelta(requests, previous, counters.value, (host) => tagHosts.has(host));
        }
        this.lastCounters.set(name, counters.value);
      } else if (counters && !counters.ok && enabled === true) {
        note(counters.problem);
      }
    });
    this.readyBefore = livePods;
    if (requestMetricsOff) {
      note({
        kind: "request-metrics-off",
        message: "The revisions' queue-proxy does not serve request metrics, so success rate and latency are unknown.",
        fix: 'Set request-metrics-protocol: "prometheus" in the knative-serving/config-observability ConfigMap (Knative ≥ 1.19; new pods pick it up).',
      });
    }
    return { at, configured, revisions, problems: [...problems, ...seen.values()] };
  }
}

/** A pod's UID; its name where a test's pod has none. */
function podUid(pod: Pod): string {
  return pod.metadata.uid ?? pod.metadata.name!;
}

function isReady(pod: Pod): boolean {
  if (pod.metadata.deletionTimestamp) return false;
  return pod.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

type JsonRead<T> = { ok: true; value: T } | { ok: false; problem: MetricsProblem };

async function getJson<T>(kc: KubeConfig, path: string, verb: string, resource: string, namespace: string): Promise<JsonRead<T>> {
  try {
    const answer = await rawGet(kc, path, { accept: "application/json", timeoutMs: API_TIMEOUT_MS, maxBytes: 16 << 20 });
    const body: unknown = JSON.parse(answer.body.toString("utf8") || "null");
    if (answer.status === 200) return { ok: true, value: body as T };
    const message = (body as { message?: string } | null)?.message ?? `HTTP ${answer.status}`;
    if (answer.status === 403) return { ok: false, problem: { kind: "forbidden", message, fix: `Grant the console's identity "${verb}" on "${resource}" in namespace "${namespace}".` } };
    return { ok: false, problem: { kind: "error", message, fix: "Check the cluster's connection." } };
  } catch (err) {
    return { ok: false, problem: { kind: "error", message: `The cluster did not answer: ${(err as { code?: string }).code ?? "request failed"}.`, fix: "Check the cluster's connection." } };
  }
}

async function forEachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}
