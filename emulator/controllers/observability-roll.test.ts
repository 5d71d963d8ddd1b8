// config-observability reaches queue-proxy through the pod template: new pods carry it, and a
// change rolls the revision's pods as its Deployment would.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { podRequestMetricsPort } from "../../lib/knative/observability-config";
import type { KubeObject } from "../../lib/knative/types";
import { ADMIN } from "../core/registry";
import { CONFIGMAPS, NAMESPACES, PODS } from "../core/resources";
import { KNATIVE_SERVING_NAMESPACE, observabilityConfigMap } from "../knative/config-observability";
import { isPodReady, podObservabilityConfig, type Pod } from "./pods";
import { deployHello, READY_DELAY_MS, startTestCluster, useFakeClock, type TestCluster } from "./testing/test-cluster";

let cluster: TestCluster;
beforeEach(async () => {
  useFakeClock();
  cluster = await startTestCluster();
  cluster.registry.create(NAMESPACES, { metadata: { name: KNATIVE_SERVING_NAMESPACE } }, ADMIN);
});
afterEach(async () => {
  await cluster.stop();
  vi.useRealTimers();
});

const pods = () => cluster.registry.list<Pod>(PODS, "default", { "serving.knative.dev/revision": "hello-00001" });
const ports = () => pods().map(podRequestMetricsPort);

function setRequestMetrics(protocol: string | undefined): void {
  const cm = cluster.registry.get<KubeObject & { data: Record<string, string> }>(CONFIGMAPS, KNATIVE_SERVING_NAMESPACE, "config-observability")!;
  const data = { ...cm.data };
  if (protocol === undefined) delete data["request-metrics-protocol"];
  else data["request-metrics-protocol"] = protocol;
  cluster.registry.update(CONFIGMAPS, { ...cm, data }, ADMIN);
}

const deploy = (annotations?: Record<string, string>) => deployHello(cluster, annotations);

describe("queue-proxy's OBSERVABILITY_CONFIG", () => {
  it("comes from config-observability as it is when the pod is made", async () => {
    cluster.registry.create(CONFIGMAPS, observabilityConfigMap("1.23.0"), ADMIN);
    await deploy();
    expect(ports()).toEqual([9091]);
    expect(JSON.parse(podObservabilityConfig(pods()[0]!)).requestMetrics).toEqual({ protocol: "prometheus" });
  });

  it("is Knative's default without the ConfigMap: no request metrics", async () => {
    await deploy();
    expect(ports()).toEqual([undefined]);
    expect(JSON.parse(podObservabilityConfig(pods()[0]!)).requestMetrics).toEqual({ protocol: "none" });
  });

  it("a change rolls the pods: new ones first, an old one goes once the ready pods stay at the desired scale", async () => {
    cluster.registry.create(CONFIGMAPS, observabilityConfigMap("1.23.0"), ADMIN);
    await deploy({ "autoscaling.knative.dev/min-scale": "4" });
    const before = pods();
    expect(before.map(podRequestMetricsPort)).toEqual([9091, 9091, 9091, 9091]);

    setRequestMetrics(undefined);
    await cluster.idle();
    // maxSurge 25% of 4: one new pod, and no old one gone yet.
    expect(pods()).toHaveLength(5);
    expect(pods().filter(isPodReady)).toHaveLength(4);
    const readyCounts: number[] = [];
    for (let t = 0; t < 10 * READY_DELAY_MS; t += 100) {
      await cluster.advance(100);
      readyCounts.push(pods().filter(isPodReady).length);
    }
    expect(Math.min(...readyCounts)).toBe(4);
    expect(ports()).toEqual([undefined, undefined, undefined, undefined]);
    const names = (list: Pod[]) => list.map((p) => p.metadata.name);
    expect(names(pods()).some((n) => names(before).includes(n))).toBe(false);
    // A new template: a new pod-template-hash, in the label and the names.
    const hash = (p: Pod) => p.metadata.labels?.["pod-template-hash"];
    expect(new Set(pods().map(hash)).size).toBe(1);
    expect(hash(pods()[0]!)).not.toBe(hash(before[0]!));
    expect(pods()[0]!.metadata.name).toContain(`-deployment-${hash(pods()[0]!)}-`);
  });

  it("an edit that leaves the parsed config as it was rolls nothing", async () => {
    cluster.registry.create(CONFIGMAPS, observabilityConfigMap("1.23.0"), ADMIN);
    await deploy();
    const before = pods().map((p) => p.metadata.name);
    const cm = cluster.registry.get<KubeObject & { data: Record<string, string> }>(CONFIGMAPS, KNATIVE_SERVING_NAMESPACE, "config-observability")!;
    // Knative's default, spelled out: the same OBSERVABILITY_CONFIG.
    cluster.registry.update(CONFIGMAPS, { ...cm, data: { ...cm.data, "metrics-protocol": "none" } }, ADMIN);
    await cluster.advance(2 * READY_DELAY_MS);
    expect(pods().map((p) => p.metadata.name)).toEqual(before);
  });

  it("a revision scaled to zero gets no pods from a change", async () => {
    await deploy();
    await cluster.advance(40_000); // past the scale-to-zero grace period
    expect(pods()).toEqual([]);
    cluster.registry.create(CONFIGMAPS, observabilityConfigMap("1.23.0"), ADMIN);
    await cluster.advance(2 * READY_DELAY_MS);
    expect(pods()).toEqual([]);
  });
});
