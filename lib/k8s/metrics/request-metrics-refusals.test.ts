import { describe, expect, it } from "vitest";
import { RECHECK_MS, RequestMetricsRefusals } from "./request-metrics-refusals";

describe("RequestMetricsRefusals", () => {
  it("holds a refusal until the re-check is due, and drops it when the pod serves", () => {
    const refusals = new RequestMetricsRefusals();
    expect(refusals.shouldRead("uid-1", 0)).toBe(true);
    refusals.refused("uid-1", 0);
    expect(refusals.shouldRead("uid-1", RECHECK_MS - 1)).toBe(false);
    expect(refusals.shouldRead("uid-2", 1)).toBe(true);
    expect(refusals.shouldRead("uid-1", RECHECK_MS)).toBe(true);
    refusals.served("uid-1");
    expect(refusals.shouldRead("uid-1", RECHECK_MS + 1)).toBe(true);
  });

  it("forgets the pods that are gone, so a refusal does not outlive its pod", () => {
    const refusals = new RequestMetricsRefusals();
    refusals.refused("gone", 0);
    refusals.refused("kept", 0);
    refusals.keepOnly(new Set(["kept"]));
    expect(refusals.shouldRead("gone", 1)).toBe(true);
    expect(refusals.shouldRead("kept", 1)).toBe(false);
  });
});
