import { describe, expect, it } from "vitest";
import { setPercent, setPercentFree, setTag } from "./split-editing";
import { toTraffic, trafficDiff } from "./split-output";
import { promote } from "./split-shortcuts";
import { createSplitState, LATEST_ROW_ID, type SplitState } from "./split-state";
import type { TrafficTarget } from "./types";

const revisions = [{ name: "hello-00003", ready: true }, { name: "hello-00002", ready: true }, { name: "hello-00001", ready: true }];
const open = (traffic: TrafficTarget[]): SplitState => createSplitState({ traffic, revisions, latestReadyRevisionName: "hello-00003" });

describe("toTraffic", () => {
  it("keeps the latestRevision target as such through edits, never pinning it to the current latest", () => {
    let state = open([{ latestRevision: true, percent: 100 }]);
    state = setPercent(state, "hello-00001", 20);
    expect(toTraffic(state)).toEqual([
      { latestRevision: true, percent: 80 },
      { revisionName: "hello-00001", latestRevision: false, percent: 20 },
    ]);
    expect(toTraffic(promote(state, LATEST_ROW_ID))).toEqual([{ latestRevision: true, percent: 100 }]);
  });

  it("pins only what the user pinned: the latest ready revision's own row stays separate", () => {
    const state = setPercent(open([{ latestRevision: true, percent: 100 }]), "hello-00003", 30);
    expect(toTraffic(state)).toEqual([
      { latestRevision: true, percent: 70 },
      { revisionName: "hello-00003", latestRevision: false, percent: 30 },
    ]);
  });

  it("keeps tags, target order and extra targets; drops url, and untagged targets at 0 %", () => {
    const current: TrafficTarget[] = [
      { tag: "stable", revisionName: "hello-00001", latestRevision: false, percent: 90, url: "http://stable-hello.default.example.com" },
      { revisionName: "hello-00002", latestRevision: false, percent: 10 },
      { tag: "blue", revisionName: "hello-00001", latestRevision: false, percent: 0 },
      { tag: "latest", latestRevision: true, percent: 0 },
    ];
    const state = setPercent(open(current), "hello-00002", 0);
    expect(toTraffic(state)).toEqual([
      { tag: "stable", revisionName: "hello-00001", latestRevision: false, percent: 100 },
      { tag: "blue", revisionName: "hello-00001", latestRevision: false, percent: 0 },
      { tag: "latest", latestRevision: true, percent: 0 },
    ]);
  });

  it.each<[string, (s: SplitState) => SplitState, TrafficTarget[]]>([
    [
      "renames a tag where it is",
      (s) => setTag(s, "hello-00001", "v1"),
      [
        { tag: "v1", revisionName: "hello-00001", latestRevision: false, percent: 60 },
        { tag: "latest", latestRevision: true, percent: 40 },
      ],
    ],
    [
      "removes a tag",
      (s) => setTag(s, LATEST_ROW_ID, undefined),
      [
        { tag: "stable", revisionName: "hello-00001", latestRevision: false, percent: 60 },
        { latestRevision: true, percent: 40 },
      ],
    ],
    [
      "tags a revision that has no target yet, at 0 %",
      (s) => setTag(s, "hello-00002", "candidate"),
      [
        { tag: "stable", revisionName: "hello-00001", latestRevision: false, percent: 60 },
        { tag: "latest", latestRevision: true, percent: 40 },
        { tag: "candidate", revisionName: "hello-00002", latestRevision: false, percent: 0 },
      ],
    ],
    [
      "moves a tag from one revision to another",
      (s) => setPercentFree(setPercentFree(setTag(setTag(s, "hello-00001", undefined), "hello-00003", "stable"), "hello-00003", 60), "hello-00001", 0),
      [
        { tag: "latest", latestRevision: true, percent: 40 },
        { tag: "stable", revisionName: "hello-00003", latestRevision: false, percent: 60 },
      ],
    ],
  ])("%s", (_, edit, want) => {
    const state = open([
      { tag: "stable", revisionName: "hello-00001", latestRevision: false, percent: 60 },
      { tag: "latest", latestRevision: true, percent: 40 },
    ]);
    expect(toTraffic(edit(state))).toEqual(want);
  });

  it("adds a tagged latest target when there is none", () => {
    const state = setTag(open([{ revisionName: "hello-00001", latestRevision: false, percent: 100 }]), LATEST_ROW_ID, "next");
    expect(toTraffic(state)).toEqual([
      { revisionName: "hello-00001", latestRevision: false, percent: 100 },
      { tag: "next", latestRevision: true, percent: 0 },
    ]);
  });

  it("builds on a newer spec.traffic when given one", () => {
    const state = setPercent(open([{ latestRevision: true, percent: 100 }]), "hello-00001", 50);
    const newer = [{ tag: "qa", revisionName: "hello-00002", latestRevision: false, percent: 0 }, { latestRevision: true, percent: 100 }];
    expect(toTraffic(state, newer)).toEqual([
      { tag: "qa", revisionName: "hello-00002", latestRevision: false, percent: 0 },
      { latestRevision: true, percent: 50 },
      { revisionName: "hello-00001", latestRevision: false, percent: 50 },
    ]);
  });
});

describe("trafficDiff", () => {
  it("lists every target before and after, summed per revision", () => {
    const before: TrafficTarget[] = [
      { latestRevision: true, percent: 100 },
      { tag: "old", revisionName: "hello-00001", latestRevision: false, percent: 0 },
    ];
    const after: TrafficTarget[] = [
      { latestRevision: true, percent: 70 },
      { revisionName: "hello-00002", latestRevision: false, percent: 20 },
      { tag: "b", revisionName: "hello-00002", latestRevision: false, percent: 10 },
    ];
    expect(trafficDiff(before, after)).toEqual([
      { id: "@latest", latest: true, beforePercent: 100, afterPercent: 70, beforeTags: [], afterTags: [], changed: true },
      { id: "hello-00001", latest: false, revisionName: "hello-00001", beforePercent: 0, afterPercent: 0, beforeTags: ["old"], afterTags: [], changed: true },
      { id: "hello-00002", latest: false, revisionName: "hello-00002", beforePercent: 0, afterPercent: 30, beforeTags: [], afterTags: ["b"], changed: true },
    ]);
  });

  it("marks unchanged rows", () => {
    const traffic = [{ tag: "x", revisionName: "a", latestRevision: false, percent: 100 }];
    expect(trafficDiff(traffic, traffic).map((r) => r.changed)).toEqual([false]);
  });

  it("makes the table of a dialog's change", () => {
    const state = setPercent(open([{ latestRevision: true, percent: 100 }]), "hello-00002", 10);
    expect(trafficDiff(state.currentTraffic, toTraffic(state)).map((r) => [r.id, r.beforePercent, r.afterPercent])).toEqual([
      ["@latest", 100, 90],
      ["hello-00002", 0, 10],
    ]);
  });
});
