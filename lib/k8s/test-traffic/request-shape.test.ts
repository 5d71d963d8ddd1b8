import { describe, expect, it } from "vitest";
import { testTrafficShape } from "./request-shape";

const issues = (value: unknown) => {
  const r = testTrafficShape.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => [i.path.join("."), i.message]);
};

describe("the shape of a Send requests body", () => {
  it.each([
    { target: "service", mode: "count", count: 20 },
    { target: "service", mode: "count", count: 1 },
    { target: "service", mode: "count", count: 1000 },
    { target: { tag: "canary" }, mode: "count", count: 5 },
    { target: "service", mode: "rate", perSecond: 1, durationSeconds: 1 },
    { target: "service", mode: "rate", perSecond: 50, durationSeconds: 300 },
  ])("takes %j", (body) => {
    expect(issues(body)).toEqual([]);
  });

  it.each([
    ["count 0", { target: "service", mode: "count", count: 0 }, "count", "must be a whole number from 1 to 1000"],
    ["count 1001", { target: "service", mode: "count", count: 1001 }, "count", "must be a whole number from 1 to 1000"],
    ["count 2.5", { target: "service", mode: "count", count: 2.5 }, "count", "must be a whole number from 1 to 1000"],
    ["count as a string", { target: "service", mode: "count", count: "20" }, "count", "must be a whole number from 1 to 1000"],
    ["no count", { target: "service", mode: "count" }, "count", "must be a whole number from 1 to 1000"],
    ["51 per second", { target: "service", mode: "rate", perSecond: 51, durationSeconds: 10 }, "perSecond", "must be a whole number from 1 to 50"],
    ["0 per second", { target: "service", mode: "rate", perSecond: 0, durationSeconds: 10 }, "perSecond", "must be a whole number from 1 to 50"],
    ["301 s", { target: "service", mode: "rate", perSecond: 5, durationSeconds: 301 }, "durationSeconds", "must be a whole number from 1 to 300"],
    ["an unknown mode", { target: "service", mode: "burst", count: 5 }, "mode", 'must be "count" or "rate"'],
    ["no mode", { target: "service", count: 5 }, "mode", 'must be "count" or "rate"'],
    ["no target", { mode: "count", count: 5 }, "target", 'must be "service" or {"tag": "<tag>"}'],
    ["a URL as the target", { target: "http://evil.example.com", mode: "count", count: 5 }, "target", 'must be "service" or {"tag": "<tag>"}'],
    ["a host as the target", { target: { host: "evil.example.com" }, mode: "count", count: 5 }, "target", 'must be "service" or {"tag": "<tag>"}'],
  ])("refuses %s, naming %s", (_, body, field, message) => {
    expect(issues(body)).toContainEqual([field, message]);
  });

  it("refuses an empty or overlong tag at target.tag", () => {
    expect(issues({ target: { tag: "" }, mode: "count", count: 5 }).map(([f]) => f)).toEqual(["target.tag"]);
    expect(issues({ target: { tag: "x".repeat(64) }, mode: "count", count: 5 }).map(([f]) => f)).toEqual(["target.tag"]);
  });

  it("refuses fields of the other mode and unknown fields", () => {
    expect(issues({ target: "service", mode: "rate", perSecond: 1, durationSeconds: 1, count: 5 })).toEqual([["", 'Unrecognized key: "count"']]);
    expect(issues({ target: "service", mode: "count", count: 5, host: "x" })).toEqual([["", 'Unrecognized key: "host"']]);
  });
});
