import { describe, expect, it } from "vitest";
import { applyMetricsMessage, MAX_SAMPLES } from "./sample-history";
import type { MetricsSample } from "./types";

const at = (second: number): MetricsSample => ({ at: second * 1000, configured: {}, revisions: {}, problems: [] });

describe("applyMetricsMessage", () => {
  it("takes the history a stream starts with, then appends newer samples only", () => {
    let samples = applyMetricsMessage([at(1)], { type: "history", samples: [at(5), at(6)], intervalMs: 1000 });
    samples = applyMetricsMessage(samples, { type: "sample", sample: at(7) });
    samples = applyMetricsMessage(samples, { type: "sample", sample: at(7) });
    samples = applyMetricsMessage(samples, { type: "sample", sample: at(3) });
    expect(samples.map((s) => s.at)).toEqual([5000, 6000, 7000]);
  });

  it("keeps at most MAX_SAMPLES", () => {
    let samples = applyMetricsMessage([], { type: "history", samples: Array.from({ length: MAX_SAMPLES }, (_, i) => at(i)), intervalMs: 1000 });
    samples = applyMetricsMessage(samples, { type: "sample", sample: at(MAX_SAMPLES) });
    expect(samples).toHaveLength(MAX_SAMPLES);
    expect(samples.at(-1)!.at).toBe(MAX_SAMPLES * 1000);
  });
});
