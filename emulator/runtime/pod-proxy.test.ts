import { describe, expect, it } from "vitest";
import { decodeQueueStat } from "../../lib/knative/queue-stat";
import { CONTROLLER } from "../core/registry";
import { PODS } from "../core/resources";
import { TestCluster } from "../gateway/testing/test-cluster";
import { createPodProxy } from "./pod-proxy";
import { createTrafficStats } from "./traffic-stats";

const T0 = Date.parse("2026-11-26T10:00:00Z");

function setup() {
  let t = T0;
  const clock = { now: () => t, set: (ms: number) => void (t = T0 + ms) };
  const cluster = new TestCluster();
  cluster.addRevision({ name: "hello-00001" });
  const startTime = new Date(T0 - 90_000).toISOString();
  cluster.addPod("default", "hello-00001", "hello-00001-deployment-a", { startTime });
  cluster.addPod("default", "hello-00001", "hello-00001-deployment-b", { startTime });
  cluster.addPod("default", "hello-00001", "hello-00001-deployment-c", { startTime, ready: false });
  const stats = createTrafficStats({ now: clock.now });
  const proxy = createPodProxy(cluster.registry, stats, { now: clock.now });
  return { clock, cluster, stats, proxy };
}

describe("pod proxy: queue-proxy :9090/metrics", () => {
  it("splits the revision's last second over its ready pods, as a protobuf Stat", () => {
    const { clock, stats, proxy } = setup();
    // Second 0: 10 requests; one of them stays open the whole second.
    const open = stats.begin("default", "hello-00001");
    for (let i = 0; i < 9; i++) stats.begin("default", "hello-00001")();
    clock.set(1000);
    open();
    clock.set(1500);

    const answer = proxy("default", "hello-00001-deployment-a", 9090, "metrics")!;
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe("application/protobuf");
    expect(decodeQueueStat(answer.body)).toEqual({
      podName: "hello-00001-deployment-a",
      requestCount: 5, // 10 requests ÷ 2 ready pods
      averageConcurrentRequests: 0.5,
      averageProxiedConcurrentRequests: 0,
      proxiedRequestCount: 0,
      processUptime: 91.5,
      timestamp: 0,
    });
    // The pod that is not ready gets no traffic.
    const notReady = decodeQueueStat(proxy("default", "hello-00001-deployment-c", 9090, "/metrics")!.body);
    expect(notReady.requestCount).toBe(0);
  });

  it("an idle pod reports only pod_name and process_uptime", () => {
    const { proxy } = setup();
    const answer = proxy("default", "hello-00001-deployment-b", 9090, "metrics")!;
    expect(decodeQueueStat(answer.body)).toMatchObject({ podName: "hello-00001-deployment-b", requestCount: 0, processUptime: 90 });
    // 1 + 1 + 24 name bytes, then 1 + 8 for the uptime double.
    expect(answer.body.length).toBe(2 + "hello-00001-deployment-b".length + 9);
  });

  it("answers 404 for other paths, and nothing for other ports, unknown pods or non-Knative pods", () => {
    const { cluster, proxy } = setup();
    const other = proxy("default", "hello-00001-deployment-a", 9090, "healthz")!;
    expect(other.status).toBe(404);
    expect(new TextDecoder().decode(other.body)).toBe("404 page not found\n");
    expect(proxy("default", "hello-00001-deployment-a", 9091, "metrics")).toBeUndefined();
    expect(proxy("default", "nope", 9090, "metrics")).toBeUndefined();
    cluster.registry.create(PODS, { metadata: { name: "plain", namespace: "default" } }, CONTROLLER);
    expect(proxy("default", "plain", 9090, "metrics")).toBeUndefined();
  });
});
