import { describe, expect, it } from "vitest";
import { prometheusSamples } from "../../lib/knative/prometheus-samples";
import { decodeQueueStat } from "../../lib/knative/queue-stat";
import { CONTROLLER } from "../core/registry";
import { PODS } from "../core/resources";
import { TestCluster } from "../gateway/testing/test-cluster";
import { PodMetricsStore } from "./pod-metrics";
import { createPodProxy } from "./pod-proxy";
import { QUEUE_PROXY_SERVICE_VERSION } from "./user-metrics";

const T0 = Date.parse("2026-11-26T10:00:00Z");
const PROMETHEUS = JSON.stringify({ tracing: {}, metrics: {}, runtime: {}, requestMetrics: { protocol: "prometheus" } });
const IDENTITY = { SERVING_NAMESPACE: "default", SERVING_SERVICE: "hello", SERVING_CONFIGURATION: "hello", SERVING_REVISION: "hello-00001" };
const OK = { method: "GET", host: "hello.default.example.com", routeTag: "kn:disabled", status: 200, durationSeconds: 0.01, invocationSeconds: 0.009, requestBytes: 0, responseBytes: 13 };

function setup() {
  let t = T0;
  const clock = { now: () => t, set: (ms: number) => void (t = T0 + ms) };
  const cluster = new TestCluster();
  cluster.addRevision({ name: "hello-00001" });
  const startTime = new Date(T0 - 90_000).toISOString();
  cluster.addPod("default", "hello-00001", "hello-00001-deployment-a", { startTime, queueProxyEnv: { ...IDENTITY, OBSERVABILITY_CONFIG: PROMETHEUS } });
  cluster.addPod("default", "hello-00001", "hello-00001-deployment-b", { startTime, queueProxyEnv: IDENTITY });
  const metrics = new PodMetricsStore(clock.now);
  for (const pod of ["hello-00001-deployment-a", "hello-00001-deployment-b"]) metrics.track("default", pod, { requestMetrics: pod.endsWith("-a"), hasBreaker: false });
  const proxy = createPodProxy(cluster.registry, metrics, { now: clock.now });
  const text = (pod: string, port: number, path = "metrics") => new TextDecoder().decode(proxy("default", pod, port, path)!.body);
  return { clock, cluster, metrics, proxy, text };
}

describe("pod proxy: queue-proxy :9090/metrics", () => {
  it("reports the pod's own last full second, as a protobuf Stat", () => {
    const { clock, metrics, proxy } = setup();
    // Second 0: 10 requests at pod a; one of them stays open the whole second.
    const open = metrics.begin("default", "hello-00001-deployment-a");
    for (let i = 0; i < 9; i++) metrics.begin("default", "hello-00001-deployment-a")(OK);
    metrics.begin("default", "hello-00001-deployment-b")(OK);
    clock.set(1000);
    open(OK);
    clock.set(1500);

    const answer = proxy("default", "hello-00001-deployment-a", 9090, "metrics")!;
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe("application/protobuf");
    expect(decodeQueueStat(answer.body)).toEqual({
      podName: "hello-00001-deployment-a",
      requestCount: 10,
      averageConcurrentRequests: 1,
      averageProxiedConcurrentRequests: 0,
      proxiedRequestCount: 0,
      processUptime: 91.5,
      timestamp: 0,
    });
    expect(decodeQueueStat(proxy("default", "hello-00001-deployment-b", 9090, "/metrics")!.body)).toMatchObject({ requestCount: 1 });
    // The second after: nothing new.
    clock.set(2500);
    expect(decodeQueueStat(proxy("default", "hello-00001-deployment-a", 9090, "metrics")!.body).requestCount).toBe(0);
  });

  it("an idle pod reports only pod_name and process_uptime", () => {
    const { proxy } = setup();
    const answer = proxy("default", "hello-00001-deployment-b", 9090, "metrics")!;
    expect(decodeQueueStat(answer.body)).toMatchObject({ podName: "hello-00001-deployment-b", requestCount: 0, processUptime: 90 });
    // 1 + 1 + 24 name bytes, then 1 + 8 for the uptime double.
    expect(answer.body.length).toBe(2 + "hello-00001-deployment-b".length + 9);
  });
});

describe("pod proxy: queue-proxy's request metrics", () => {
  it("serves the pod's metrics and its target_info as Prometheus text on 9091 when its env says prometheus", () => {
    const { metrics, proxy, text } = setup();
    for (let i = 0; i < 3; i++) metrics.begin("default", "hello-00001-deployment-a")(OK);
    metrics.begin("default", "hello-00001-deployment-a")({ ...OK, status: 500 });

    const answer = proxy("default", "hello-00001-deployment-a", 9091, "metrics")!;
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe("text/plain; version=0.0.4; charset=utf-8; escaping=underscores");
    const samples = prometheusSamples(text("hello-00001-deployment-a", 9091));
    const counts = samples.filter((s) => s.name === "http_server_request_duration_seconds_count").map((s) => [s.labels.http_response_status_code, s.value]);
    expect(counts).toEqual([["200", 3], ["500", 1]]);
    expect(samples.filter((s) => s.name === "target_info")).toEqual([
      {
        name: "target_info",
        labels: {
          container_name: "queue-proxy",
          k8s_namespace_name: "default",
          k8s_pod_name: "hello-00001-deployment-a",
          kn_configuration_name: "hello",
          kn_revision_name: "hello-00001",
          kn_service_name: "hello",
          service_instance_id: "hello-00001-deployment-a",
          service_name: "hello",
          service_version: QUEUE_PROXY_SERVICE_VERSION,
          telemetry_sdk_language: "go",
          telemetry_sdk_name: "opentelemetry",
          telemetry_sdk_version: "1.44.0",
        },
        value: 1,
      },
    ]);
  });

  it("before any request, only target_info", () => {
    const { text } = setup();
    expect(prometheusSamples(text("hello-00001-deployment-a", 9091)).map((s) => s.name)).toEqual(["target_info"]);
  });

  it("nothing listens on 9091 for a pod whose queue-proxy has request metrics off or on OTLP", () => {
    const { cluster, metrics, proxy } = setup();
    expect(proxy("default", "hello-00001-deployment-b", 9091, "metrics")).toBeUndefined();
    const otlp = JSON.stringify({ tracing: {}, metrics: {}, runtime: {}, requestMetrics: { protocol: "grpc", endpoint: "otel:4317" } });
    cluster.addPod("default", "hello-00001", "hello-00001-deployment-c", { queueProxyEnv: { OBSERVABILITY_CONFIG: otlp } });
    metrics.track("default", "hello-00001-deployment-c", { requestMetrics: false, hasBreaker: false });
    expect(proxy("default", "hello-00001-deployment-c", 9091, "metrics")).toBeUndefined();
  });

  it("listens on the port of request-metrics-endpoint instead of 9091", () => {
    const { cluster, proxy } = setup();
    const custom = JSON.stringify({ tracing: {}, metrics: {}, runtime: {}, requestMetrics: { protocol: "prometheus", endpoint: ":9095" } });
    cluster.addPod("default", "hello-00001", "hello-00001-deployment-d", { queueProxyEnv: { ...IDENTITY, OBSERVABILITY_CONFIG: custom } });
    expect(proxy("default", "hello-00001-deployment-d", 9091, "metrics")).toBeUndefined();
    expect(proxy("default", "hello-00001-deployment-d", 9095, "metrics")?.status).toBe(200);
  });
});

describe("pod proxy: other paths, ports and pods", () => {
  it("answers 404 for other paths on both ports, and nothing for other ports, unknown pods or non-Knative pods", () => {
    const { cluster, proxy, text } = setup();
    for (const port of [9090, 9091]) {
      expect(proxy("default", "hello-00001-deployment-a", port, "healthz")!.status).toBe(404);
      expect(text("hello-00001-deployment-a", port, "healthz")).toBe("404 page not found\n");
    }
    expect(proxy("default", "hello-00001-deployment-a", 8012, "metrics")).toBeUndefined();
    expect(proxy("default", "nope", 9090, "metrics")).toBeUndefined();
    cluster.registry.create(PODS, { metadata: { name: "plain", namespace: "default" } }, CONTROLLER);
    expect(proxy("default", "plain", 9090, "metrics")).toBeUndefined();
  });
});
