import { describe, expect, it } from "vitest";
import { FailureSequence, failurePlanFromEnv, parseRate } from "./failure-injection";

const failures = (rate: string, n: number) => {
  const seq = new FailureSequence(parseRate(rate));
  return Array.from({ length: n }, () => seq.nextFails());
};
const failedPositions = (rate: string, n: number) => failures(rate, n).flatMap((f, i) => (f ? [i + 1] : []));

describe("ERROR_RATE parsing", () => {
  it.each([
    ["0.25", 1, 4],
    [".1", 1, 10],
    ["25%", 1, 4],
    ["12.5%", 1, 8],
    ["25", 1, 4], // a bare number above 1 is a percentage
    ["1", 1, 1],
    ["100%", 1, 1],
    ["150%", 1, 1], // clamped
    ["0.29", 29, 100],
    [" 0.5 ", 1, 2],
  ])("%s → %i/%i", (text, numerator, denominator) => {
    expect(parseRate(text)).toEqual({ numerator, denominator });
  });

  it.each(["", ".", "abc", "-0.1", "1e-1", "0.5.1"])("%j does not parse", (text) => {
    expect(parseRate(text)).toBeUndefined();
  });
});

describe("FailureSequence", () => {
  it("fails requests 4, 8, 12… at 0.25", () => {
    expect(failedPositions("0.25", 12)).toEqual([4, 8, 12]);
  });

  it("gives exactly floor(N·rate) failures for every prefix, with no floating-point drift", () => {
    for (const rate of ["0.29", "0.07", "0.333", "12.5%", "0.999"]) {
      const fractional = Number(rate.replace("%", "")) / (rate.endsWith("%") ? 100 : 1);
      const { numerator, denominator } = parseRate(rate)!;
      let failed = 0;
      failures(rate, 2000).forEach((f, i) => {
        failed += f ? 1 : 0;
        // Exact integer arithmetic, not fractional·n, which would drift.
        expect(failed).toBe(Math.floor(((i + 1) * numerator) / denominator));
      });
      expect(Math.abs(failed - 2000 * fractional)).toBeLessThan(1);
    }
  });

  it("0 and unset never fail; 1 always fails", () => {
    expect(failures("1", 5)).toEqual([true, true, true, true, true]);
    expect(new FailureSequence(undefined).nextFails()).toBe(false);
    expect(failurePlanFromEnv({ ERROR_RATE: "0" }).errorRate).toBeUndefined();
  });
});

describe("failurePlanFromEnv", () => {
  it("reads ERROR_RATE, ERROR_STATUS and RESPONSE_DELAY_MS", () => {
    expect(failurePlanFromEnv({ ERROR_RATE: "10%", ERROR_STATUS: "503", RESPONSE_DELAY_MS: "250" })).toEqual({
      errorRate: { numerator: 1, denominator: 10 },
      errorRateText: "10%",
      errorStatus: 503,
      delayMs: 250,
    });
  });

  it("ignores values that do not parse", () => {
    expect(failurePlanFromEnv({ ERROR_RATE: "lots", ERROR_STATUS: "200", RESPONSE_DELAY_MS: "soon" })).toEqual({
      errorRate: undefined,
      errorRateText: undefined,
      errorStatus: 500,
      delayMs: 0,
    });
  });
});
