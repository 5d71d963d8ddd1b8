import { describe, expect, it } from "vitest";
import { createSplitState, isLatestTarget, newestFirst, rowLabel, specShares, splitRevisionOf, splitStateForService, splitTotal } from "./split-state";
import { show } from "./split-editor.testing";
import type { Revision, Service } from "./types";

const revisions = [
  { name: "hello-00001", ready: true, generation: 1 },
  { name: "hello-00003", ready: true, generation: 3 },
  { name: "hello-00002", ready: false, generation: 2 },
];

describe("createSplitState", () => {
  it("has the latest row first, then every revision newest first, with its current percent", () => {
    const state = createSplitState({
      traffic: [
        { latestRevision: true, percent: 60 },
        { revisionName: "hello-00001", latestRevision: false, percent: 40 },
      ],
      revisions,
      latestReadyRevisionName: "hello-00003",
    });
    expect(show(state)).toBe("@latest=60 hello-00003=0 hello-00002=0 hello-00001=40");
    expect(state.rows.map((r) => r.inTraffic)).toEqual([true, false, false, true]);
    expect(state.rows.map((r) => (r.kind === "revision" ? r.ready : "latest"))).toEqual(["latest", true, false, true]);
    expect(rowLabel(state, state.rows[0]!)).toBe("Latest revision (currently hello-00003)");
    expect(rowLabel(state, state.rows[1]!)).toBe("hello-00003");
  });

  it("keeps the latest target its own row even when it is the only one, never pinning it", () => {
    const state = createSplitState({ traffic: [{ latestRevision: true, percent: 100 }], revisions, latestReadyRevisionName: "hello-00003" });
    expect(show(state)).toBe("@latest=100 hello-00003=0 hello-00002=0 hello-00001=0");
    expect(state.rows[0]!.kind).toBe("latest");
  });

  it("sums several targets of one revision, keeps its first tag editable and the rest as extra tags", () => {
    const state = createSplitState({
      traffic: [
        { revisionName: "hello-00001", latestRevision: false, percent: 30 },
        { tag: "stable", revisionName: "hello-00001", latestRevision: false, percent: 20, url: "http://stable-hello.default.example.com" },
        { tag: "blue", revisionName: "hello-00001", latestRevision: false, percent: 0 },
        { tag: "candidate", latestRevision: true, percent: 50 },
      ],
      revisions,
    });
    expect(show(state)).toBe("@latest=50#candidate hello-00003=0 hello-00002=0 hello-00001=50#stable");
    expect(state.rows[3]!.extraTags).toEqual(["blue"]);
    expect(rowLabel(state, state.rows[0]!)).toBe("Latest revision (none ready yet)");
  });

  it("adds the latest row at 0 % when every target is pinned", () => {
    const state = createSplitState({ traffic: [{ revisionName: "hello-00002", latestRevision: false, percent: 100 }], revisions });
    expect(show(state)).toBe("@latest=0 hello-00003=0 hello-00002=100 hello-00001=0");
    expect(state.rows[0]!.inTraffic).toBe(false);
  });

  it("keeps rows for revisions only spec.traffic names, after the listed ones", () => {
    const state = createSplitState({
      traffic: [
        { revisionName: "gone-00009", latestRevision: false, percent: 10 },
        { latestRevision: true, percent: 90 },
      ],
      revisions: [{ name: "hello-00001", ready: true }],
    });
    expect(show(state)).toBe("@latest=90 hello-00001=0 gone-00009=10");
    expect(state.rows.map((r) => r.kind === "revision" && r.known)).toEqual([false, true, false]);
  });

  it("reads an empty spec.traffic as the webhook defaults it: all to the latest revision", () => {
    for (const traffic of [undefined, []]) {
      const state = createSplitState({ traffic, revisions: [{ name: "hello-00001" }] });
      expect(show(state)).toBe("@latest=100 hello-00001=0");
      expect(state.currentTraffic).toEqual([{ latestRevision: true, percent: 100 }]);
    }
  });

  it("copies spec.traffic, so later edits of the Service object do not leak in", () => {
    const traffic = [{ latestRevision: true, percent: 100 }];
    const state = createSplitState({ traffic, revisions: [] });
    traffic[0]!.percent = 5;
    expect(state.currentTraffic[0]!.percent).toBe(100);
    expect(splitTotal(state)).toBe(100);
  });
});

describe("reading spec.traffic", () => {
  it.each([
    [{ latestRevision: true }, true],
    [{ percent: 10 }, true],
    [{ revisionName: "a" }, false],
    [{ revisionName: "a", latestRevision: false }, false],
    [{ latestRevision: false }, false],
  ])("%j follows the latest: %s", (target, latest) => {
    expect(isLatestTarget(target)).toBe(latest);
  });

  it("sums per target kind", () => {
    expect(
      specShares([
        { revisionName: "a", percent: 10 },
        { tag: "x", latestRevision: true, percent: 20 },
        { revisionName: "a", tag: "y", percent: 5 },
        { latestRevision: true, percent: 65 },
      ]),
    ).toEqual([
      { id: "@latest", percent: 85, tags: ["x"] },
      { id: "a", percent: 15, tags: ["y"] },
    ]);
  });

  it("orders revisions newest first by generation, then creation time, else as given", () => {
    const order = (revs: Parameters<typeof newestFirst>[0]) => newestFirst(revs).map((r) => r.name);
    expect(order(revisions)).toEqual(["hello-00003", "hello-00002", "hello-00001"]);
    expect(order([{ name: "old", created: "2024-01-01T00:00:00Z" }, { name: "new", created: "2024-02-01T00:00:00Z" }])).toEqual(["new", "old"]);
    expect(order([{ name: "x" }, { name: "y" }])).toEqual(["x", "y"]);
  });
});

describe("splitStateForService", () => {
  const revision = (name: string, generation: number, ready: boolean): Revision => ({
    metadata: {
      name,
      generation: 1,
      creationTimestamp: `2024-01-0${generation}T00:00:00Z`,
      labels: { "serving.knative.dev/configurationGeneration": String(generation) },
    },
    spec: { containers: [] },
    status: { observedGeneration: 1, conditions: [{ type: "Ready", status: ready ? "True" : "False" }] },
  });

  it("reads readiness, generation and the latest ready revision from the API objects", () => {
    expect(splitRevisionOf(revision("hello-00002", 2, false))).toEqual({ name: "hello-00002", ready: false, generation: 2, created: "2024-01-02T00:00:00Z" });
    const service: Service = {
      metadata: { name: "hello" },
      spec: { template: { spec: { containers: [] } }, traffic: [{ latestRevision: true, percent: 100 }] },
      status: { latestReadyRevisionName: "hello-00001" },
    };
    const state = splitStateForService(service, [revision("hello-00001", 1, true), revision("hello-00002", 2, false)]);
    expect(show(state)).toBe("@latest=100 hello-00002=0 hello-00001=0");
    expect(state.latestReadyRevisionName).toBe("hello-00001");
  });
});
