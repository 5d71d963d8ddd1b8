import http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import type { Activator } from "../core/runtime";
import { createTrafficStats } from "../runtime/traffic-stats";
import { startGateway, type RunningGateway } from "./gateway";
import { countBodies, request, requestMany } from "./testing/http-client";
import { createTestActivator, TestCluster, type TestActivator } from "./testing/test-cluster";

const HOST = "helloworld-go.default.example.com";
const WORLD = "Hello World!\n";
const ASM = "Hello Knative on ASM!\n";

const running: RunningGateway[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((g) => g.close()));
});

/** The walk-through's Service: 00001 says Hello World, 00002 has TARGET=Knative on ASM. */
async function walkthrough(opts: { percents?: [number, number]; env2?: Array<{ name: string; value: string }>; replicas2?: number; activator?: (cluster: TestCluster) => Activator } = {}) {
  const cluster = new TestCluster();
  cluster.addRevision({ name: "helloworld-go-00001" });
  cluster.addRevision({ name: "helloworld-go-00002", env: [{ name: "TARGET", value: "Knative on ASM" }, ...(opts.env2 ?? [])], replicas: opts.replicas2 });
  const [p1, p2] = opts.percents ?? [50, 50];
  cluster.setRoute("default", "helloworld-go", [
    { revisionName: "helloworld-go-00001", percent: p1 },
    { revisionName: "helloworld-go-00002", percent: p2, tag: "candidate" },
  ]);
  const stats = createTrafficStats();
  const activator = opts.activator?.(cluster) ?? createTestActivator(cluster);
  const gateway = await startGateway({ registry: cluster.registry, stats, activator, domain: "example.com", port: 0 });
  running.push(gateway);
  return { cluster, stats, gateway };
}

describe("embedded gateway: traffic split", () => {
  it("1,000 requests at 50/50 answer exactly 500 Hello World! and 500 Hello Knative on ASM!", async () => {
    const { gateway } = await walkthrough();
    expect(countBodies(await requestMany(gateway.url, HOST, 1000))).toEqual({ [WORLD]: 500, [ASM]: 500 });
  });

  it("every 100 consecutive requests are exactly even (sequential requests)", async () => {
    const { gateway } = await walkthrough();
    for (let round = 0; round < 3; round++) {
      expect(countBodies(await requestMany(gateway.url, HOST, 100, 1))).toEqual({ [WORLD]: 50, [ASM]: 50 });
    }
  });

  it("100/0 sends everything to the first revision", async () => {
    const { gateway } = await walkthrough({ percents: [100, 0] });
    expect(countBodies(await requestMany(gateway.url, HOST, 20))).toEqual({ [WORLD]: 20 });
  });

  it("a tag host goes to its tagged revision only, even at 0 %", async () => {
    const { gateway } = await walkthrough({ percents: [100, 0] });
    expect(countBodies(await requestMany(gateway.url, "candidate-helloworld-go.default.example.com", 10))).toEqual({ [ASM]: 10 });
  });

  it("follows Route changes: a new split, then deletion", async () => {
    const { cluster, gateway } = await walkthrough({ percents: [100, 0] });
    cluster.setRoute("default", "helloworld-go", [
      { revisionName: "helloworld-go-00001", percent: 20 },
      { revisionName: "helloworld-go-00002", percent: 80 },
    ]);
    await cluster.settle();
    expect(countBodies(await requestMany(gateway.url, HOST, 100))).toEqual({ [WORLD]: 20, [ASM]: 80 });
    cluster.deleteRoute("default", "helloworld-go");
    await cluster.settle();
    expect((await request(gateway.url, HOST)).status).toBe(404);
  });

  it("serves routes that existed before the gateway started and ones created after", async () => {
    const { cluster, gateway } = await walkthrough();
    cluster.addRevision({ name: "late-00001", image: "ghcr.io/acme/api:1" });
    cluster.setRoute("default", "late", [{ revisionName: "late-00001", percent: 100 }]);
    await cluster.settle();
    const answer = await request(gateway.url, "late.default.example.com");
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ revision: "late-00001", service: "late" });
  });
});

describe("embedded gateway: hosts", () => {
  it("answers an unknown host with 404 and a plain-text reason", async () => {
    const { gateway } = await walkthrough();
    const answer = await request(gateway.url, "nope.default.example.com");
    expect(answer.status).toBe(404);
    expect(answer.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(answer.body).toBe('no Route, tag or Revision for host "nope.default.example.com"\n');
  });

  it.each([
    "helloworld-go.default.svc.cluster.local",
    "helloworld-go.default.svc",
    "helloworld-go.default",
    "HelloWorld-Go.default.example.com:8080",
    "helloworld-go.default.example.com.",
  ])("routes %s like the external host (case, port and trailing dot ignored)", async (host) => {
    const { gateway } = await walkthrough();
    expect(countBodies(await requestMany(gateway.url, host, 10))).toEqual({ [WORLD]: 5, [ASM]: 5 });
  });

  it("a revision's own cluster-local host bypasses the split", async () => {
    const { gateway } = await walkthrough();
    expect(countBodies(await requestMany(gateway.url, "helloworld-go-00002.default.svc.cluster.local", 6))).toEqual({ [ASM]: 6 });
  });

  it("a cluster-local Route has no external host", async () => {
    const { cluster, gateway } = await walkthrough();
    cluster.addRevision({ name: "internal-00001" });
    cluster.setRoute("default", "internal", [{ revisionName: "internal-00001", percent: 100 }], {
      labels: { "networking.knative.dev/visibility": "cluster-local" },
    });
    await cluster.settle();
    expect((await request(gateway.url, "internal.default.example.com")).status).toBe(404);
    expect((await request(gateway.url, "internal.default.svc.cluster.local")).status).toBe(200);
  });

  it("adds no header naming the revision (as Knative's ingresses)", async () => {
    const { gateway } = await walkthrough();
    const answer = await request(gateway.url, HOST);
    expect(Object.keys(answer.headers).sort()).toEqual(["connection", "content-length", "content-type", "date", "keep-alive"]);
  });
});

describe("embedded gateway: failure injection and statistics", () => {
  it("ERROR_RATE=0.1 on the canary fails exactly 50 of its 500 requests", async () => {
    const { gateway } = await walkthrough({ env2: [{ name: "ERROR_RATE", value: "0.1" }] });
    const answers = await requestMany(gateway.url, HOST, 1000);
    const failed = answers.filter((a) => a.status === 500);
    expect(failed).toHaveLength(50);
    expect(new Set(failed.map((a) => a.body))).toEqual(new Set(["injected failure: helloworld-go-00002 answers 500 to ERROR_RATE=0.1 of requests\n"]));
    expect(countBodies(answers.filter((a) => a.status === 200))).toEqual({ [WORLD]: 500, [ASM]: 450 });
  });

  it("RESPONSE_DELAY_MS holds the answer, and the request is in flight meanwhile", async () => {
    const { gateway, stats } = await walkthrough({ percents: [0, 100], env2: [{ name: "RESPONSE_DELAY_MS", value: "150" }] });
    const started = Date.now();
    const pending = request(gateway.url, HOST);
    await new Promise((r) => setTimeout(r, 60));
    expect(stats.inFlight("default", "helloworld-go-00002")).toBe(1);
    expect((await pending).body).toBe(ASM);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(stats.inFlight("default", "helloworld-go-00002")).toBe(0);
    expect(stats.lastRequestAt("default", "helloworld-go-00002")).toBeGreaterThanOrEqual(started);
  });

  it("records each request against the revision that answered it", async () => {
    const { gateway, stats } = await walkthrough({ percents: [20, 80] });
    await requestMany(gateway.url, HOST, 100);
    const rps = (rev: string) => stats.window("default", rev, 5000).requestsPerSecond * 5;
    expect(rps("helloworld-go-00001")).toBeCloseTo(20, 0);
    expect(rps("helloworld-go-00002")).toBeCloseTo(80, 0);
  });
});

describe("embedded gateway: clients that go away", () => {
  it("a client leaving during RESPONSE_DELAY_MS or activation leaves nothing in flight", async () => {
    const cluster = new TestCluster();
    cluster.addRevision({ name: "slow-00001", env: [{ name: "RESPONSE_DELAY_MS", value: "100" }] });
    cluster.addRevision({ name: "cold-00001", replicas: 0 });
    cluster.setRoute("default", "slow", [{ revisionName: "slow-00001", percent: 100 }]);
    cluster.setRoute("default", "cold", [{ revisionName: "cold-00001", percent: 100 }]);
    const stats = createTrafficStats();
    const activator = createTestActivator(cluster, { delayMs: 100 });
    const gateway = await startGateway({ registry: cluster.registry, stats, activator, domain: "example.com", port: 0 });
    running.push(gateway);
    for (const host of ["slow.default.example.com", "cold.default.example.com"]) {
      const req = http.request(gateway.url, { headers: { host } });
      req.on("error", () => {});
      req.end();
      await new Promise((r) => setTimeout(r, 30));
      req.destroy();
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(stats.inFlight("default", "slow-00001")).toBe(0);
    expect(stats.inFlight("default", "cold-00001")).toBe(0);
    // The gateway still serves.
    expect((await request(gateway.url, "cold.default.example.com")).status).toBe(200);
  });
});

describe("embedded gateway: cold start", () => {
  it("holds requests for a revision scaled to zero until the activator has a pod ready", async () => {
    let activator: TestActivator | undefined;
    const { cluster, gateway } = await walkthrough({
      percents: [0, 100],
      replicas2: 0,
      activator: (c) => (activator = createTestActivator(c, { delayMs: 200 })),
    });
    const started = Date.now();
    const answers = await Promise.all([request(gateway.url, HOST), request(gateway.url, HOST)]);
    expect(answers.map((a) => a.body)).toEqual([ASM, ASM]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(activator!.calls).toEqual(["default/helloworld-go-00002", "default/helloworld-go-00002"]);
    // Once the revision's status says it has a pod, requests go straight to it.
    await cluster.settle();
    expect((await request(gateway.url, HOST)).body).toBe(ASM);
    expect(activator!.calls).toHaveLength(2);
  });

  it("answers 503 when activation fails", async () => {
    const cluster = new TestCluster();
    cluster.addRevision({ name: "broken-00001", replicas: 0 });
    cluster.setRoute("default", "broken", [{ revisionName: "broken-00001", percent: 100 }]);
    const activator = createTestActivator(cluster, { fail: "image cannot be pulled" });
    const gateway = await startGateway({ registry: cluster.registry, stats: createTrafficStats(), activator, domain: "example.com", port: 0 });
    running.push(gateway);
    const answer = await request(gateway.url, "broken.default.example.com");
    expect(answer.status).toBe(503);
    expect(answer.body).toBe('revision "default/broken-00001" did not become ready: image cannot be pulled\n');
  });

  it("answers 503 when no pod is ready within the activation timeout", async () => {
    const cluster = new TestCluster();
    cluster.addRevision({ name: "slow-00001", replicas: 0 });
    cluster.setRoute("default", "slow", [{ revisionName: "slow-00001", percent: 100 }]);
    const never: Activator = { activate: () => new Promise(() => {}) };
    const gateway = await startGateway({ registry: cluster.registry, stats: createTrafficStats(), activator: never, domain: "example.com", port: 0, activationTimeoutMs: 100 });
    running.push(gateway);
    const answer = await request(gateway.url, "slow.default.example.com");
    expect(answer.status).toBe(503);
    expect(answer.body).toBe('revision "default/slow-00001" did not become ready: no ready pod within 100 ms\n');
  });
});
