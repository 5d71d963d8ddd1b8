import { describe, expect, it } from "vitest";
import type { Revision, Service } from "@/lib/knative/types";
import { envLines } from "./env-format";
import { REVISION_PALETTE, revisionColor } from "./revision-color";
import { sortNewestFirst, toRevisionRow } from "./revision-row";
import { scalingFacts } from "./scaling";

describe("revisionColor", () => {
  it("follows the revision number, so a revision keeps its colour everywhere", () => {
    expect(revisionColor("helloworld-go-00001")).toBe(REVISION_PALETTE[0]);
    expect(revisionColor("helloworld-go-00002")).toBe(REVISION_PALETTE[1]);
    expect(revisionColor("other-00009")).toBe(REVISION_PALETTE[0]);
    expect(revisionColor("custom-name")).toBe(revisionColor("custom-name"));
  });
});

describe("envLines", () => {
  it("shows literals as KEY=value and references by their source, never resolved", () => {
    expect(
      envLines([
        {
          env: [
            { name: "TARGET", value: "Knative on ASM" },
            { name: "PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password" } } },
            { name: "MODE", valueFrom: { configMapKeyRef: { name: "cfg", key: "mode" } } },
          ],
          envFrom: [{ secretRef: { name: "all-secrets" }, prefix: "S_" }],
        },
      ]),
    ).toEqual(["TARGET=Knative on ASM", "PASSWORD ← secret db.password", "MODE ← configmap cfg.mode", "all of secret all-secrets (prefix S_)"]);
  });
});

function revision(name: string, generation: number, extra: Partial<Revision["status"]> = {}): Revision {
  return {
    metadata: { name, generation: 1, labels: { "serving.knative.dev/configurationGeneration": String(generation) }, creationTimestamp: "2026-01-01T00:00:00Z" },
    spec: { containers: [{ image: "ghcr.io/knative/helloworld-go:latest", env: [{ name: "TARGET", value: "World" }] }] },
    status: { observedGeneration: 1, conditions: [{ type: "Ready", status: "True" }], ...extra },
  };
}

describe("revision rows", () => {
  const service: Service = {
    metadata: { name: "hello" },
    spec: { template: { spec: { containers: [] } } },
    status: {
      latestCreatedRevisionName: "hello-00002",
      latestReadyRevisionName: "hello-00002",
      traffic: [
        { revisionName: "hello-00001", percent: 100 },
        { revisionName: "hello-00002", percent: 0, tag: "canary", url: "http://canary-hello.default.example.com" },
      ],
    },
  };

  it("join each revision with its traffic, tags, image, env, pods and latest flags", () => {
    const row = toRevisionRow(revision("hello-00002", 2, { actualReplicas: 1, desiredReplicas: 1 }), service, [
      { revisionName: "hello-00001", percent: 100, latest: false, tags: [] },
      { revisionName: "hello-00002", percent: 0, latest: false, tags: [{ tag: "canary", url: "http://canary-hello.default.example.com" }] },
    ]);
    expect(row).toMatchObject({
      name: "hello-00002",
      percent: 0,
      tags: [{ tag: "canary" }],
      images: ["ghcr.io/knative/helloworld-go:latest"],
      env: ["TARGET=World"],
      generation: 2,
      readiness: { state: "Ready" },
      actualReplicas: 1,
      desiredReplicas: 1,
      latestCreated: true,
      latestReady: true,
    });
  });

  it("sort newest first by generation", () => {
    const rows = [revision("hello-00001", 1), revision("hello-00003", 3), revision("hello-00002", 2)].map((r) => toRevisionRow(r, service, []));
    expect(sortNewestFirst(rows).map((r) => r.name)).toEqual(["hello-00003", "hello-00002", "hello-00001"]);
  });
});

describe("scalingFacts", () => {
  it("explains concurrency 0 and lists the autoscaling annotations in order", () => {
    const rev = revision("hello-00001", 1);
    rev.spec.containerConcurrency = 0;
    rev.spec.timeoutSeconds = 300;
    rev.metadata.annotations = { "autoscaling.knative.dev/min-scale": "1", "autoscaling.knative.dev/max-scale": "5", "other/x": "y" };
    expect(scalingFacts(rev)).toEqual({
      containerConcurrency: "0 (unlimited)",
      timeoutSeconds: "300 s",
      autoscaling: [
        { key: "autoscaling.knative.dev/max-scale", value: "5" },
        { key: "autoscaling.knative.dev/min-scale", value: "1" },
      ],
    });
  });
});
