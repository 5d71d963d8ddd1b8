import { describe, expect, it } from "vitest";
import { judgeDrift, MIN_REQUESTS_FOR_DRIFT, wilsonInterval } from "./drift";

describe("wilsonInterval", () => {
  it("matches the textbook value (95 %, 8 of 10)", () => {
    const { low, high } = wilsonInterval(8, 10, 1.96);
    expect(low).toBeCloseTo(0.4902, 3);
    expect(high).toBeCloseTo(0.9433, 3);
  });

  it("narrows as requests grow", () => {
    const few = wilsonInterval(10, 20);
    const many = wilsonInterval(1000, 2000);
    expect(many.high - many.low).toBeLessThan((few.high - few.low) / 5);
  });
});

describe("judgeDrift", () => {
  it("says nothing with too few requests to tell", () => {
    expect(judgeDrift({ a: 50, b: 50 }, { a: MIN_REQUESTS_FOR_DRIFT - 1, b: 0 })).toBeUndefined();
  });

  it("does not flag an even 50/50 or ordinary noise", () => {
    expect(judgeDrift({ a: 50, b: 50 }, { a: 10, b: 10 })!.some((v) => v.drifting)).toBe(false);
    expect(judgeDrift({ a: 50, b: 50 }, { a: 540, b: 460 })!.some((v) => v.drifting)).toBe(false);
  });

  it("flags a split the noise cannot explain, and says by how much", () => {
    const verdicts = judgeDrift({ a: 50, b: 50 }, { a: 750, b: 250 })!;
    const a = verdicts.find((v) => v.revision === "a")!;
    expect(a.drifting).toBe(true);
    expect(a.observed).toBeCloseTo(0.75);
    expect(a.expected).toBe(0.5);
    // 25 points apart, the part beyond the 99.9 % interval is what is reported.
    expect(a.beyondNoisePoints).toBeGreaterThan(15);
    expect(a.beyondNoisePoints).toBeLessThan(25);
  });

  it("flags requests reaching a revision configured at 0 %", () => {
    const verdicts = judgeDrift({ a: 100 }, { a: 80, b: 20 })!;
    expect(verdicts.find((v) => v.revision === "b")).toMatchObject({ drifting: true, expected: 0, requests: 20 });
    expect(verdicts.find((v) => v.revision === "a")!.drifting).toBe(true);
  });

  it("is the same at 20 requests whether 11/9 or 9/11 (no tolerance hard-coded per side)", () => {
    expect(judgeDrift({ a: 50, b: 50 }, { a: 11, b: 9 })!.some((v) => v.drifting)).toBe(false);
    expect(judgeDrift({ a: 50, b: 50 }, { a: 9, b: 11 })!.some((v) => v.drifting)).toBe(false);
    expect(judgeDrift({ a: 50, b: 50 }, { a: 20, b: 0 })!.some((v) => v.drifting)).toBe(true);
  });
});
