import { describe, expect, it } from "vitest";
import { createSplitState } from "@/lib/knative/split-state";
import { splitSummary } from "./split-summary";

describe("splitSummary", () => {
  it("names each row with traffic, the latest target by what it follows", () => {
    const state = createSplitState({
      traffic: [{ latestRevision: true, percent: 50 }, { revisionName: "hello-00001", latestRevision: false, percent: 50 }],
      revisions: [{ name: "hello-00002" }, { name: "hello-00001" }],
      latestReadyRevisionName: "hello-00002",
    });
    expect(splitSummary(state)).toBe("Latest revision (currently hello-00002) 50 %, hello-00001 50 %");
  });

  it("says when nothing gets traffic", () => {
    const state = createSplitState({ traffic: [{ revisionName: "a", latestRevision: false, percent: 0, tag: "x" }], revisions: [{ name: "a" }] });
    expect(splitSummary(state)).toBe("no traffic");
  });
});
