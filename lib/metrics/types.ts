// The shapes of a Service's live traffic: what the console server's poller measures every
// second from the queue-proxy of each revision's pods, and sends to the browser on the
// Service's own metrics stream. Shared by the server (which builds them) and the page (which
// draws them); plain JSON, no class instances.

/** Response classes as Knative's dashboards group them (`response_code_class`). */
export type StatusClass = "2xx" | "3xx" | "4xx" | "5xx";

/** Requests finished during one sample, from queue-proxy's request counters (port 9091). */
export interface RequestCounts {
  /** Requests finished, all classes. */
  total: number;
  byClass: Record<StatusClass, number>;
  /** Requests that came in on a tag URL (`<tag>-<service>.…`): the split does not apply to them. */
  viaTag: number;
  /**
   * Latency histogram of those requests: `counts[i]` requests took at most `bounds[i]` seconds
   * and more than `bounds[i-1]` (not cumulative); the last count is above the last bound.
   */
  latency: { bounds: number[]; counts: number[] };
}

export interface RevisionSample {
  /** queue-proxy's `request_count` summed over the revision's ready pods: requests per second. */
  requestsPerSecond: number;
  /** `average_concurrent_requests` summed over the ready pods. */
  concurrency: number;
  /** Pods that are ready (and not terminating). */
  readyPods: number;
  /** All pods of the revision, ready or not. */
  pods: number;
  /** Ready pods whose statistics did not come back in time this second (a gap, not an error). */
  missingPods: number;
  /** Request counters, when the cluster exposes them (Knative request metrics on 9091). */
  requests?: RequestCounts;
}

/** Why some or all statistics are missing, and what fixes it. */
export interface MetricsProblem {
  kind: "forbidden" | "unreachable" | "request-metrics-off" | "error";
  /** What happened, in the cluster's words when it gave any. */
  message: string;
  /** What to change: a permission to grant or a setting to turn on. */
  fix: string;
}

export interface MetricsSample {
  /** Epoch milliseconds when this second's statistics were read. */
  at: number;
  /** The configured split at that moment (`status.traffic`, percent per revision, tags excluded). */
  configured: Record<string, number>;
  revisions: Record<string, RevisionSample>;
  /** Statistics that could not be read this second, and why. */
  problems: MetricsProblem[];
}

/** What the Service's metrics stream sends. */
export type MetricsMessage =
  | { type: "history"; samples: MetricsSample[]; intervalMs: number }
  | { type: "sample"; sample: MetricsSample };
