import { describe, expect, it } from "vitest";
import {
  beginReconcile,
  CONFIGURATION_CONDITIONS,
  finishReconcile,
  formatTime,
  getCondition,
  isFailed,
  isReady,
  livingConditionSet,
  manageConditions,
  REVISION_CONDITIONS,
  ROUTE_CONDITIONS,
  SERVICE_CONDITIONS,
} from "./conditions";
import type { Status } from "./types";

function steppingClock(start = Date.parse("2026-01-01T00:00:00Z")) {
  let now = start;
  const clock = () => new Date(now);
  return { clock, advance: (seconds: number) => (now += seconds * 1000) };
}

describe("condition sets", () => {
  it("have the dependents of serving's lifecycle files", () => {
    expect(SERVICE_CONDITIONS.dependents).toEqual(["ConfigurationsReady", "RoutesReady"]);
    expect(CONFIGURATION_CONDITIONS.dependents).toEqual([]);
    expect(REVISION_CONDITIONS.dependents).toEqual(["ResourcesAvailable", "ContainerHealthy"]);
    expect(ROUTE_CONDITIONS.dependents).toEqual(["AllTrafficAssigned", "IngressReady", "CertificateProvisioned"]);
  });

  it("drop duplicates and the happy condition from dependents", () => {
    expect(livingConditionSet("A", "Ready", "A", "B").dependents).toEqual(["A", "B"]);
  });
});

describe("ConditionManager", () => {
  it("initialises missing conditions to Unknown, sorted by type", () => {
    const { clock } = steppingClock();
    const status: Status = {};
    manageConditions(SERVICE_CONDITIONS, status, clock).initialize();
    expect(status.conditions).toEqual([
      { type: "ConfigurationsReady", status: "Unknown", lastTransitionTime: "2026-01-01T00:00:00Z" },
      { type: "Ready", status: "Unknown", lastTransitionTime: "2026-01-01T00:00:00Z" },
      { type: "RoutesReady", status: "Unknown", lastTransitionTime: "2026-01-01T00:00:00Z" },
    ]);
  });

  it("initialises missing dependents to True when Ready is already True", () => {
    const { clock } = steppingClock();
    const status: Status = { conditions: [{ type: "Ready", status: "True" }] };
    manageConditions(SERVICE_CONDITIONS, status, clock).initialize();
    expect(status.conditions?.map((c) => c.status)).toEqual(["True", "True", "True"]);
  });

  it("becomes Ready only when every dependent is True", () => {
    const { clock } = steppingClock();
    const status: Status = {};
    const m = manageConditions(SERVICE_CONDITIONS, status, clock);
    m.initialize();
    m.markTrue("ConfigurationsReady");
    expect(getCondition(status, "Ready")?.status).toBe("Unknown");
    m.markTrue("RoutesReady");
    expect(getCondition(status, "Ready")).toMatchObject({ status: "True" });
    expect(getCondition(status, "Ready")?.reason).toBeUndefined();
  });

  it("mirrors the most recently transitioned False dependent, over Unknown ones", () => {
    const { clock, advance } = steppingClock();
    const status: Status = {};
    const m = manageConditions(ROUTE_CONDITIONS, status, clock);
    m.initialize();
    m.markFalse("AllTrafficAssigned", "RevisionMissing", "first");
    advance(1);
    m.markUnknown("IngressReady", "IngressNotConfigured", "Ingress has not yet been reconciled.");
    // An Unknown dependent never hides a False one.
    expect(getCondition(status, "Ready")).toMatchObject({ status: "False", reason: "RevisionMissing", message: "first" });
    advance(1);
    m.markFalse("CertificateProvisioned", "CertificateNotOwned", "second");
    expect(getCondition(status, "Ready")).toMatchObject({ status: "False", reason: "CertificateNotOwned", message: "second" });
    advance(1);
    m.markTrue("CertificateProvisioned");
    expect(getCondition(status, "Ready")).toMatchObject({ status: "False", reason: "RevisionMissing", message: "first" });
    m.markTrue("AllTrafficAssigned");
    expect(getCondition(status, "Ready")).toMatchObject({ status: "Unknown", reason: "IngressNotConfigured" });
    m.markTrue("IngressReady");
    expect(getCondition(status, "Ready")).toMatchObject({ status: "True" });
  });

  it("orders transitions within the same second by the order they were made", () => {
    const { clock } = steppingClock();
    const status: Status = {};
    const m = manageConditions(ROUTE_CONDITIONS, status, clock);
    m.initialize();
    m.markUnknown("IngressReady", "A", "a");
    m.markUnknown("AllTrafficAssigned", "B", "b");
    m.markTrue("CertificateProvisioned");
    expect(getCondition(status, "Ready")).toMatchObject({ status: "Unknown", reason: "B" });
  });

  it("changes lastTransitionTime only when the condition changes", () => {
    const { clock, advance } = steppingClock();
    const status: Status = {};
    const m = manageConditions(REVISION_CONDITIONS, status, clock);
    m.markUnknown("ContainerHealthy", "Deploying", "");
    advance(10);
    m.markUnknown("ContainerHealthy", "Deploying", "");
    expect(getCondition(status, "ContainerHealthy")?.lastTransitionTime).toBe("2026-01-01T00:00:00Z");
    advance(10);
    m.markTrue("ContainerHealthy");
    expect(getCondition(status, "ContainerHealthy")?.lastTransitionTime).toBe("2026-01-01T00:00:20Z");
  });

  it("gives non-dependents Info severity and leaves Ready alone", () => {
    const { clock } = steppingClock();
    const status: Status = {};
    const m = manageConditions(REVISION_CONDITIONS, status, clock);
    m.initialize();
    m.markTrue("ResourcesAvailable");
    m.markTrue("ContainerHealthy");
    m.markFalse("Active", "NoTraffic", "The target is not receiving traffic.");
    expect(getCondition(status, "Active")).toEqual({
      type: "Active",
      status: "False",
      severity: "Info",
      reason: "NoTraffic",
      message: "The target is not receiving traffic.",
      lastTransitionTime: "2026-01-01T00:00:00Z",
    });
    expect(getCondition(status, "Ready")?.status).toBe("True");
    m.markUnknown("Active", "Queued", "Requests to the target are being buffered as resources are provisioned.");
    expect(getCondition(status, "Ready")?.status).toBe("True");
    expect(status.conditions?.map((c) => c.type)).toEqual(["Active", "ContainerHealthy", "Ready", "ResourcesAvailable"]);
  });

  it("marks Ready False when a dependent goes Unknown while another is False", () => {
    const { clock } = steppingClock();
    const status: Status = {};
    const m = manageConditions(REVISION_CONDITIONS, status, clock);
    m.initialize();
    m.markFalse("ContainerHealthy", "ContainerMissing", "Unable to fetch image");
    m.markUnknown("ResourcesAvailable", "ResolvingDigests", "");
    expect(getCondition(status, "Ready")).toMatchObject({ status: "False", reason: "ContainerMissing" });
  });

  it("with no dependents, markUnknown on Ready sets only Ready", () => {
    const { clock } = steppingClock();
    const status: Status = {};
    const m = manageConditions(CONFIGURATION_CONDITIONS, status, clock);
    m.initialize();
    m.markTrue("Ready");
    expect(getCondition(status, "Ready")?.status).toBe("True");
    m.markUnknown("Ready", "", "");
    expect(status.conditions).toEqual([{ type: "Ready", status: "Unknown", lastTransitionTime: "2026-01-01T00:00:00Z" }]);
  });

  it("markTrueWithReason keeps reason and message", () => {
    const { clock } = steppingClock();
    const status: Status = {};
    const m = manageConditions(ROUTE_CONDITIONS, status, clock);
    m.initialize();
    m.markTrueWithReason("CertificateProvisioned", "TLSNotEnabled", "external-domain-tls is not enabled");
    expect(getCondition(status, "CertificateProvisioned")).toMatchObject({
      status: "True",
      reason: "TLSNotEnabled",
      message: "external-domain-tls is not enabled",
    });
  });

  it("refuses to clear terminal conditions", () => {
    const { clock } = steppingClock();
    const status: Status = {};
    const m = manageConditions(REVISION_CONDITIONS, status, clock);
    m.markFalse("Active", "NoTraffic", "x");
    m.clear("Active");
    expect(getCondition(status, "Active")).toBeUndefined();
    expect(() => m.clear("Ready")).toThrow();
  });
});

describe("isReady / isFailed", () => {
  const ready = { type: "Ready", status: "True" as const };
  it("needs the generation observed", () => {
    expect(isReady({ metadata: { generation: 2 }, status: { observedGeneration: 2, conditions: [ready] } })).toBe(true);
    expect(isReady({ metadata: { generation: 3 }, status: { observedGeneration: 2, conditions: [ready] } })).toBe(false);
    expect(isReady({ metadata: { generation: 1 } })).toBe(false);
  });
  it("isFailed needs Ready False", () => {
    const failed = { type: "Ready", status: "False" as const };
    expect(isFailed({ metadata: { generation: 1 }, status: { observedGeneration: 1, conditions: [failed] } })).toBe(true);
    expect(isFailed({ metadata: { generation: 1 }, status: { observedGeneration: 1, conditions: [ready] } })).toBe(false);
  });
});

describe("beginReconcile / finishReconcile", () => {
  it("resets Ready on a new generation and records the observed generation", () => {
    const { clock } = steppingClock();
    const obj = { metadata: { generation: 2 }, status: { observedGeneration: 1 } as Status };
    beginReconcile(SERVICE_CONDITIONS, obj, clock);
    expect(getCondition(obj.status, "Ready")).toMatchObject({
      status: "Unknown",
      reason: "NewObservedGenFailure",
      message: "unsuccessfully observed a new generation",
    });
    finishReconcile(obj, undefined, clock);
    expect(obj.status.observedGeneration).toBe(2);
  });

  it("keeps the old transition time of conditions that end up unchanged", () => {
    const { clock, advance } = steppingClock();
    const before: Status = {
      observedGeneration: 1,
      conditions: [
        { type: "ConfigurationsReady", status: "True", lastTransitionTime: "2025-12-31T00:00:00Z" },
        { type: "Ready", status: "True", lastTransitionTime: "2025-12-31T00:00:00Z" },
        { type: "RoutesReady", status: "True", lastTransitionTime: "2025-12-31T00:00:00Z" },
      ],
    };
    const obj = { metadata: { generation: 2 }, status: structuredClone(before) };
    const m = beginReconcile(SERVICE_CONDITIONS, obj, clock);
    advance(5);
    m.markTrue("ConfigurationsReady");
    m.markUnknown("RoutesReady", "TrafficNotMigrated", "Traffic is not yet migrated to the latest revision.");
    finishReconcile(obj, before, clock);
    expect(obj.status.conditions).toEqual([
      { type: "ConfigurationsReady", status: "True", lastTransitionTime: "2025-12-31T00:00:00Z" },
      {
        type: "Ready",
        status: "Unknown",
        reason: "TrafficNotMigrated",
        message: "Traffic is not yet migrated to the latest revision.",
        lastTransitionTime: "2026-01-01T00:00:05Z",
      },
      {
        type: "RoutesReady",
        status: "Unknown",
        reason: "TrafficNotMigrated",
        message: "Traffic is not yet migrated to the latest revision.",
        lastTransitionTime: "2026-01-01T00:00:05Z",
      },
    ]);
  });

  it("formats times with second precision", () => {
    expect(formatTime(new Date("2026-03-04T05:06:07.891Z"))).toBe("2026-03-04T05:06:07Z");
  });
});
