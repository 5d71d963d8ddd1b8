import { describe, expect, it } from "vitest";
import { checkTraffic } from "./traffic";
import type { Service, TrafficTarget } from "./types";
import { splitForNewRevision, trafficForShares } from "./new-revision-split";

function service(spec: TrafficTarget[] | undefined, status: TrafficTarget[], latestReady?: string): Service {
  return {
    metadata: { name: "hello" },
    spec: { template: { spec: { containers: [{ image: "x" }] } }, ...(spec ? { traffic: spec } : {}) },
    status: { traffic: status, ...(latestReady ? { latestReadyRevisionName: latestReady } : {}) },
  };
}

describe("splitForNewRevision", () => {
  it("pins the latest-following 100 % to the revision serving it, the new one at 0 %", () => {
    const svc = service([{ latestRevision: true, percent: 100 }], [{ latestRevision: true, revisionName: "hello-00001", percent: 100 }], "hello-00001");
    const split = splitForNewRevision(svc, ["hello-00001"], "hello-00002");
    expect(split.shares).toEqual([
      { revisionName: "hello-00002", percent: 0, tags: [] },
      { revisionName: "hello-00001", percent: 100, tags: [] },
    ]);
    expect(split.pinned).toEqual({ revisionName: "hello-00001", percent: 100 });
    const { traffic } = trafficForShares(split.shares, "hello-00002", split.floatingTags);
    expect(traffic).toEqual([
      { revisionName: "hello-00002", latestRevision: false, percent: 0 },
      { revisionName: "hello-00001", latestRevision: false, percent: 100 },
    ]);
    expect(checkTraffic(traffic).errors).toBeUndefined();
  });

  it("keeps a pinned split and its tags, adds the latest share to its revision, keeps latest tags floating", () => {
    const svc = service(
      [
        { tag: "stable", revisionName: "hello-00001", percent: 70 },
        { tag: "latest", latestRevision: true, percent: 30 },
        { tag: "old", revisionName: "hello-00001", percent: 0 },
      ],
      [{ latestRevision: true, revisionName: "hello-00002", percent: 30 }],
    );
    const split = splitForNewRevision(svc, ["hello-00002", "hello-00001", "hello-00000"], "hello-00003");
    expect(split.shares).toEqual([
      { revisionName: "hello-00003", percent: 0, tags: [] },
      { revisionName: "hello-00002", percent: 30, tags: [] },
      { revisionName: "hello-00001", percent: 70, tags: ["stable", "old"] },
      { revisionName: "hello-00000", percent: 0, tags: [] },
    ]);
    expect(split.pinned).toEqual({ revisionName: "hello-00002", percent: 30 });
    expect(split.floatingTags).toEqual(["latest"]);
    const { traffic, shareOfTarget } = trafficForShares(split.shares, "hello-00003", split.floatingTags);
    expect(traffic).toEqual([
      { revisionName: "hello-00003", latestRevision: false, percent: 0 },
      { revisionName: "hello-00002", latestRevision: false, percent: 30 },
      { tag: "stable", revisionName: "hello-00001", latestRevision: false, percent: 70 },
      { tag: "old", revisionName: "hello-00001", latestRevision: false, percent: 0 },
      { tag: "latest", latestRevision: true, percent: 0 },
    ]);
    expect(shareOfTarget).toEqual([0, 1, 2, 2, -1]);
    expect(checkTraffic(traffic).errors).toBeUndefined();
  });

  it("treats a target without a revision name as following the latest, and a missing spec.traffic as 100 % to it", () => {
    const split = splitForNewRevision(service(undefined, [], "hello-00001"), ["hello-00001"], "hello-00002");
    expect(split.pinned).toEqual({ revisionName: "hello-00001", percent: 100 });
    expect(splitForNewRevision(service([{ percent: 100 }], [], "hello-00001"), [], "hello-00002").pinned).toEqual({ revisionName: "hello-00001", percent: 100 });
  });

  it("gives the latest share to the new revision when no revision is ready to pin it to", () => {
    const split = splitForNewRevision(service([{ latestRevision: true, percent: 100 }], []), ["hello-00001"], "hello-00002");
    expect(split.pinned).toBeUndefined();
    expect(split.unpinned).toBe(100);
    expect(split.shares[0]).toEqual({ revisionName: "hello-00002", percent: 100, tags: [] });
  });
});
