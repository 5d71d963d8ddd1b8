import { describe, expect, it } from "vitest";
import { apportion, buildTraffic, checkTraffic, distributeEvenly, percentsFromStatus, setRevisionPercent, sumPercents } from "./traffic";

describe("traffic helpers", () => {
  it("sums percents with missing ones as 0", () => {
    expect(sumPercents([{ percent: 40 }, { revisionName: "a" }, { percent: 50 }])).toBe(90);
    expect(sumPercents(undefined)).toBe(0);
  });

  it("checks a split with the webhook's own messages", () => {
    const bad = checkTraffic([{ revisionName: "hello-00001", percent: 50 }, { revisionName: "hello-00002", percent: 40 }]);
    expect(bad.errors?.render()).toBe("Traffic targets sum to 90, want 100: spec.traffic");
    expect(bad.leaves).toEqual([{ message: "Traffic targets sum to 90, want 100", paths: ["spec.traffic"], details: "", level: "error" }]);

    const tags = checkTraffic([{ tag: "v1", revisionName: "a", percent: 100 }, { tag: "v1", revisionName: "b", percent: 0 }]);
    expect(tags.errors?.render()).toBe('Multiple definitions for "v1": spec.traffic[0].tag, spec.traffic[1].tag');
    expect(checkTraffic([{ configurationName: "c", percent: 100 }], "Route").errors).toBeUndefined();
    expect(checkTraffic([{ latestRevision: true, percent: 100 }]).errors).toBeUndefined();
  });

  it("builds spec.traffic from percents, keeping tags and the latest target", () => {
    const current = [
      { tag: "current", revisionName: "hello-00001", latestRevision: false, percent: 100, url: "http://current-hello.default.example.com" },
      { tag: "latest", latestRevision: true, percent: 0 },
      { revisionName: "hello-00000", latestRevision: false, percent: 0 },
    ];
    const next = buildTraffic(current, { "hello-00001": 80, "hello-00002": 20 });
    expect(next).toEqual([
      { tag: "current", revisionName: "hello-00001", latestRevision: false, percent: 80 },
      { tag: "latest", latestRevision: true, percent: 0 },
      { revisionName: "hello-00002", latestRevision: false, percent: 20 },
    ]);
    expect(checkTraffic(next).errors).toBeUndefined();
    expect(buildTraffic([], { a: 50 }, { latestPercent: 50 })).toEqual([{ latestRevision: true, percent: 50 }, { revisionName: "a", latestRevision: false, percent: 50 }]);
  });

  it("reads per-revision percents from status.traffic", () => {
    expect(
      percentsFromStatus([
        { revisionName: "a", percent: 60, latestRevision: true },
        { revisionName: "b", percent: 40 },
        { tag: "a-tag", revisionName: "a", percent: 0 },
      ]),
    ).toEqual({ a: 60, b: 40 });
  });

  it("apportions whole percents that always add up", () => {
    expect(distributeEvenly(["a", "b", "c"])).toEqual({ a: 34, b: 33, c: 33 });
    expect(apportion({ a: 1, b: 1 }, 7)).toEqual({ a: 4, b: 3 });
    expect(apportion({ a: 0, b: 0 }, 10)).toEqual({ a: 5, b: 5 });
  });

  it("sets one revision and rescales the rest to keep 100", () => {
    expect(setRevisionPercent({ a: 50, b: 30, c: 20 }, "a", 80)).toEqual({ a: 80, b: 12, c: 8 });
    expect(setRevisionPercent({ a: 100, b: 0 }, "a", 90)).toEqual({ a: 90, b: 10 });
    expect(setRevisionPercent({ a: 60, b: 40 }, "b", 150)).toEqual({ a: 0, b: 100 });
    expect(setRevisionPercent({ a: 100 }, "a", 10)).toEqual({ a: 100 });
    expect(setRevisionPercent({ a: 100 }, "new", 30)).toEqual({ a: 70, new: 30 });
    for (const v of [0, 1, 33, 99]) {
      const out = setRevisionPercent({ a: 10, b: 20, c: 70 }, "b", v);
      expect(Object.values(out).reduce((x, y) => x + y, 0)).toBe(100);
    }
  });
});
