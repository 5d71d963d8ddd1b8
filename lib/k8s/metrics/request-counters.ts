// queue-proxy's request counters on port 9091 (Prometheus text), in either of the two shapes
// Knative has served:
//
//   Knative ≥ 1.19 (OpenTelemetry; on when config-observability has request-metrics-protocol:
//   prometheus): the otelhttp histogram `http_server_request_duration_seconds` with
//   `http_response_status_code` and `server_address` (the request's Host)
//   (knative/serving pkg/queue/sharedmain/handlers.go, otelhttp semconv).
//   Knative ≤ 1.18 (OpenCensus; on by default): `revision_request_latencies` in milliseconds with
//   `response_code`, and the `revision_request_count` counter (pkg/queue/request_metric.go).
//
// Counters are cumulative per pod; the console needs what happened since its last read, so
// each read is turned into series keyed by their labels and diffed against the previous read.
// A counter that went down was reset (the pod's queue-proxy restarted, or OpenCensus expired an
// idle series after 10 minutes): its whole value is new.

import { addHistogram } from "@/lib/metrics/histogram";
import type { RequestCounts, StatusClass } from "@/lib/metrics/types";
import { prometheusSamples } from "@/lib/knative/prometheus-samples";

export interface CounterSeries {
  statusCode: number;
  host: string;
  count: number;
  /** Upper bounds in seconds, ascending, without +Inf. */
  bounds: number[];
  /** Cumulative counts per bound, then the +Inf count (= count). */
  cumulative: number[];
}

/** Series by a key made of their identifying labels. */
export type CounterReading = Map<string, CounterSeries>;

const OTEL_HISTOGRAM = "http_server_request_duration_seconds";
const OPENCENSUS_HISTOGRAM = "revision_request_latencies";

/**
 * The request series of one pod's 9091 answer; undefined when it is not Knative's request
 * metrics at all. queue-proxy's exporter answers before the pod's first request too, with no
 * request series yet (OpenTelemetry's exporter shows a series once it has a data point): its
 * `target_info` names the revision, and that is an empty reading, not metrics that are off.
 */
export function parseRequestCounters(text: string): CounterReading | undefined {
  const samples = prometheusSamples(text);
  const knative = samples.some((s) => (s.name === "target_info" && s.labels.kn_revision_name !== undefined) || s.name.startsWith("revision_"));
  const otel = samples.some((s) => s.name === `${OTEL_HISTOGRAM}_count`);
  const family = otel ? OTEL_HISTOGRAM : OPENCENSUS_HISTOGRAM;
  const scale = otel ? 1 : 1 / 1000; // OpenCensus latencies are in milliseconds
  const series = new Map<string, { labels: Record<string, string>; count: number; buckets: Array<[number, number]> }>();
  const entry = (labels: Record<string, string>) => {
    const key = labelKey(labels);
    let e = series.get(key);
    if (!e) series.set(key, (e = { labels, count: 0, buckets: [] }));
    return e;
  };
  for (const s of samples) {
    if (s.name === `${family}_count`) entry(s.labels).count += s.value;
    else if (s.name === `${family}_bucket` && s.labels.le !== undefined) {
      const { le, ...labels } = s.labels;
      if (le !== "+Inf") entry(labels).buckets.push([Number(le) * scale, s.value]);
    }
  }
  if (series.size === 0 && !knative) return undefined;
  const reading: CounterReading = new Map();
  for (const [key, { labels, count, buckets }] of series) {
    buckets.sort((a, b) => a[0] - b[0]);
    reading.set(key, {
      statusCode: Number(otel ? labels.http_response_status_code : labels.response_code),
      host: otel ? (labels.server_address ?? "") : "",
      count,
      bounds: buckets.map(([b]) => b),
      cumulative: [...buckets.map(([, v]) => v), count],
    });
  }
  return reading;
}

const labelKey = (labels: Record<string, string>) =>
  Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(",");

export function emptyCounts(): RequestCounts {
  return { total: 0, byClass: { "2xx": 0, "3xx": 0, "4xx": 0, "5xx": 0 }, viaTag: 0, latency: { bounds: [], counts: [] } };
}

export function statusClass(code: number): StatusClass | undefined {
  if (code >= 200 && code < 300) return "2xx";
  if (code >= 300 && code < 400) return "3xx";
  if (code >= 400 && code < 500) return "4xx";
  if (code >= 500 && code < 600) return "5xx";
  return undefined;
}

/**
 * Adds what happened between `previous` and `current` (one pod's two reads) to `into`.
 * `isTagHost` tells requests that came in on a tag URL.
 */
export function addCounterDelta(into: RequestCounts, previous: CounterReading | undefined, current: CounterReading, isTagHost: (host: string) => boolean): void {
  for (const [key, now] of current) {
    const before = previous?.get(key);
    const reset = !before || now.count < before.count || !sameLayout(before, now);
    const delta = reset ? now.count : now.count - before.count;
    if (delta <= 0) continue;
    into.total += delta;
    const cls = statusClass(now.statusCode);
    if (cls) into.byClass[cls] += delta;
    if (now.host && isTagHost(now.host)) into.viaTag += delta;
    addLatency(into, now, reset ? undefined : before);
  }
}

function sameLayout(a: CounterSeries, b: CounterSeries): boolean {
  return a.bounds.length === b.bounds.length && a.bounds.every((x, i) => x === b.bounds[i]);
}

function addLatency(into: RequestCounts, now: CounterSeries, before: CounterSeries | undefined): void {
  const counts = now.cumulative.map((c, i) => {
    const previousCumulative = before?.cumulative[i] ?? 0;
    const below = i === 0 ? 0 : now.cumulative[i - 1]! - (before?.cumulative[i - 1] ?? 0);
    return Math.max(0, c - previousCumulative - below);
  });
  into.latency = addHistogram(into.latency, { bounds: now.bounds, counts });
}
