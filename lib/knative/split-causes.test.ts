import { describe, expect, it } from "vitest";
import { placeCauses } from "./split-causes";
import type { TrafficTarget } from "./types";

const sent: TrafficTarget[] = [
  { latestRevision: true, percent: 50 },
  { tag: "old", revisionName: "hello-00001", latestRevision: false, percent: 50 },
];

describe("placeCauses", () => {
  it("puts a cause about a target next to that target's row", () => {
    expect(
      placeCauses(sent, [
        { field: "spec.traffic[1].revisionName", message: 'Service "hello" has no revision "hello-00001"' },
        { field: "spec.traffic.tag[0]", message: "invalid value: not a DNS 1035 label" },
      ]),
    ).toEqual({
      rows: { "hello-00001": ['Service "hello" has no revision "hello-00001"'], "@latest": ["invalid value: not a DNS 1035 label"] },
      general: [],
      tagRows: ["@latest"],
    });
  });

  it("keeps causes no row owns, with their field", () => {
    expect(
      placeCauses(sent, [
        { field: "spec.traffic", message: "Traffic targets sum to 90, want 100" },
        { field: "spec.traffic[7].percent", message: "out of range" },
        { message: "something else" },
        { field: "metadata.resourceVersion" },
      ]),
    ).toEqual({
      rows: {},
      general: ["spec.traffic: Traffic targets sum to 90, want 100", "spec.traffic[7].percent: out of range", "something else", "metadata.resourceVersion"],
      tagRows: [],
    });
  });

  it("says each message once per row", () => {
    const twice = { field: "spec.traffic[1].tag", message: 'Multiple definitions for "old"' };
    expect(placeCauses(sent, [twice, twice])).toEqual({ rows: { "hello-00001": ['Multiple definitions for "old"'] }, general: [], tagRows: ["hello-00001"] });
  });
});
