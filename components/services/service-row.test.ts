import { describe, expect, it } from "vitest";
import type { Service } from "@/lib/knative/types";
import { matchesSearch, sortRows, toServiceRow } from "./service-row";

function service(name: string, opts: { ready?: "True" | "False" | "Unknown"; created?: string; traffic?: Array<[string, number]>; namespace?: string } = {}): Service {
  return {
    metadata: { name, namespace: opts.namespace ?? "default", generation: 1, creationTimestamp: opts.created ?? "2026-01-01T00:00:00Z" },
    spec: { template: { spec: { containers: [{ image: "img" }] } } },
    status: {
      observedGeneration: 1,
      conditions: opts.ready ? [{ type: "Ready", status: opts.ready, reason: opts.ready === "False" ? "RevisionFailed" : undefined }] : [],
      url: `http://${name}.default.example.com`,
      latestReadyRevisionName: `${name}-00002`,
      traffic: (opts.traffic ?? []).map(([revisionName, percent]) => ({ revisionName, percent })),
    },
  };
}

describe("service rows", () => {
  it("derive status, URL, latest revision and traffic from the Service", () => {
    const row = toServiceRow(service("hello", { ready: "True", traffic: [["hello-00001", 50], ["hello-00002", 50]] }), "127.0.0.1:7081");
    expect(row).toMatchObject({
      name: "hello",
      readiness: { state: "Ready" },
      url: "http://hello.default.example.com",
      gateway: "127.0.0.1:7081",
      latestRevision: "hello-00002",
    });
    expect(row.traffic.map((t) => t.percent)).toEqual([50, 50]);
  });

  it("sort by status puts failures first, then by name", () => {
    const rows = ["b", "a", "c"].map((n, i) => toServiceRow(service(n, { ready: (["True", "False", "Unknown"] as const)[i] }), null));
    expect(sortRows(rows, "status", false).map((r) => r.name)).toEqual(["a", "c", "b"]);
    expect(sortRows(rows, "name", true).map((r) => r.name)).toEqual(["c", "b", "a"]);
  });

  it("sort by creation time and by the latest revision's traffic", () => {
    const older = toServiceRow(service("old", { created: "2025-01-01T00:00:00Z", traffic: [["old-00002", 100]] }), null);
    const newer = toServiceRow(service("new", { created: "2026-06-01T00:00:00Z", traffic: [["new-00002", 10]] }), null);
    expect(sortRows([older, newer], "created", true).map((r) => r.name)).toEqual(["new", "old"]);
    expect(sortRows([older, newer], "traffic", false).map((r) => r.name)).toEqual(["new", "old"]);
  });

  it("search matches names case-insensitively", () => {
    const row = toServiceRow(service("HelloWorld-go"), null);
    expect(matchesSearch(row, "world")).toBe(true);
    expect(matchesSearch(row, "xyz")).toBe(false);
  });
});
