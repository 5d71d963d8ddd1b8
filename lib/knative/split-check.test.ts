import { describe, expect, it } from "vitest";
import { checkSplit } from "./split-check";
import { setPercentFree, setTag } from "./split-editing";
import { split } from "./split-editor.testing";

describe("checkSplit", () => {
  it("accepts a split of exactly 100 and returns what OK sends", () => {
    const check = checkSplit(split("@latest=90 a=10#canary"));
    expect(check).toEqual({
      ok: true,
      total: 100,
      leaves: [],
      rowMessages: {},
      traffic: [
        { latestRevision: true, percent: 90 },
        { tag: "canary", revisionName: "a", latestRevision: false, percent: 10 },
      ],
    });
  });

  it.each([
    ["@latest=50 a=40", 90, "Traffic targets sum to 90, want 100"],
    ["@latest=60 a=50", 110, "Traffic targets sum to 110, want 100"],
    ["@latest=0 a=0", 0, "Traffic targets sum to 0, want 100"],
  ])("refuses %s with the webhook's message", (rows, total, reason) => {
    const check = checkSplit(split(rows));
    expect([check.ok, check.total, check.reason]).toEqual([false, total, reason]);
    expect(check.leaves).toEqual([{ message: reason, paths: ["spec.traffic"], details: "", level: "error" }]);
    expect(check.rowMessages).toEqual({});
  });

  it("refuses a tag used twice, next to both rows", () => {
    const check = checkSplit(split("@latest=50#v1 a=50#v1"));
    expect(check.ok).toBe(false);
    expect(check.reason).toBe('Multiple definitions for "v1"');
    expect(check.rowMessages).toEqual({ "@latest": ['Multiple definitions for "v1"'], a: ['Multiple definitions for "v1"'] });
  });

  it("refuses a tag that is not a DNS-1035 label, next to its row", () => {
    const check = checkSplit(setTag(split("@latest=50 a=50"), "a", "V_1"));
    expect(check.ok).toBe(false);
    expect(check.reason).toMatch(/^invalid value: not a DNS 1035 label: \[a DNS-1035 label must consist of lower case alphanumeric characters/);
    expect(check.leaves[0]!.paths).toEqual(["spec.traffic.tag[1]"]);
    expect(Object.keys(check.rowMessages)).toEqual(["a"]);
  });

  it("puts the sum first among several problems", () => {
    const check = checkSplit(setPercentFree(split("@latest=50#x a=50#x"), "a", 20));
    expect(check.reason).toBe("Traffic targets sum to 70, want 100");
    expect(check.leaves.map((l) => l.message)).toEqual(['Multiple definitions for "x"', "Traffic targets sum to 70, want 100"]);
  });

  it("checks a tag on a row at 0 % too, since a tagged target is kept", () => {
    expect(checkSplit(split("@latest=100 a=0#Bad")).rowMessages.a).toHaveLength(1);
  });
});
