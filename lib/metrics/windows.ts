// Pure transforms from the poller's samples to what the Service page draws. Chart components
// only draw what these return.

import { judgeDrift, type DriftVerdict } from "./drift";
import { addHistogram, histogramQuantile, type Histogram } from "./histogram";
import type { MetricsSample } from "./types";

/** Revisions in the order the page lists them: every revision seen, newest name last. */
export function revisionsIn(samples: readonly MetricsSample[]): string[] {
  const names = new Set<string>();
  for (const s of samples) {
    for (const r of Object.keys(s.revisions)) names.add(r);
    for (const r of Object.keys(s.configured)) names.add(r);
  }
  return [...names].sort();
}

/**
 * One row per sample: requests per second of each revision (for a stacked area). Null when none
 * of the revision's ready pods answered that second: a gap in the chart, not a drop to zero.
 */
export function requestRateRows(samples: readonly MetricsSample[], revisions: readonly string[]): Array<Record<string, number | null>> {
  return samples.map((s) => {
    const row: Record<string, number | null> = { at: s.at };
    for (const r of revisions) {
      const rev = s.revisions[r];
      row[r] = rev && rev.readyPods > 0 && rev.missingPods === rev.readyPods ? null : round2(rev?.requestsPerSecond ?? 0);
    }
    return row;
  });
}

/** One row per sample: ready pods of each revision. */
export function podRows(samples: readonly MetricsSample[], revisions: readonly string[]): Array<Record<string, number>> {
  return samples.map((s) => {
    const row: Record<string, number> = { at: s.at };
    for (const r of revisions) row[r] = s.revisions[r]?.readyPods ?? 0;
    return row;
  });
}

export interface SplitWindow {
  configured: Record<string, number>;
  /** Requests per revision over the window (split traffic only when tag traffic is known). */
  observed: Record<string, number>;
  total: number;
  /** Requests that came through tag URLs, left out of `observed`. */
  viaTag: number;
  /** "counters": exact counts from the request metrics; "rates": summed 1-second rates, an estimate. */
  source: "counters" | "rates";
  /** The window actually covered, in ms: shorter right after the split changed. */
  spanMs: number;
  /** Whether the window starts at a change of the configured split (so `spanMs` is the time since it). */
  sinceSplitChange: boolean;
  /** Per revision; undefined when there are too few requests to tell. */
  drift: DriftVerdict[] | undefined;
}

/**
 * The observed split over the last `windowMs`, counting only the samples taken under the split
 * configured now: right after a change the old split's requests would look like drift. The first
 * sample that saw the new split is left out too: its counts cover the second before it, in which
 * the split changed, so some of them were routed by the old one.
 */
export function splitWindow(samples: readonly MetricsSample[], windowMs: number): SplitWindow | undefined {
  const last = samples.at(-1);
  if (!last) return undefined;
  const key = splitKey(last.configured);
  const inWindow: MetricsSample[] = [];
  let sinceSplitChange = false;
  for (let i = samples.length - 1; i >= 0; i--) {
    const s = samples[i]!;
    if (last.at - s.at >= windowMs) break;
    if (splitKey(s.configured) !== key) {
      sinceSplitChange = true;
      inWindow.pop();
      break;
    }
    inWindow.push(s);
  }
  const counted = inWindow.every((s) => Object.values(s.revisions).every((r) => r.readyPods === 0 || r.requests));
  const observed: Record<string, number> = {};
  let viaTag = 0;
  for (const s of inWindow) {
    for (const [name, r] of Object.entries(s.revisions)) {
      const requests = counted ? (r.requests ? r.requests.total - r.requests.viaTag : 0) : r.requestsPerSecond;
      viaTag += counted ? (r.requests?.viaTag ?? 0) : 0;
      observed[name] = (observed[name] ?? 0) + requests;
    }
  }
  for (const name of Object.keys(observed)) observed[name] = Math.round(observed[name]!);
  const total = Object.values(observed).reduce((a, b) => a + b, 0);
  const oldest = inWindow.at(-1);
  return {
    configured: last.configured,
    observed,
    total,
    viaTag,
    source: counted ? "counters" : "rates",
    spanMs: oldest ? last.at - oldest.at + 1000 : 0,
    sinceSplitChange,
    drift: judgeDrift(last.configured, observed),
  };
}

export interface RevisionHealth {
  revision: string;
  requests: number;
  errors: number;
  /** Share of requests not answered 5xx, 0–1; undefined without requests. */
  successRate: number | undefined;
  /** Latency quantiles in seconds. */
  p50: number | undefined;
  p95: number | undefined;
  p99: number | undefined;
}

/** Success rate and latency per revision over the last `windowMs`; undefined without request metrics. */
export function revisionHealth(samples: readonly MetricsSample[], revisions: readonly string[], windowMs: number): RevisionHealth[] | undefined {
  const last = samples.at(-1);
  if (!last) return undefined;
  const recent = samples.filter((s) => last.at - s.at < windowMs);
  if (!recent.some((s) => Object.values(s.revisions).some((r) => r.requests))) return undefined;
  return revisions.map((revision) => {
    let requests = 0;
    let errors = 0;
    let latency: Histogram = { bounds: [], counts: [] };
    for (const s of recent) {
      const counts = s.revisions[revision]?.requests;
      if (!counts) continue;
      requests += counts.total;
      errors += counts.byClass["5xx"];
      latency = addHistogram(latency, counts.latency);
    }
    return {
      revision,
      requests,
      errors,
      successRate: requests > 0 ? (requests - errors) / requests : undefined,
      p50: histogramQuantile(latency, 0.5),
      p95: histogramQuantile(latency, 0.95),
      p99: histogramQuantile(latency, 0.99),
    };
  });
}

/**
 * One row per sample: each revision's success rate (percent) over the `smoothingMs` before it,
 * so one failed request in a quiet second does not draw a cliff. Null where it had no requests.
 */
export function successRateRows(samples: readonly MetricsSample[], revisions: readonly string[], smoothingMs: number): Array<Record<string, number | null>> {
  return samples.map((s, i) => {
    const row: Record<string, number | null> = { at: s.at };
    for (const r of revisions) {
      let total = 0;
      let errors = 0;
      for (let j = i; j >= 0 && s.at - samples[j]!.at < smoothingMs; j--) {
        const c = samples[j]!.revisions[r]?.requests;
        if (!c) continue;
        total += c.total;
        errors += c.byClass["5xx"];
      }
      row[r] = total > 0 ? round2((100 * (total - errors)) / total) : null;
    }
    return row;
  });
}

export type TrafficState =
  | { kind: "waiting" }
  | { kind: "unavailable" }
  | { kind: "scaled-to-zero" }
  | { kind: "no-requests" }
  | { kind: "flowing" };

/** What the page can honestly say about the last `windowMs`. */
export function trafficState(samples: readonly MetricsSample[], windowMs: number): TrafficState {
  const last = samples.at(-1);
  if (!last) return { kind: "waiting" };
  const recent = samples.filter((s) => last.at - s.at < windowMs);
  const anyStats = recent.some((s) => Object.values(s.revisions).some((r) => r.readyPods > r.missingPods));
  const anyRequests = recent.some((s) => Object.values(s.revisions).some((r) => r.requestsPerSecond > 0 || (r.requests?.total ?? 0) > 0));
  // Scaled to zero is about now, whatever the last minute saw.
  const pods = Object.values(last.revisions).reduce((sum, r) => sum + r.pods, 0);
  if (pods === 0 && last.problems.every((p) => p.kind === "request-metrics-off")) return { kind: "scaled-to-zero" };
  if (anyRequests) return { kind: "flowing" };
  if (!anyStats && last.problems.some((p) => p.kind !== "request-metrics-off")) return { kind: "unavailable" };
  return { kind: "no-requests" };
}

const splitKey = (configured: Record<string, number>) =>
  Object.entries(configured)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([r, p]) => `${r}=${p}`)
    .join(",");

const round2 = (n: number) => Math.round(n * 100) / 100;
