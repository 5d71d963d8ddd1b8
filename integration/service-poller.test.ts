// The console's Service poller against the embedded cluster, over HTTPS with the kubeconfig the
// cluster writes: the same pod-proxy reads it makes on a real cluster.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CustomObjectsApi, KubeConfig } from "@kubernetes/client-node";
import type { Service } from "@/lib/knative/types";
import { ServicePoller } from "@/lib/k8s/metrics/service-poller";
import type { MetricsSample } from "@/lib/metrics/types";
import { startEmbeddedCluster, type EmbeddedCluster } from "@/emulator/cluster";
import { tempDataDir } from "@/emulator/testing/api-only";
import { requestViaGateway } from "@/emulator/testing/gateway-client";
import { until } from "@/emulator/testing/until";

const NAME = "helloworld-go";
const HOST = `${NAME}.default.example.com`;
const KSVC = { group: "serving.knative.dev", version: "v1", plural: "services", namespace: "default", name: NAME };

let cluster: EmbeddedCluster;
let kc: KubeConfig;
let api: CustomObjectsApi;

const service = async () => (await api.getNamespacedCustomObject(KSVC)) as Service;
const readyAt = (generation: number) => async () => {
  const s = await service();
  return s.status?.observedGeneration === generation && s.status?.conditions?.find((c) => c.type === "Ready")?.status === "True" ? s : undefined;
};

/** Collects the samples of `seconds` ticks while `traffic` runs. */
async function samplesDuring(poller: ServicePoller, seconds: number, traffic: () => Promise<void>): Promise<MetricsSample[]> {
  const samples: MetricsSample[] = [];
  const unsubscribe = poller.subscribe((s) => samples.push(s));
  await traffic();
  await until(`${seconds} samples`, async () => (samples.length >= seconds ? true : undefined), seconds * 2000 + 5000);
  unsubscribe();
  return samples;
}

beforeAll(async () => {
  cluster = await startEmbeddedCluster({ dataDir: tempDataDir(), port: 0, gatewayPort: 0, readyDelayMs: 100 });
  kc = new KubeConfig();
  kc.loadFromFile(cluster.kubeconfig);
  api = kc.makeApiClient(CustomObjectsApi);
  await until("helloworld-go Ready", readyAt(1), 20_000);
  const s = await service();
  s.spec.template.spec.containers[0]!.env = [{ name: "TARGET", value: "Knative on ASM" }];
  s.spec.traffic = [
    { revisionName: `${NAME}-00001`, percent: 50 },
    { latestRevision: true, percent: 50 },
  ];
  await api.replaceNamespacedCustomObject({ ...KSVC, body: s });
  await until("two revisions at 50/50", readyAt(2));
});
afterAll(() => cluster?.stop());

describe("ServicePoller on the embedded cluster", () => {
  it("sees the configured split and each revision's ready pods", async () => {
    const poller = new ServicePoller({ kubeConfig: () => kc, namespace: "default", service: NAME });
    // A request to each revision makes sure both have a pod.
    for (let i = 0; i < 2; i++) await requestViaGateway(cluster.gatewayUrl, HOST);
    const sample = await until("pods of both revisions", async () => {
      const s = await poller.measure();
      return Object.values(s.revisions).every((r) => r.readyPods > 0) && Object.keys(s.revisions).length === 2 ? s : undefined;
    });
    expect(sample.configured).toEqual({ [`${NAME}-00001`]: 50, [`${NAME}-00002`]: 50 });
    // Request metrics are on in the embedded cluster: a pod yet to serve a request is no exception.
    expect(sample.problems).toEqual([]);
  });

  it("sums queue-proxy's request rate per revision, near the split", async () => {
    const poller = new ServicePoller({ kubeConfig: () => kc, namespace: "default", service: NAME });
    const sent = 80;
    const samples = await samplesDuring(poller, 5, async () => {
      for (let i = 0; i < sent; i++) {
        await requestViaGateway(cluster.gatewayUrl, HOST);
        await new Promise((r) => setTimeout(r, 25));
      }
    });
    const seen = (rev: string) => samples.reduce((sum, s) => sum + (s.revisions[rev]?.requestsPerSecond ?? 0), 0);
    const first = seen(`${NAME}-00001`);
    const second = seen(`${NAME}-00002`);
    // Each 1-second report is read once; the seconds at either end may fall outside the ticks,
    // and the first tick may still see the two requests of the test before.
    expect(first + second).toBeGreaterThan(sent * 0.5);
    expect(first + second).toBeLessThanOrEqual(sent + 2);
    expect(first / (first + second)).toBeGreaterThan(0.4);
    expect(first / (first + second)).toBeLessThan(0.6);
  });

  it("reports an API server it cannot reach as a problem, not an exception", async () => {
    const broken = new KubeConfig();
    broken.loadFromOptions({
      clusters: [{ name: "c", server: "https://127.0.0.1:1", skipTLSVerify: true }],
      users: [{ name: "u", token: "t" }],
      contexts: [{ name: "x", cluster: "c", user: "u" }],
      currentContext: "x",
    });
    const sample = await new ServicePoller({ kubeConfig: () => broken, namespace: "default", service: NAME }).measure();
    expect(sample.revisions).toEqual({});
    expect(sample.problems.length).toBeGreaterThan(0);
    expect(sample.problems[0]!.message).toMatch(/did not answer/);
  });
});
