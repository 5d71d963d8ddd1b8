// The poller's judgement of what the API server answers. A tiny HTTP server plays the parts of
// an API server that an embedded cluster never plays by itself (one that cannot reach pods,
// one that forbids the pod proxy); the happy path runs against the embedded cluster in
// integration/service-poller.test.ts.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { KubeConfig } from "@kubernetes/client-node";
import { encodeQueueStat } from "@/lib/knative/queue-stat";
import { RECHECK_MS } from "./request-metrics-refusals";
import { ServicePoller } from "./service-poller";

/** A body that is not JSON (protobuf, Prometheus text) is sent as it is. */
type Answer = { status: number; body: unknown; contentType?: string };
let answers: (path: string) => Answer;
let asked: string[] = [];
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
    asked.push(req.url ?? "");
    const answer = answers(req.url ?? "");
    res.writeHead(answer.status, { "Content-Type": answer.contentType ?? "application/json" });
    res.end(answer.contentType ? answer.body : JSON.stringify(answer.body));
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

describe("ServicePoller and a pod that does not serve request metrics", () => {
  const REQUESTS_OFF_FIX = 'Set request-metrics-protocol: "prometheus" in the knative-serving/config-observability ConfigMap (Knative ≥ 1.19; new pods pick it up).';
  /** A pod whose env says nothing of request metrics, as Knative ≤ 1.18 with them off, or another queue-proxy. */
  const silentPod = (name: string, uid: string) => ({ ...pod(name, "hello-00001"), metadata: { name, uid, labels: { "serving.knative.dev/revision": "hello-00001" } }, spec: { containers: [{ name: "queue-proxy" }] } });
  const stat = { status: 200, body: encodeQueueStat({ requestCount: 2 }), contentType: "application/protobuf" };
  const refused = status(503, "error trying to reach service: dial tcp 10.0.0.7:9091: connect: connection refused", "ServiceUnavailable");
  const requestMetrics = {
    status: 200,
    contentType: "text/plain; version=0.0.4",
    body: 'http_server_request_duration_seconds_bucket{http_response_status_code="200",le="+Inf"} 3\nhttp_server_request_duration_seconds_count{http_response_status_code="200"} 3\n',
  };
  let pods: unknown[];
  let port9090: Answer;
  let port9091: Answer;
  const cluster = (path: string): Answer =>
    path.includes(":9090/proxy/") ? port9090 : path.includes(":9091/proxy/") ? port9091 : path.includes("/pods?") ? { status: 200, body: { items: pods } } : { status: 200, body: service };
  const asks9091 = () => asked.filter((path) => path.includes(":9091/proxy/")).map((path) => decodeURIComponent(path.split("/pods/")[1]!.split(":")[0]!));

  /** Measures `ticks` seconds one after another; the problems of each and the pods asked for 9091. */
  async function seconds(p: ServicePoller, ticks: number) {
    const out: Array<{ problems: string[]; asked9091: string[] }> = [];
    for (let i = 0; i < ticks; i++) {
      asked = [];
      const sample = await p.measure();
      out.push({ problems: sample.problems.map((x) => `${x.kind}: ${x.fix}`), asked9091: asks9091() });
      vi.setSystemTime(Date.now() + 1000);
    }
    return out;
  }

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-01-01T00:00:00Z"));
    answers = cluster;
    pods = [silentPod("p1", "uid-1")];
    port9090 = stat;
    port9091 = refused;
  });
  afterEach(() => vi.useRealTimers());

  it("asks a refusing pod once, keeps saying request metrics are off with the fix, and asks again after the re-check interval", async () => {
    const p = poller();
    const ticks = await seconds(p, 3);
    expect(ticks.map((t) => t.asked9091)).toEqual([["p1"], [], []]);
    for (const t of ticks) expect(t.problems).toEqual([`request-metrics-off: ${REQUESTS_OFF_FIX}`]);

    vi.setSystemTime(Date.now() + RECHECK_MS);
    port9091 = requestMetrics; // turned on without a new pod
    const after = await seconds(p, 2);
    expect(after.map((t) => t.asked9091)).toEqual([["p1"], ["p1"]]);
    expect(after.map((t) => t.problems)).toEqual([[], []]);
  });

  it("never asks 9091 of a pod whose env turns request metrics off, and still names the fix", async () => {
    pods = [pod("p1", "hello-00001")];
    (pods[0] as ReturnType<typeof pod>).spec.containers[0]!.env = [{ name: "OBSERVABILITY_CONFIG", value: '{"requestMetrics":{"protocol":"none"}}' }];
    const ticks = await seconds(poller(), 2);
    expect(ticks.map((t) => t.asked9091)).toEqual([[], []]);
    expect(ticks[1]!.problems).toEqual([`request-metrics-off: ${REQUESTS_OFF_FIX}`]);
  });

  it("keeps asking a pod that answers 9091 without request metrics yet: OpenTelemetry serves only target_info before the first request", async () => {
    port9091 = { status: 200, contentType: "text/plain", body: 'target_info{service_name="queue-proxy"} 1\n' };
    const p = poller();
    const before = await seconds(p, 2);
    expect(before.map((t) => t.asked9091)).toEqual([["p1"], ["p1"]]);
    port9091 = requestMetrics;
    expect((await seconds(p, 1))[0]!.problems).toEqual([]);
  });

  it("keeps asking a pod whose env turns request metrics on, and names what fails", async () => {
    pods = [{ ...pod("p1", "hello-00001"), metadata: { name: "p1", uid: "uid-1", labels: { "serving.knative.dev/revision": "hello-00001" } } }];
    const ticks = await seconds(poller(), 2);
    expect(ticks.map((t) => t.asked9091)).toEqual([["p1"], ["p1"]]);
    expect(ticks[1]!.problems).toEqual([expect.stringMatching(/^unreachable: /)]);
  });

  it("asks a new pod at once, by UID, even under the name of one that refused", async () => {
    const p = poller();
    await seconds(p, 1);
    pods = [silentPod("p1", "uid-2"), silentPod("p2", "uid-3")];
    port9091 = requestMetrics; // the rolled pods serve them
    const ticks = await seconds(p, 1);
    expect(ticks[0]!.asked9091.sort()).toEqual(["p1", "p2"]);
    expect(ticks[0]!.problems).toEqual([]);
  });

  it("does not take a 9091 failure for a refusal when 9090 failed too: the pod is out of reach", async () => {
    port9090 = status(503, "error trying to reach service: dial tcp 10.0.0.7:9090: i/o timeout", "ServiceUnavailable");
    const ticks = await seconds(poller(), 2);
    expect(ticks.map((t) => t.asked9091)).toEqual([["p1"], ["p1"]]);
  });
});
