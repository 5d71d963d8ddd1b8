// The poller's judgement of what the API server answers. A tiny HTTP server plays the parts of
// an API server that an embedded cluster never plays by itself (one that cannot reach pods,
// one that forbids the pod proxy); the happy path runs against the embedded cluster in
// integration/service-poller.test.ts.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { KubeConfig } from "@kubernetes/client-node";
import { ServicePoller } from "./service-poller";

type Answer = { status: number; body: unknown };
let answers: (path: string) => Answer;
let server: http.Server;
let kc: KubeConfig;

const status = (code: number, message: string, reason: string) => ({ status: code, body: { kind: "Status", apiVersion: "v1", status: "Failure", code, reason, message } });
const pod = (name: string, revision: string) => ({
  metadata: { name, labels: { "serving.knative.dev/revision": revision } },
  spec: { containers: [{ name: "queue-proxy", env: [{ name: "OBSERVABILITY_CONFIG", value: '{"requestMetrics":{"protocol":"prometheus"}}' }] }] },
  status: { phase: "Running", conditions: [{ type: "Ready", status: "True" }] },
});
const service = { metadata: { name: "hello" }, status: { traffic: [{ revisionName: "hello-00001", percent: 100 }] } };

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const answer = answers(req.url ?? "");
    res.writeHead(answer.status, { "Content-Type": "application/json" });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  kc = new KubeConfig();
  kc.loadFromOptions({
    // client-node refuses plain HTTP unless TLS verification is explicitly skipped.
    clusters: [{ name: "c", server: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, skipTLSVerify: true }],
    users: [{ name: "u", token: "t" }],
    contexts: [{ name: "x", cluster: "c", user: "u" }],
    currentContext: "x",
  });
});
afterAll(() => server?.close());

const poller = () => new ServicePoller({ kubeConfig: () => kc, namespace: "default", service: "hello" });

describe("ServicePoller's problems", () => {
  it("names the permission when the pods may not be listed", async () => {
    answers = (path) => (path.startsWith("/api/v1/namespaces/default/pods?") ? status(403, 'pods is forbidden: User "dev" cannot list resource "pods" in API group "" in the namespace "default"', "Forbidden") : { status: 200, body: service });
    const sample = await poller().measure();
    expect(sample.configured).toEqual({ "hello-00001": 100 });
    expect(sample.problems).toEqual([
      { kind: "forbidden", message: 'pods is forbidden: User "dev" cannot list resource "pods" in API group "" in the namespace "default"', fix: 'Grant the console\'s identity "list" on "pods" in namespace "default".' },
    ]);
  });

  it("names pods/proxy when the pod proxy is forbidden, and counts the pod as missing", async () => {
    answers = (path) =>
      path.includes("/proxy/") ? status(403, 'pods "p1" is forbidden: User "dev" cannot get resource "pods/proxy"', "Forbidden") : path.includes("/pods?") ? { status: 200, body: { items: [pod("p1", "hello-00001")] } } : { status: 200, body: service };
    const sample = await poller().measure();
    expect(sample.revisions["hello-00001"]).toMatchObject({ readyPods: 1, missingPods: 1, requestsPerSecond: 0 });
    expect(sample.problems.map((p) => [p.kind, p.fix])).toContainEqual(["forbidden", 'Grant the console\'s identity "get" on "pods/proxy" in namespace "default".']);
  });

  it("says the API server cannot reach the pods when the proxy answers 503", async () => {
    answers = (path) =>
      path.includes("/proxy/")
        ? status(503, "error trying to reach service: dial tcp 10.0.0.7:9090: i/o timeout", "ServiceUnavailable")
        : path.includes("/pods?")
          ? { status: 200, body: { items: [pod("p1", "hello-00001")] } }
          : { status: 200, body: service };
    const problems = (await poller().measure()).problems;
    expect(problems[0]).toMatchObject({ kind: "unreachable", message: expect.stringContaining("dial tcp 10.0.0.7:9090: i/o timeout") });
    expect(problems[0]!.fix).toMatch(/control plane/);
  });
});

describe("ServicePoller's life", () => {
  it("runs one poll loop for every viewer and stops a while after the last one leaves", async () => {
    vi.useFakeTimers();
    try {
      answers = () => ({ status: 200, body: { items: [] } });
      const onIdle = vi.fn();
      const p = new ServicePoller({ kubeConfig: () => kc, namespace: "default", service: "hello" }, onIdle);
      const leaveA = p.subscribe(() => {});
      const leaveB = p.subscribe(() => {});
      expect(p.viewers).toBe(2);
      expect(vi.getTimerCount()).toBe(1);
      leaveA();
      leaveB();
      await vi.advanceTimersByTimeAsync(14_000);
      expect(onIdle).not.toHaveBeenCalled();
      // A viewer coming back within the linger keeps it alive.
      const leaveC = p.subscribe(() => {});
      leaveC();
      await vi.advanceTimersByTimeAsync(15_500);
      expect(onIdle).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
