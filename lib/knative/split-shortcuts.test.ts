import { describe, expect, it } from "vitest";
import { setPercent } from "./split-editing";
import { show, split } from "./split-editor.testing";
import { toTraffic } from "./split-output";
import { promote, rollback } from "./split-shortcuts";
import { createSplitState, type SplitRevision } from "./split-state";
import type { TrafficTarget } from "./types";

describe("promote", () => {
  it.each([
    ["@latest=50 a=30! b=20", "b", "@latest=0 a=0 b=100"],
    ["@latest=50 a=30! b=20", "@latest", "@latest=100 a=0 b=0"],
    ["a=100", "a", "a=100"],
    ["a=60 b=40", "nope", "a=60 b=40"],
  ])("%s, promote %s: %s", (before, rowId, after) => {
    expect(show(promote(split(before), rowId))).toBe(after);
  });
});

describe("rollback", () => {
  // Newest first: h4 is not ready, h2 failed.
  const revisions: SplitRevision[] = [
    { name: "h4", ready: false, generation: 4 },
    { name: "h3", ready: true, generation: 3 },
    { name: "h2", ready: false, generation: 2 },
    { name: "h1", ready: true, generation: 1 },
  ];
  const pinned = (revisionName: string, percent: number): TrafficTarget => ({ revisionName, latestRevision: false, percent });
  const open = (traffic: TrafficTarget[], latestReady = "h3") => createSplitState({ traffic, revisions, latestReadyRevisionName: latestReady });

  it.each<[string, string, string, TrafficTarget[]]>([
    ["all traffic on the latest revision", "h3", "h1", [{ latestRevision: true, percent: 100 }]],
    ["a 10 % canary of the latest", "h3", "h1", [{ latestRevision: true, percent: 10 }, pinned("h1", 90)]],
    ["a pinned canary of an older revision", "h3", "h1", [pinned("h3", 10), pinned("h1", 90)]],
    ["traffic only counts above 0 %", "h3", "h1", [{ tag: "next", latestRevision: true, percent: 0 }, pinned("h3", 100)]],
    ["a canary of a revision that is not ready", "h4", "h3", [pinned("h4", 10), pinned("h3", 90)]],
  ])("%s: from %s to %s", (_, from, to, traffic) => {
    const result = rollback(open(traffic), revisions);
    const onlyTo = ["@latest", "h4", "h3", "h2", "h1"].map((id) => `${id}=${id === to ? 100 : 0}`).join(" ");
    const percents = result.state?.rows.map((r) => `${r.id}=${r.percent}`).join(" ");
    expect(result.state && { from: result.from, to: result.to, percents }).toEqual({ from, to, percents: onlyTo });
  });

  it("skips unready revisions and pins the target, leaving the latest target at 0 %", () => {
    const result = rollback(open([{ latestRevision: true, percent: 100 }]), revisions);
    expect(result.state && toTraffic(result.state)).toEqual([pinned("h1", 100)]);
  });

  it("steps back from the live split, not from the edits in progress", () => {
    const edited = setPercent(open([{ latestRevision: true, percent: 100 }]), "h1", 100);
    const result = rollback(edited, revisions);
    expect(result.state && [result.from, result.to]).toEqual(["h3", "h1"]);
  });

  it("releases locks", () => {
    const state = open([{ latestRevision: true, percent: 60 }, pinned("h3", 40)]);
    const locked = { ...state, rows: state.rows.map((r) => ({ ...r, locked: r.id === "h3" })) };
    const result = rollback(locked, [{ name: "h3", ready: true }, { name: "h1", ready: true }]);
    expect(result.state?.rows.some((r) => r.locked)).toBe(false);
  });

  const nothingLive = "No revision of this Service gets traffic now, so there is nothing to roll back from.";
  it.each<[string, string, TrafficTarget[], string | undefined]>([
    ["the oldest ready revision is live", "No ready revision is older than h1, so there is nothing to roll back to.", [pinned("h1", 100)], "h3"],
    ["only a revision that is not listed gets traffic", nothingLive, [pinned("gone", 100)], "h3"],
    ["the latest target has no ready revision to follow", nothingLive, [{ latestRevision: true, percent: 100 }], undefined],
  ])("none when %s", (_, reason, traffic, latestReady) => {
    const state = createSplitState({ traffic, revisions, ...(latestReady ? { latestReadyRevisionName: latestReady } : {}) });
    expect(rollback(state, revisions)).toEqual({ state: undefined, reason });
  });

  it("rolls back two ready revisions to the older one", () => {
    const two = [{ name: "hello-00002", ready: true, generation: 2 }, { name: "hello-00001", ready: true, generation: 1 }];
    const traffic = [{ latestRevision: true, percent: 50 }, pinned("hello-00001", 50)];
    const state = createSplitState({ traffic, revisions: two, latestReadyRevisionName: "hello-00002" });
    const result = rollback(state, two);
    expect(result.state && show(result.state)).toBe("@latest=0 hello-00002=0 hello-00001=100");
  });
});
