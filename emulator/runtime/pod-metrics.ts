// What each pod's queue-proxy has measured, kept per pod for the life of the pod: the gateway
// records every request it serves against the one pod it picked (emulator/gateway/ready-pods.ts),
// and the pod proxy reads a pod's numbers back (emulator/runtime/pod-proxy.ts):
//
//   port 9090  the 1-second statistics queue-proxy reports to the autoscaler (per-pod TrafficStats)
//   port 9091  the OpenTelemetry request metrics (./request-metrics.ts), only for pods whose
//              queue-proxy env turns them on (lib/knative/observability-config.ts)
//
// A pod that goes away takes its numbers with it. The embedded cluster keeps them in memory, so
// they start from zero when it restarts, as a real queue-proxy's do when its container restarts.

import { RequestMetrics, type RequestRecord } from "./request-metrics";
import { createTrafficStats, type InMemoryTrafficStats } from "./traffic-stats";

export interface PodTrackingOptions {
  /** The queue-proxy records request metrics (it serves them on 9091 or another port). */
  requestMetrics: boolean;
  /** containerConcurrency > 0: queue-proxy has a breaker, and reports its depth. */
  hasBreaker: boolean;
}

/** One request at a pod: call with what happened once it is answered. */
export type PodRequestEnd = (record: RequestRecord) => void;

export class PodMetricsStore {
  private readonly stats: InMemoryTrafficStats;
  private readonly requests = new Map<string, RequestMetrics | undefined>();

  /** @param now the clock, injectable for tests */
  constructor(now?: () => number) {
    // Two seconds of history per pod: the current one, and the full one queue-proxy reports.
    this.stats = createTrafficStats({ retainSeconds: 2, now });
  }

  /** Starts keeping numbers for a pod; a pod already tracked keeps what it has. */
  track(namespace: string, pod: string, opts: PodTrackingOptions): void {
    const k = key(namespace, pod);
    if (!this.requests.has(k)) this.requests.set(k, opts.requestMetrics ? new RequestMetrics(opts.hasBreaker) : undefined);
  }

  isTracked(namespace: string, pod: string): boolean {
    return this.requests.has(key(namespace, pod));
  }

  forget(namespace: string, pod: string): void {
    this.requests.delete(key(namespace, pod));
    this.stats.forget(namespace, pod);
  }

  /** A request reached the pod's queue-proxy. */
  begin(namespace: string, pod: string): PodRequestEnd {
    const leave = this.stats.begin(namespace, pod);
    const metrics = this.requests.get(key(namespace, pod));
    metrics?.arrived(this.stats.inFlight(namespace, pod));
    return (record) => {
      leave();
      metrics?.record(record);
    };
  }

  /** queue-proxy's 1-second report: requests received in the last full second, and its average concurrency. */
  lastSecond(namespace: string, pod: string): { requestCount: number; averageConcurrency: number } {
    return this.stats.lastSecond(namespace, pod);
  }

  /** The pod's request metrics, if it records any. */
  requestMetrics(namespace: string, pod: string): RequestMetrics | undefined {
    return this.requests.get(key(namespace, pod));
  }
}

const key = (namespace: string, pod: string) => `${namespace}/${pod}`;
