import { describe, expect, it } from "vitest";
import { revisionDeletionBlockers } from "./revision-deletion";
import type { Revision, Service } from "./types";

const revision = (name: string) => ({ metadata: { name }, spec: { containers: [] } }) as Revision;
function service(traffic: Service["spec"]["traffic"], statusTraffic: NonNullable<Service["status"]>["traffic"], latest = "hello-00003"): Service {
  return { metadata: { name: "hello" }, spec: { template: { spec: { containers: [] } }, traffic }, status: { traffic: statusTraffic, latestCreatedRevisionName: latest } };
}

describe("revisionDeletionBlockers", () => {
  it("allows an old revision nothing points at", () => {
    expect(revisionDeletionBlockers(revision("hello-00001"), service([{ latestRevision: true, percent: 100 }], [{ revisionName: "hello-00003", percent: 100, latestRevision: true }]))).toEqual([]);
  });

  it("refuses a revision with traffic, a tag, a pin, or the latest", () => {
    const svc = service(
      [
        { revisionName: "hello-00001", percent: 50 },
        { revisionName: "hello-00002", percent: 0, tag: "old" },
        { revisionName: "hello-00004", percent: 0 },
        { latestRevision: true, percent: 50 },
      ],
      [
        { revisionName: "hello-00001", percent: 50 },
        { revisionName: "hello-00002", percent: 0, tag: "old", url: "http://old-hello.default.example.com" },
        { revisionName: "hello-00003", percent: 50, latestRevision: true },
      ],
    );
    expect(revisionDeletionBlockers(revision("hello-00001"), svc)).toEqual(["it serves 50 % of the traffic of hello; requests to it would fail"]);
    expect(revisionDeletionBlockers(revision("hello-00002"), svc)).toEqual(['it is tagged "old"; the tag URL would stop answering']);
    expect(revisionDeletionBlockers(revision("hello-00004"), svc)).toEqual(["the traffic split names it; the Route would report it missing"]);
    expect(revisionDeletionBlockers(revision("hello-00003"), svc)).toEqual([
      "it serves 50 % of the traffic of hello; requests to it would fail",
      "it is the latest revision; the Service would create it again",
    ]);
  });
});
