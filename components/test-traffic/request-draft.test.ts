import { describe, expect, it } from "vitest";
import type { RequestTarget } from "@/lib/knative/request-targets";
import { draftProblems, INITIAL_DRAFT, keepTarget, requestOf, wholeNumberIn } from "./request-draft";

const targets: RequestTarget[] = [
  { key: "service", url: "http://hello.default.example.com" },
  { key: "tag:canary", tag: "canary", url: "http://canary-hello.default.example.com", revisionName: "hello-00002" },
];

describe("the Send requests draft", () => {
  it("starts as the walk-through does: 20 requests to the Service URL", () => {
    expect(requestOf(INITIAL_DRAFT, targets)).toEqual({ target: "service", mode: "count", count: 20 });
  });

  it("sends a tag's target as the tag, and a rate with its duration", () => {
    expect(requestOf({ ...INITIAL_DRAFT, targetKey: "tag:canary", mode: "rate", perSecond: " 5 ", durationSeconds: "60" }, targets)).toEqual({
      target: { tag: "canary" },
      mode: "rate",
      perSecond: 5,
      durationSeconds: 60,
    });
  });

  it.each([
    ["count", "0", "Enter a whole number from 1 to 1000."],
    ["count", "1001", "Enter a whole number from 1 to 1000."],
    ["count", "", "Enter a whole number from 1 to 1000."],
    ["count", "2.5", "Enter a whole number from 1 to 1000."],
    ["count", "-3", "Enter a whole number from 1 to 1000."],
    ["count", "1e3", "Enter a whole number from 1 to 1000."],
  ] as const)("refuses %s %j", (field, value, message) => {
    const draft = { ...INITIAL_DRAFT, [field]: value };
    expect(draftProblems(draft, targets)).toEqual({ [field]: message });
    expect(requestOf(draft, targets)).toBeUndefined();
  });

  it("checks only the fields of the chosen mode", () => {
    const rate = { ...INITIAL_DRAFT, mode: "rate" as const, count: "0", perSecond: "51", durationSeconds: "301" };
    expect(draftProblems(rate, targets)).toEqual({ perSecond: "Enter a whole number from 1 to 50.", durationSeconds: "Enter a whole number from 1 to 300." });
    expect(draftProblems({ ...rate, mode: "count", count: "5" }, targets)).toEqual({});
  });

  it("needs a target the Service has", () => {
    expect(draftProblems({ ...INITIAL_DRAFT, targetKey: "tag:gone" }, targets)).toEqual({ target: "Choose where to send the requests." });
    expect(requestOf(INITIAL_DRAFT, [])).toBeUndefined();
  });

  it("falls back to the first target when the chosen tag goes away", () => {
    expect(keepTarget({ ...INITIAL_DRAFT, targetKey: "tag:gone" }, targets).targetKey).toBe("service");
    const kept = { ...INITIAL_DRAFT, targetKey: "tag:canary" };
    expect(keepTarget(kept, targets)).toBe(kept);
  });
});

describe("wholeNumberIn", () => {
  it.each([
    ["20", 20],
    [" 7 ", 7],
    ["007", 7],
    ["0", undefined],
    ["51", undefined],
    ["", undefined],
    ["x", undefined],
    ["1.0", undefined],
  ])("%j → %s", (text, want) => {
    expect(wholeNumberIn(text, { min: 1, max: 50, default: 10 })).toBe(want);
  });
});
