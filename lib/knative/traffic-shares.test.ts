import { describe, expect, it } from "vitest";
import { percentFor, trafficShares } from "./traffic-shares";

describe("trafficShares", () => {
  it("sums a revision's targets and collects its tags with their URLs", () => {
    const shares = trafficShares([
      { revisionName: "hello-00002", percent: 100, latestRevision: true },
      { revisionName: "hello-00001", percent: 0, tag: "old", url: "http://old-hello.default.example.com", latestRevision: false },
      { revisionName: "hello-00002", percent: 0, tag: "current", latestRevision: false },
    ]);
    expect(shares).toEqual([
      { revisionName: "hello-00002", percent: 100, latest: true, tags: [{ tag: "current" }] },
      { revisionName: "hello-00001", percent: 0, latest: false, tags: [{ tag: "old", url: "http://old-hello.default.example.com" }] },
    ]);
    expect(percentFor(shares, "hello-00001")).toBe(0);
    expect(percentFor(shares, "missing")).toBe(0);
  });

  it("ignores targets not yet resolved to a revision", () => {
    expect(trafficShares([{ configurationName: "hello", percent: 100 }])).toEqual([]);
    expect(trafficShares(undefined)).toEqual([]);
  });

  it("keeps the order in which each revision first appears, a 0 % tag included", () => {
    const shares = trafficShares([
      { revisionName: "hello-00001", percent: 0, tag: "old" },
      { revisionName: "hello-00002", percent: 50 },
      { revisionName: "hello-00001", percent: 50 },
    ]);
    expect(shares.map((s) => [s.revisionName, s.percent])).toEqual([
      ["hello-00001", 50],
      ["hello-00002", 50],
    ]);
  });
});
