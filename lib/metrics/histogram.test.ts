import { describe, expect, it } from "vitest";
import { addHistogram, histogramQuantile } from "./histogram";

describe("histogramQuantile (Prometheus' bucketQuantile)", () => {
  const h = { bounds: [0.1, 0.2, 0.5], counts: [10, 10, 0, 0] };

  it("interpolates inside the bucket the rank falls in", () => {
    expect(histogramQuantile(h, 0.5)).toBeCloseTo(0.1);
    expect(histogramQuantile(h, 0.25)).toBeCloseTo(0.05);
    expect(histogramQuantile(h, 0.75)).toBeCloseTo(0.15);
  });

  it("answers the highest finite bound for ranks in the open top bucket", () => {
    expect(histogramQuantile({ bounds: [0.1, 0.2], counts: [1, 0, 9] }, 0.99)).toBe(0.2);
  });

  it("is undefined without observations", () => {
    expect(histogramQuantile({ bounds: [0.1], counts: [0, 0] }, 0.5)).toBeUndefined();
    expect(histogramQuantile({ bounds: [], counts: [] }, 0.5)).toBeUndefined();
  });
});

describe("addHistogram", () => {
  it("adds bucket by bucket when the bounds match", () => {
    expect(addHistogram({ bounds: [1, 2], counts: [1, 2, 3] }, { bounds: [1, 2], counts: [1, 1, 1] })).toEqual({ bounds: [1, 2], counts: [2, 3, 4] });
  });

  it("takes the first histogram's layout when it has none", () => {
    expect(addHistogram({ bounds: [], counts: [] }, { bounds: [1], counts: [4, 1] })).toEqual({ bounds: [1], counts: [4, 1] });
  });

  it("moves counts of another layout into the first bucket that holds their bound", () => {
    expect(addHistogram({ bounds: [0.1, 1], counts: [0, 0, 0] }, { bounds: [0.05, 0.5, 5], counts: [1, 2, 3, 4] })).toEqual({ bounds: [0.1, 1], counts: [1, 2, 7] });
  });
});
