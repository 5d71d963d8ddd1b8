import { describe, expect, it } from "vitest";
import { describeSplit, revisionCreatedNote, splitBefore, trafficSplitNote } from "./audit-messages";

describe("audit messages", () => {
  it("says who changed the split, from what to what", () => {
    expect(
      trafficSplitNote("knative-developer", "hello", [{ revisionName: "hello-00001", percent: 100 }], [
        { revisionName: "hello-00001", percent: 50 },
        { revisionName: "hello-00002", percent: 50 },
      ]),
    ).toBe('User "knative-developer" changed the traffic split of Service hello through the console: hello-00001 100% → hello-00001 50%, hello-00002 50%');
  });

  it("names latestRevision targets, tags and an empty split", () => {
    expect(describeSplit([{ latestRevision: true, percent: 90 }, { revisionName: "a-00001", percent: 10, tag: "stable" }])).toBe("latest 90%, a-00001 10% (tag stable)");
    expect(describeSplit(undefined)).toBe("none");
  });

  it("takes the split before a change from the Route's status, which names what latestRevision meant", () => {
    const service = {
      metadata: { name: "hello" },
      spec: { template: { spec: { containers: [] } }, traffic: [{ latestRevision: true, percent: 100 }] },
      status: { traffic: [{ revisionName: "hello-00002", latestRevision: true, percent: 100 }] },
    };
    expect(splitBefore(service)).toEqual([{ revisionName: "hello-00002", latestRevision: true, percent: 100 }]);
    expect(splitBefore({ ...service, status: {} })).toEqual([{ latestRevision: true, percent: 100 }]);
  });

  it("says when the cluster did not tell who acted", () => {
    expect(revisionCreatedNote(null, "hello", undefined, [], [{ latestRevision: true, percent: 100 }])).toBe(
      "An unknown identity created a new revision of Service hello through the console; traffic: none → latest 100%",
    );
  });
});
