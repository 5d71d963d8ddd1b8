import { describe, expect, it } from "vitest";
import { isTrafficMigrated, resolveTraffic, type TrafficLookup } from "./routing";
import type { Configuration, ConditionStatus, Revision, TrafficTarget } from "./types";

function revision(name: string, ready: ConditionStatus, opts: { service?: string; configuration?: string; observed?: boolean } = {}): Revision {
  const labels: Record<string, string> = { "serving.knative.dev/configuration": opts.configuration ?? "hello" };
  if (opts.service !== "") labels["serving.knative.dev/service"] = opts.service ?? "hello";
  return {
    metadata: { name, namespace: "default", generation: 1, labels },
    spec: { containers: [{ image: "ghcr.io/knative/helloworld-go" }] },
    status: { observedGeneration: opts.observed === false ? 0 : 1, conditions: [{ type: "Ready", status: ready }] },
  };
}

function configuration(name: string, latestReady?: string, ready: ConditionStatus = "True"): Configuration {
  return {
    metadata: { name, namespace: "default", generation: 1 },
    spec: { template: { spec: { containers: [] } } },
    status: { observedGeneration: 1, latestReadyRevisionName: latestReady, conditions: [{ type: "Ready", status: ready }] },
  };
}

function lookup(revisions: Revision[], configurations: Configuration[]): TrafficLookup {
  return {
    revision: (n) => revisions.find((r) => r.metadata.name === n),
    configuration: (n) => configurations.find((c) => c.metadata.name === n),
  };
}

const route = (traffic: TrafficTarget[], labels: Record<string, string> = { "serving.knative.dev/service": "hello" }) => ({
  name: "hello",
  namespace: "default",
  labels,
  traffic,
});

const world = lookup([revision("hello-00001", "True"), revision("hello-00002", "True")], [configuration("hello", "hello-00002")]);

describe("resolveTraffic", () => {
  it("resolves a latestRevision target to the configuration's latest ready revision", () => {
    const result = resolveTraffic(route([{ configurationName: "hello", latestRevision: true, percent: 100 }]), world, "example.com");
    expect(result.failure).toBeUndefined();
    expect(result.url).toBe("http://hello.default.example.com");
    expect(result.traffic).toEqual([{ revisionName: "hello-00002", latestRevision: true, percent: 100 }]);
    expect(result.revisions).toEqual(["hello-00002"]);
    expect(result.configurations).toEqual(["hello"]);
  });

  it("splits 50/50 between latest and a pinned revision", () => {
    const result = resolveTraffic(
      route([
        { configurationName: "hello", latestRevision: true, percent: 50 },
        { revisionName: "hello-00001", latestRevision: false, percent: 50 },
      ]),
      world,
      "example.com",
    );
    expect(result.traffic).toEqual([
      { revisionName: "hello-00002", latestRevision: true, percent: 50 },
      { revisionName: "hello-00001", latestRevision: false, percent: 50 },
    ]);
  });

  it("merges identical targets and keeps zero-percent tagged ones with their url", () => {
    const result = resolveTraffic(
      route([
        { revisionName: "hello-00001", latestRevision: false, percent: 30 },
        { revisionName: "hello-00001", latestRevision: false, percent: 70 },
        { tag: "candidate", configurationName: "hello", latestRevision: true, percent: 0 },
      ]),
      world,
      "example.com",
    );
    expect(result.traffic).toEqual([
      { revisionName: "hello-00001", latestRevision: false, percent: 100 },
      { tag: "candidate", revisionName: "hello-00002", latestRevision: true, percent: 0, url: "http://candidate-hello.default.example.com" },
    ]);
  });

  it("does not merge targets that differ in latestRevision", () => {
    const result = resolveTraffic(
      route([
        { configurationName: "hello", latestRevision: true, percent: 50 },
        { revisionName: "hello-00002", latestRevision: false, percent: 50 },
      ]),
      world,
      "example.com",
    );
    expect(result.traffic).toHaveLength(2);
  });

  it.each<[string, TrafficTarget[], TrafficLookup, { status: string; reason: string; message: string }]>([
    [
      "missing revision",
      [{ revisionName: "hello-00009", latestRevision: false, percent: 100 }],
      world,
      { status: "False", reason: "RevisionMissing", message: 'Revision "hello-00009" referenced in traffic not found.' },
    ],
    [
      "missing configuration",
      [{ configurationName: "nope", latestRevision: true, percent: 100 }],
      world,
      { status: "False", reason: "ConfigurationMissing", message: 'Configuration "nope" referenced in traffic not found.' },
    ],
    [
      "configuration without a ready revision yet",
      [{ configurationName: "hello", latestRevision: true, percent: 100 }],
      lookup([], [configuration("hello", undefined, "Unknown")]),
      { status: "Unknown", reason: "RevisionMissing", message: 'Configuration "hello" is waiting for a Revision to become ready.' },
    ],
    [
      "failed configuration",
      [{ configurationName: "hello", latestRevision: true, percent: 100 }],
      lookup([], [configuration("hello", undefined, "False")]),
      { status: "False", reason: "RevisionMissing", message: 'Configuration "hello" does not have any ready Revision.' },
    ],
    [
      "pinned revision not ready",
      [{ revisionName: "hello-00001", latestRevision: false, percent: 100 }],
      lookup([revision("hello-00001", "Unknown")], [configuration("hello")]),
      { status: "Unknown", reason: "RevisionMissing", message: 'Revision "hello-00001" is not yet ready.' },
    ],
    [
      "pinned revision whose generation is not observed",
      [{ revisionName: "hello-00001", latestRevision: false, percent: 100 }],
      lookup([revision("hello-00001", "True", { observed: false })], [configuration("hello")]),
      { status: "Unknown", reason: "RevisionMissing", message: 'Revision "hello-00001" is not yet ready.' },
    ],
    [
      "pinned revision failed",
      [{ revisionName: "hello-00001", latestRevision: false, percent: 100 }],
      lookup([revision("hello-00001", "False")], [configuration("hello")]),
      { status: "False", reason: "RevisionMissing", message: 'Revision "hello-00001" failed to become ready.' },
    ],
    [
      "revision of another service",
      [{ revisionName: "other-00001", latestRevision: false, percent: 100 }],
      lookup([revision("other-00001", "True", { service: "other", configuration: "other" })], [configuration("other")]),
      { status: "False", reason: "RevisionNotOwned", message: 'Revision "other-00001" belongs to Service "other", not Service "hello".' },
    ],
    [
      "revision of a standalone configuration",
      [{ revisionName: "solo-00001", latestRevision: false, percent: 100 }],
      lookup([revision("solo-00001", "True", { service: "", configuration: "solo" })], [configuration("solo")]),
      { status: "False", reason: "RevisionNotOwned", message: 'Revision "solo-00001" does not belong to Service "hello".' },
    ],
  ])("%s", (_, traffic, world, want) => {
    const result = resolveTraffic(route(traffic), world, "example.com");
    expect(result.traffic).toBeUndefined();
    expect(result.failure).toEqual(want);
    expect(result.url).toBe("http://hello.default.example.com");
  });

  it("reports a hard failure over an earlier not-ready target", () => {
    const result = resolveTraffic(
      route([
        { revisionName: "hello-00001", latestRevision: false, percent: 50 },
        { revisionName: "hello-00003", latestRevision: false, percent: 50 },
      ]),
      lookup([revision("hello-00001", "Unknown")], [configuration("hello")]),
      "example.com",
    );
    expect(result.failure?.message).toBe('Revision "hello-00003" referenced in traffic not found.');
    expect(result.missing).toEqual([{ kind: "Revision", name: "hello-00003" }]);
  });

  it("keeps the first of several not-ready targets", () => {
    const result = resolveTraffic(
      route([
        { revisionName: "hello-00001", latestRevision: false, percent: 50 },
        { revisionName: "hello-00002", latestRevision: false, percent: 50 },
      ]),
      lookup([revision("hello-00001", "Unknown"), revision("hello-00002", "Unknown")], [configuration("hello")]),
      "example.com",
    );
    expect(result.failure?.message).toBe('Revision "hello-00001" is not yet ready.');
  });

  it("does not check ownership on a standalone route", () => {
    const result = resolveTraffic(
      route([{ revisionName: "other-00001", latestRevision: false, percent: 100 }], {}),
      lookup([revision("other-00001", "True", { service: "other", configuration: "other" })], [configuration("other")]),
      "example.com",
    );
    expect(result.traffic).toEqual([{ revisionName: "other-00001", latestRevision: false, percent: 100 }]);
  });

  it("reports an invalid tag host as ErrorConfig", () => {
    const tag = "t".repeat(60);
    const result = resolveTraffic(route([{ tag, configurationName: "hello", latestRevision: true, percent: 100 }]), world, "example.com");
    expect(result.failure).toMatchObject({ status: "False", reason: "ErrorConfig" });
    expect(result.failure?.message).toMatch(/^domain name error: invalid domain name "t{60}-hello\.default\.example\.com": url: Invalid value/);
  });
});

describe("isTrafficMigrated", () => {
  const spec: TrafficTarget[] = [{ configurationName: "hello", latestRevision: true, percent: 100 }];
  it("is true when status points at the latest ready revision", () => {
    expect(isTrafficMigrated(spec, [{ revisionName: "hello-00002", latestRevision: true, percent: 100 }], { name: "hello", latestReadyRevisionName: "hello-00002" })).toBe(true);
  });
  it("is false while status still points at the old revision", () => {
    expect(isTrafficMigrated(spec, [{ revisionName: "hello-00001", latestRevision: true, percent: 100 }], { name: "hello", latestReadyRevisionName: "hello-00002" })).toBe(false);
  });
  it("ignores url and latestRevision, not percent or tag", () => {
    const pinned: TrafficTarget[] = [{ tag: "v1", revisionName: "hello-00001", latestRevision: false, percent: 100 }];
    const cfg = { name: "hello", latestReadyRevisionName: "hello-00001" };
    expect(isTrafficMigrated(pinned, [{ tag: "v1", revisionName: "hello-00001", percent: 100, url: "http://v1-hello.default.example.com" }], cfg)).toBe(true);
    expect(isTrafficMigrated(pinned, [{ tag: "v2", revisionName: "hello-00001", percent: 100 }], cfg)).toBe(false);
    expect(isTrafficMigrated(pinned, [{ tag: "v1", revisionName: "hello-00001", percent: 50 }], cfg)).toBe(false);
  });
  it("is false when lengths differ (merged targets)", () => {
    expect(isTrafficMigrated([...spec, ...spec], [{ revisionName: "hello-00002", percent: 100 }], { name: "hello", latestReadyRevisionName: "hello-00002" })).toBe(false);
  });
});
