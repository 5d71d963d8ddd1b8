import { describe, expect, it } from "vitest";
import { readiness } from "./readiness";

const meta = { name: "x", generation: 2 };

describe("readiness", () => {
  it("is Ready only when the latest generation was observed and Ready is True", () => {
    expect(readiness({ metadata: meta, status: { observedGeneration: 2, conditions: [{ type: "Ready", status: "True" }] } }).state).toBe("Ready");
    expect(readiness({ metadata: meta, status: { observedGeneration: 1, conditions: [{ type: "Ready", status: "True" }] } }).state).toBe("In progress");
  });

  it("carries the reason and message of a failure", () => {
    const r = readiness({
      metadata: meta,
      status: { observedGeneration: 2, conditions: [{ type: "Ready", status: "False", reason: "RevisionMissing", message: "Configuration \"x\" does not have any ready Revision." }] },
    });
    expect(r).toEqual({ state: "Failed", reason: "RevisionMissing", message: "Configuration \"x\" does not have any ready Revision." });
  });

  it("says when Knative has not reported yet", () => {
    expect(readiness({ metadata: meta })).toMatchObject({ state: "In progress", reason: "NotReconciled" });
  });
});
