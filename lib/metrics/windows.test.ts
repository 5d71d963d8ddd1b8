import { describe, expect, it } from "vitest";
import type { MetricsSample, RequestCounts, RevisionSample } from "./types";
import { podRows, requestRateRows, revisionHealth, revisionsIn, splitWindow, successRateRows, trafficState } from "./windows";

function counts(total: number, errors = 0, viaTag = 0): RequestCounts {
  return {
    total,
    byClass: { "2xx": total - errors, "3xx": 0, "4xx": 0, "5xx": errors },
    viaTag,
    latency: { bounds: [0.01, 0.1], counts: [total, 0, 0] },
  };
}
function rev(rps: number, extra: Partial<RevisionSample> = {}): RevisionSample {
  return { requestsPerSecond: rps, concurrency: 0, readyPods: 1, pods: 1, missingPods: 0, ...extra };
}
function sample(second: number, configured: Record<string, number>, revisions: Record<string, RevisionSample>, problems: MetricsSample["problems"] = []): MetricsSample {
  return { at: second * 1000, configured, revisions, problems };
}

describe("the chart rows", () => {
  const samples = [sample(1, { a: 100 }, { a: rev(3) }), sample(2, { a: 50, b: 50 }, { a: rev(2), b: rev(1.234, { readyPods: 2 }) })];

  it("list every revision configured or seen", () => {
    expect(revisionsIn(samples)).toEqual(["a", "b"]);
  });

  it("leave a gap, not a zero, where no pod of a revision answered", () => {
    expect(requestRateRows([sample(1, { a: 100 }, { a: rev(0, { missingPods: 1 }) })], ["a"])).toEqual([{ at: 1000, a: null }]);
  });

  it("give each revision's rate and pods per second, zero where it had none", () => {
    expect(requestRateRows(samples, ["a", "b"])).toEqual([
      { at: 1000, a: 3, b: 0 },
      { at: 2000, a: 2, b: 1.23 },
    ]);
    expect(podRows(samples, ["a", "b"])).toEqual([
      { at: 1000, a: 1, b: 0 },
      { at: 2000, a: 1, b: 2 },
    ]);
  });
});

describe("splitWindow", () => {
  it("counts exact requests when the request metrics are there, leaving tag traffic out", () => {
    const samples = [1, 2, 3].map((s) => sample(s, { a: 50, b: 50 }, { a: rev(5, { requests: counts(5) }), b: rev(7, { requests: counts(7, 0, 2) }) }));
    const w = splitWindow(samples, 60_000)!;
    expect(w).toMatchObject({ source: "counters", observed: { a: 15, b: 15 }, total: 30, viaTag: 6, spanMs: 3000 });
    expect(w.drift!.every((v) => !v.drifting)).toBe(true);
  });

  it("falls back to the summed rates without request metrics", () => {
    const samples = [1, 2].map((s) => sample(s, { a: 100 }, { a: rev(12.4) }));
    expect(splitWindow(samples, 60_000)).toMatchObject({ source: "rates", observed: { a: 25 }, total: 25 });
  });

  it("starts after the last change of the configured split, so the old split is not drift", () => {
    const before = [1, 2, 3].map((s) => sample(s, { a: 100 }, { a: rev(20, { requests: counts(20) }) }));
    // The first sample under the new split counted the second in which it changed: the old
    // split's requests, here all 20 to a, are in it.
    const changing = sample(4, { a: 50, b: 50 }, { a: rev(20, { requests: counts(20) }), b: rev(0, { requests: counts(0) }) });
    const after = [5, 6].map((s) => sample(s, { a: 50, b: 50 }, { a: rev(10, { requests: counts(10) }), b: rev(10, { requests: counts(10) }) }));
    const w = splitWindow([...before, changing, ...after], 60_000)!;
    expect(w).toMatchObject({ observed: { a: 20, b: 20 }, total: 40, sinceSplitChange: true, spanMs: 2000 });
    expect(w.drift!.some((v) => v.drifting)).toBe(false);
  });

  it("counts nothing in the second the split changed", () => {
    const before = [1, 2].map((s) => sample(s, { a: 100 }, { a: rev(20, { requests: counts(20) }) }));
    const w = splitWindow([...before, sample(3, { a: 50, b: 50 }, { a: rev(20, { requests: counts(20) }) })], 60_000)!;
    expect(w).toMatchObject({ configured: { a: 50, b: 50 }, observed: {}, total: 0, sinceSplitChange: true, spanMs: 0, drift: undefined });
  });

  it("counts from the first sample when the history starts under the split configured now", () => {
    const samples = [1, 2].map((s) => sample(s, { a: 100 }, { a: rev(3, { requests: counts(3) }) }));
    expect(splitWindow(samples, 60_000)).toMatchObject({ total: 6, sinceSplitChange: false, spanMs: 2000 });
  });

  it("keeps to the window", () => {
    const samples = [1, 2, 3, 4].map((s) => sample(s, { a: 100 }, { a: rev(1, { requests: counts(1) }) }));
    expect(splitWindow(samples, 2000)!.total).toBe(2);
  });

  it("flags a skew", () => {
    const samples = [1, 2, 3].map((s) => sample(s, { a: 50, b: 50 }, { a: rev(20, { requests: counts(20) }), b: rev(2, { requests: counts(2) }) }));
    expect(splitWindow(samples, 60_000)!.drift!.find((v) => v.revision === "a")!.drifting).toBe(true);
  });
});

describe("revisionHealth and successRateRows", () => {
  const samples = [1, 2].map((s) => sample(s, { a: 50, b: 50 }, { a: rev(10, { requests: counts(10) }), b: rev(10, { requests: counts(10, 5) }) }));

  it("give success rate and latency per revision", () => {
    const [a, b] = revisionHealth(samples, ["a", "b"], 60_000)!;
    expect(a).toMatchObject({ revision: "a", requests: 20, errors: 0, successRate: 1 });
    expect(b).toMatchObject({ revision: "b", requests: 20, errors: 10, successRate: 0.5 });
    expect(a!.p50).toBeCloseTo(0.005);
  });

  it("are undefined without request metrics, and null where a revision had no requests", () => {
    expect(revisionHealth([sample(1, { a: 100 }, { a: rev(1) })], ["a"], 60_000)).toBeUndefined();
    expect(successRateRows(samples, ["a", "b", "c"], 10_000)[1]).toEqual({ at: 2000, a: 100, b: 50, c: null });
  });
});

describe("trafficState", () => {
  it("waits for the first sample", () => expect(trafficState([], 10_000).kind).toBe("waiting"));

  it("tells scaled to zero from no requests from unavailable", () => {
    expect(trafficState([sample(1, { a: 100 }, {})], 10_000).kind).toBe("scaled-to-zero");
    expect(trafficState([sample(1, { a: 100 }, { a: rev(0) })], 10_000).kind).toBe("no-requests");
    const forbidden = { kind: "forbidden" as const, message: "no", fix: "grant" };
    expect(trafficState([sample(1, { a: 100 }, { a: rev(0, { missingPods: 1 }) }, [forbidden])], 10_000).kind).toBe("unavailable");
    expect(trafficState([sample(1, { a: 100 }, { a: rev(3) })], 10_000).kind).toBe("flowing");
    expect(trafficState([sample(1, { a: 100 }, { a: rev(3) }), sample(2, { a: 100 }, {})], 10_000).kind).toBe("scaled-to-zero");
  });
});
