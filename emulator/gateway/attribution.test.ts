// Which pod's queue-proxy records each request the gateway serves, and what it records.
import { afterEach, describe, expect, it } from "vitest";
import type { Activator } from "../core/runtime";
import { prometheusSamples, type PrometheusSample } from "../../lib/knative/prometheus-samples";
import { PodMetricsStore } from "../runtime/pod-metrics";
import { writePrometheusText } from "../runtime/prometheus-text";
import { createTrafficStats } from "../runtime/traffic-stats";
import { startGateway, type RunningGateway } from "./gateway";
import { request, requestMany } from "./testing/http-client";
import { createTestActivator, TestCluster } from "./testing/test-cluster";

const HOST = "hello.default.example.com";
const PROMETHEUS = JSON.stringify({ tracing: {}, metrics: {}, runtime: {}, requestMetrics: { protocol: "prometheus" } });

const running: RunningGateway[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((g) => g.close()));
});

/** hello-00001 (3 pods) and hello-00002 (1 pod), split 50/50; 00002 tagged `candidate`. */
async function cluster(opts: { env2?: Array<{ name: string; value: string }> } = {}) {
  const cluster = new TestCluster();
  cluster.addRevision({ name: "hello-00001", replicas: 3 });
  cluster.addRevision({ name: "hello-00002", env: opts.env2 ?? [] });
  for (const pod of ["a", "b", "c"]) cluster.addPod("default", "hello-00001", `hello-00001-deployment-${pod}`, { queueProxyEnv: { OBSERVABILITY_CONFIG: PROMETHEUS } });
  cluster.addPod("default", "hello-00002", "hello-00002-deployment-a", { queueProxyEnv: { OBSERVABILITY_CONFIG: PROMETHEUS } });
  cluster.setRoute("default", "hello", [
    { revisionName: "hello-00001", percent: 50 },
    { revisionName: "hello-00002", percent: 50, tag: "candidate" },
  ]);
  const metrics = new PodMetricsStore();
  const gateway = await startGateway({ registry: cluster.registry, stats: createTrafficStats(), podMetrics: metrics, activator: createTestActivator(cluster), domain: "example.com", port: 0 });
  running.push(gateway);
  const samples = (pod: string): PrometheusSample[] => prometheusSamples(writePrometheusText(metrics.requestMetrics("default", pod)?.families() ?? []));
  /** http.server.request.duration's count per series, as [status, route tag, count]. */
  const counts = (pod: string) =>
    samples(pod)
      .filter((s) => s.name === "http_server_request_duration_seconds_count")
      .map((s) => [s.labels.http_response_status_code, s.labels.kn_route_tag, s.value] as const);
  const total = (pod: string) => counts(pod).reduce((sum, [, , n]) => sum + n, 0);
  return { cluster, metrics, gateway, samples, counts, total };
}

describe("request attribution to pods", () => {
  it("gives each request to one ready pod, in turn: the pods' counts add up to the revision's", async () => {
    const { gateway, total } = await cluster();
    await requestMany(gateway.url, HOST, 600);
    expect([total("hello-00001-deployment-a"), total("hello-00001-deployment-b"), total("hello-00001-deployment-c")]).toEqual([100, 100, 100]);
    expect(total("hello-00002-deployment-a")).toBe(300);
  });

  it("keeps each pod's counters growing while it lives; a pod that goes is forgotten, one that is not ready gets nothing", async () => {
    const { cluster: c, gateway, metrics, total } = await cluster();
    await requestMany(gateway.url, HOST, 60);
    const before = total("hello-00001-deployment-a");
    c.setPodReady("default", "hello-00001-deployment-b", false);
    c.deletePod("default", "hello-00001-deployment-c");
    await c.settle();
    await requestMany(gateway.url, HOST, 60);
    expect(total("hello-00001-deployment-a")).toBe(before + 30);
    expect(total("hello-00001-deployment-b")).toBe(10);
    expect(metrics.isTracked("default", "hello-00001-deployment-c")).toBe(false);
  });

  it("counts the requests that woke a revision from zero for the pod that came up, not for no pod", async () => {
    const c = new TestCluster();
    c.addRevision({ name: "cold-00001", replicas: 0 });
    c.setRoute("default", "cold", [{ revisionName: "cold-00001", percent: 100 }]);
    const metrics = new PodMetricsStore();
    // As the autoscaler does: the pod turns Ready, the revision's status follows, and the waiting
    // requests are let through, all in one tick, before the gateway's view hears of any of it.
    const activator: Activator = {
      async activate(namespace, revision) {
        c.addPod(namespace, revision, `${revision}-deployment-a`, { queueProxyEnv: { OBSERVABILITY_CONFIG: PROMETHEUS } });
        c.setReplicas(namespace, revision, 1);
      },
    };
    const gateway = await startGateway({ registry: c.registry, stats: createTrafficStats(), podMetrics: metrics, activator, domain: "example.com", port: 0 });
    running.push(gateway);
    const answers = await requestMany(gateway.url, "cold.default.example.com", 10);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const text = writePrometheusText(metrics.requestMetrics("default", "cold-00001-deployment-a")?.families() ?? []);
    const served = prometheusSamples(text).filter((s) => s.name === "http_server_request_duration_seconds_count");
    expect(served.reduce((sum, s) => sum + s.value, 0)).toBe(10);
  });

  it("records ERROR_RATE's failures with their status, and RESPONSE_DELAY_MS in both durations", async () => {
    const { gateway, counts, samples } = await cluster({
      env2: [
        { name: "ERROR_RATE", value: "0.25" },
        { name: "ERROR_STATUS", value: "503" },
        { name: "RESPONSE_DELAY_MS", value: "40" },
      ],
    });
    await requestMany(gateway.url, "candidate-hello.default.example.com", 20);
    expect(counts("hello-00002-deployment-a")).toEqual([
      ["200", "kn:disabled", 15],
      ["503", "kn:disabled", 5],
    ]);
    const sum = (name: string) => samples("hello-00002-deployment-a").filter((s) => s.name === name).reduce((total, s) => total + s.value, 0);
    expect(sum("http_server_request_duration_seconds_sum")).toBeGreaterThanOrEqual(20 * 0.039);
    expect(sum("kn_serving_invocation_duration_seconds_sum")).toBeGreaterThanOrEqual(20 * 0.039);
    // Every answer took at least 40 ms: none in the buckets up to 25 ms.
    const fast = samples("hello-00002-deployment-a").filter((s) => s.name === "http_server_request_duration_seconds_bucket" && s.labels.le === "0.025");
    expect(fast.map((s) => s.value)).toEqual([0, 0]);
  });

  it("records the Host as sent, its port, and the method", async () => {
    const { gateway, samples } = await cluster();
    await request(gateway.url, "candidate-hello.default.example.com:8080", { method: "POST" });
    expect(samples("hello-00002-deployment-a").find((s) => s.name === "http_server_request_duration_seconds_count")?.labels).toMatchObject({
      server_address: "candidate-hello.default.example.com",
      server_port: "8080",
      http_request_method: "POST",
    });
  });
});

describe("kn.route.tag", () => {
  it("is kn:disabled without tag-header-based routing (Knative's default), whatever the host", async () => {
    const { gateway, counts } = await cluster();
    await request(gateway.url, "candidate-hello.default.example.com");
    await request(gateway.url, "hello-00002.default.svc.cluster.local");
    // One series per Host, both kn:disabled.
    expect(counts("hello-00002-deployment-a")).toEqual([
      ["200", "kn:disabled", 1],
      ["200", "kn:disabled", 1],
    ]);
  });

  it("with config-features tag-header-based-routing: enabled: kn:default on the route, the tag on its host, header routing", async () => {
    const { cluster: c, gateway, counts } = await cluster();
    c.setConfigMap("knative-serving", "config-features", { "tag-header-based-routing": "Enabled" });
    await c.settle();
    await requestMany(gateway.url, HOST, 8);
    await request(gateway.url, "candidate-hello.default.example.com");
    // The route's host with a tag header goes to that tag's revision; an unknown tag stays on the split.
    for (let i = 0; i < 3; i++) await request(gateway.url, HOST, { headers: { "Knative-Serving-Tag": "candidate" } });
    await request(gateway.url, HOST, { headers: { "Knative-Serving-Tag": "nope" } });
    await request(gateway.url, HOST, { headers: { "Knative-Serving-Tag": "nope" } });
    const all = [...counts("hello-00002-deployment-a"), ...["a", "b", "c"].flatMap((p) => counts(`hello-00001-deployment-${p}`))];
    const byTag = (tag: string) => all.filter(([, t]) => t === tag).reduce((sum, [, , n]) => sum + n, 0);
    expect({ default: byTag("kn:default"), candidate: byTag("candidate"), undefined: byTag("kn:undefined") }).toEqual({ default: 8, candidate: 4, undefined: 2 });
    // All four went to the tagged revision: the tag host's one, and the three the header routed.
    const candidate = counts("hello-00002-deployment-a").filter(([, t]) => t === "candidate");
    expect(candidate.reduce((sum, [, , n]) => sum + n, 0)).toBe(4);
  });
});
