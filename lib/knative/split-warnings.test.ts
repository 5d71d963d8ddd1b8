import { describe, expect, it } from "vitest";
import { setPercent } from "./split-editing";
import { split } from "./split-editor.testing";
import { promote } from "./split-shortcuts";
import { createSplitState } from "./split-state";
import { NO_TRAFFIC_TO_NEW_REVISIONS, splitWarnings } from "./split-warnings";

const noLatest = { code: "new-revisions-get-no-traffic", message: NO_TRAFFIC_TO_NEW_REVISIONS };

describe("splitWarnings", () => {
  const revisions = [{ name: "hello-00002", ready: true }, { name: "hello-00001", ready: true }];
  const open = () =>
    createSplitState({
      traffic: [
        { latestRevision: true, percent: 80 },
        { revisionName: "hello-00001", latestRevision: false, percent: 20 },
      ],
      revisions,
      latestReadyRevisionName: "hello-00002",
    });

  it("says nothing about a split that follows new revisions and drops nothing", () => {
    expect(splitWarnings(open())).toEqual([]);
  });

  it("warns that new revisions get no traffic when every target is pinned", () => {
    expect(splitWarnings(setPercent(promote(open(), "hello-00002"), "hello-00001", 20))).toEqual([
      noLatest,
      { code: "target-dropped", rowId: "@latest", message: "Latest revision (currently hello-00002) will be removed from the traffic block: it gets 0 % and has no tag." },
    ]);
    expect(NO_TRAFFIC_TO_NEW_REVISIONS).toBe("New revisions will get no traffic until you change the split: every target is pinned to a revision.");
  });

  it("warns about a row at 0 % without a tag that is in spec.traffic now, not about rows never in it", () => {
    expect(splitWarnings(setPercent(open(), "hello-00001", 0))).toEqual([
      { code: "target-dropped", rowId: "hello-00001", message: "hello-00001 will be removed from the traffic block: it gets 0 % and has no tag." },
    ]);
  });

  it("does not warn about a tagged row at 0 %: it keeps its target and URL", () => {
    expect(splitWarnings(split("@latest=100 a=0#old"))).toEqual([]);
  });

  it.each([
    ["a revision that is not ready", { name: "hello-00001", ready: false }, "revision-not-ready", "Revision hello-00001 is not ready: the Route keeps its old split until it is."],
    ["a revision that is not listed", undefined, "revision-not-found", "Revision hello-00001 was not found: the Route keeps its old split while a target names it."],
  ])("warns about a kept target for %s", (_, listed, code, message) => {
    const warning = { code, rowId: "hello-00001", message };
    const state = createSplitState({
      traffic: [{ latestRevision: true, percent: 50 }, { revisionName: "hello-00001", latestRevision: false, percent: 50 }],
      revisions: [{ name: "hello-00002", ready: true }, ...(listed ? [listed] : [])],
      latestReadyRevisionName: "hello-00002",
    });
    expect(splitWarnings(state)).toEqual([warning]);
    // Once it gets 0 % and no tag, it is dropped instead, and the Route can resolve the rest.
    expect(splitWarnings(promote(state, "@latest")).map((w) => w.code)).toEqual(["target-dropped"]);
  });

  it("warns when the latest target gets traffic while no revision is ready", () => {
    const state = createSplitState({ traffic: [{ latestRevision: true, percent: 100 }], revisions: [{ name: "hello-00001", ready: false }] });
    expect(splitWarnings(state).map((w) => w.code)).toEqual(["no-ready-revision"]);
  });
});
