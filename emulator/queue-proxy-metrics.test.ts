// queue-proxy's metrics ports on a running embedded cluster, read as the console will: through the
// API server's pod proxy, over HTTPS with the token, after requests through the gateway.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prometheusSamples, type PrometheusSample } from "../lib/knative/prometheus-samples";
import { decodeQueueStat } from "../lib/knative/queue-stat";
import type { KubeObject, Service } from "../lib/knative/types";
import { apiFetch } from "./testing/api-endpoint";
import { tempDataDir } from "./testing/api-only";
import { startClusterProcess, type ClusterProcess } from "./testing/cluster-process";
import { requestViaGateway } from "./testing/gateway-client";
import { hasKubectl, kubectlRunner } from "./testing/kubectl";
import { until } from "./testing/until";

const HOST = "canary.default.example.com";
const REVISION = "canary-00001";
type Pod = KubeObject & { status?: { podIP?: string; conditions?: Array<{ type: string; status: string }> }; spec: { containers: Array<{ name: string; env?: Array<{ name: string; value?: string }> }> } };

let cluster: ClusterProcess;

async function json<T>(path: string, init?: Parameters<typeof apiFetch>[2]): Promise<{ status: number; body: T }> {
  const res = await apiFetch(cluster, path, init);
  return { status: res.status, body: (await res.json()) as T };
}

const isReady = (p: Pod) => !p.metadata.deletionTimestamp && p.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True");

async function readyPods(count: number, accept: (p: Pod) => boolean = () => true): Promise<Pod[]> {
  return until(`${count} ready pods of ${REVISION}`, async () => {
    const { body } = await json<{ items: Pod[] }>(`/api/v1/namespaces/default/pods?labelSelector=serving.knative.dev/revision=${REVISION}`);
    const ready = body.items.filter(isReady);
    return body.items.length === count && ready.length === count && ready.every(accept) ? ready : undefined;
  }, 20_000);
}

const proxyPath = (pod: Pod, port: number) => `/api/v1/namespaces/default/pods/${pod.metadata.name}:${port}/proxy/metrics`;

async function userMetrics(pod: Pod): Promise<PrometheusSample[]> {
  const res = await apiFetch(cluster, proxyPath(pod, 9091));
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8; escaping=underscores");
  return prometheusSamples(await res.text());
}

/** http.server.request.duration's count, summed by status code. */
function countsByStatus(samples: PrometheusSample[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of samples) if (s.name === "http_server_request_duration_seconds_count") out[s.labels.http_response_status_code!] = (out[s.labels.http_response_status_code!] ?? 0) + s.value;
  return out;
}

beforeAll(async () => {
  cluster = await startClusterProcess(tempDataDir("kc-metrics-"));
  const canary: Service = {
    apiVersion: "serving.knative.dev/v1",
    kind: "Service",
    metadata: { name: "canary", namespace: "default" },
    spec: {
      template: {
        metadata: { annotations: { "autoscaling.knative.dev/min-scale": "2" } },
        spec: {
          containers: [
            {
              image: "ghcr.io/knative/helloworld-go:latest",
              env: [
                { name: "ERROR_RATE", value: "0.25" },
                { name: "ERROR_STATUS", value: "503" },
                { name: "RESPONSE_DELAY_MS", value: "20" },
              ],
            },
          ],
        },
      },
    },
  };
  const created = await json("/apis/serving.knative.dev/v1/namespaces/default/services", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(canary) });
  expect(created.status).toBe(201);
  await readyPods(2);
  await until("the route to serve", async () => ((await requestViaGateway(cluster.gatewayUrl, HOST)).status !== 404 ? true : undefined), 20_000);
}, 60_000);
afterAll(() => cluster?.stop());

describe("queue-proxy metrics through the pod proxy", () => {
  it("9091: each pod's own counters, which add up to the requests sent, failures by their status", async () => {
    const pods = await readyPods(2);
    const before = await Promise.all(pods.map(async (p) => countsByStatus(await userMetrics(p))));
    const answers: number[] = [];
    for (let i = 0; i < 40; i++) answers.push((await requestViaGateway(cluster.gatewayUrl, HOST)).status);
    const after = await Promise.all(pods.map(async (p) => countsByStatus(await userMetrics(p))));
    const sent = (s: number) => answers.filter((a) => a === s).length;
    const gained = (status: string) => after.reduce((sum, c, i) => sum + (c[status] ?? 0) - (before[i]![status] ?? 0), 0);
    expect(gained("200")).toBe(sent(200));
    expect(gained("503")).toBe(sent(503));
    expect(sent(503)).toBeGreaterThanOrEqual(10);
    // In turn: 40 requests, 20 each.
    expect(after.map((c, i) => Object.values(c).reduce((a, b) => a + b, 0) - Object.values(before[i]!).reduce((a, b) => a + b, 0))).toEqual([20, 20]);
  });

  it("9091: RESPONSE_DELAY_MS shows in the durations, and target_info names the pod and its revision", async () => {
    const [pod] = await readyPods(2);
    const samples = await userMetrics(pod!);
    const count = samples.filter((s) => s.name === "http_server_request_duration_seconds_count").reduce((a, s) => a + s.value, 0);
    const sum = samples.filter((s) => s.name === "http_server_request_duration_seconds_sum").reduce((a, s) => a + s.value, 0);
    expect(count).toBeGreaterThan(0);
    expect(sum / count).toBeGreaterThanOrEqual(0.019);
    const route = samples.find((s) => s.name === "http_server_request_duration_seconds_count")!.labels;
    expect(route).toMatchObject({ kn_route_tag: "kn:disabled", server_address: HOST, http_request_method: "GET", url_scheme: "http" });
    expect(samples.find((s) => s.name === "target_info")?.labels).toMatchObject({
      k8s_pod_name: pod!.metadata.name,
      kn_revision_name: REVISION,
      kn_service_name: "canary",
      kn_configuration_name: "canary",
      k8s_namespace_name: "default",
      container_name: "queue-proxy",
    });
  });

  it("9090: the Stat of each pod reports its share of the last full second", async () => {
    const pods = await readyPods(2);
    // Ten requests inside one second, read back during the next; tried again when the machine is
    // too busy for that to fit (the numbers are only defined per whole second).
    for (let attempt = 0; attempt < 10; attempt++) {
      // From the start of a fresh second: requests of an attempt (or a test) before, late in the
      // second this one starts in, would count in it too.
      await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000)));
      if (Date.now() % 1000 > 300) continue;
      const second = Math.floor(Date.now() / 1000);
      for (let i = 0; i < 10; i++) await requestViaGateway(cluster.gatewayUrl, HOST);
      if (Math.floor(Date.now() / 1000) !== second) continue;
      await new Promise((r) => setTimeout(r, (second + 1) * 1000 + 50 - Date.now()));
      const stats = await Promise.all(
        pods.map(async (p) => {
          const res = await apiFetch(cluster, proxyPath(p, 9090), { headers: { Accept: "application/protobuf" } });
          expect(res.headers.get("content-type")).toBe("application/protobuf");
          return decodeQueueStat(new Uint8Array(await res.arrayBuffer()));
        }),
      );
      if (Math.floor(Date.now() / 1000) !== second + 1) continue;
      expect(stats.map((s) => s.podName)).toEqual(pods.map((p) => p.metadata.name));
      expect(stats.map((s) => s.requestCount)).toEqual([5, 5]);
      expect(stats.every((s) => s.processUptime > 0)).toBe(true);
      return;
    }
    throw new Error("ten requests never fitted in one second, nor their reading in the next");
  });

  it.runIf(hasKubectl())("kubectl get --raw reads 9091", async () => {
    const [pod] = await readyPods(2);
    const raw = await kubectlRunner(cluster.kubeconfig)(["get", "--raw", `/api/v1/namespaces/default/pods/${pod!.metadata.name}:9091/proxy/metrics`]);
    expect(raw.code, raw.stderr).toBe(0);
    expect(raw.stdout).toContain("# TYPE http_server_request_duration_seconds histogram\n");
    expect(raw.stdout).toContain(`target_info{container_name="queue-proxy",k8s_namespace_name="default",k8s_pod_name="${pod!.metadata.name}",`);
  });
});

describe("config-observability", () => {
  const CM = "/api/v1/namespaces/knative-serving/configmaps/config-observability";
  const merge = (data: Record<string, string | null>) => json<{ message?: string }>(CM, { method: "PATCH", headers: { "Content-Type": "application/merge-patch+json" }, body: JSON.stringify({ data }) });

  it("is seeded as Knative ships it, with request-metrics-protocol: prometheus", async () => {
    const { body } = await json<KubeObject & { data: Record<string, string> }>(CM);
    expect(body.metadata.labels).toEqual({ "app.kubernetes.io/name": "knative-serving", "app.kubernetes.io/component": "observability", "app.kubernetes.io/version": "1.23.0" });
    expect(body.metadata.annotations).toEqual({ "knative.dev/example-checksum": "59abacb5" });
    expect(Object.keys(body.data).sort()).toEqual(["_example", "request-metrics-protocol"]);
    expect(body.data["request-metrics-protocol"]).toBe("prometheus");
  });

  it("refuses what Knative's config webhook refuses, and keeps what it had", async () => {
    const refused = await merge({ "request-metrics-protocol": "bogus" });
    expect(refused).toMatchObject({ status: 400, body: { message: 'admission webhook "config.webhook.serving.knative.dev" denied the request: validation failed: unsupported protocol "bogus"' } });
    expect((await json<{ data: Record<string, string> }>(CM)).body.data["request-metrics-protocol"]).toBe("prometheus");
  });

  it("set to none, rolls the pods; the new ones do not listen on 9091: the dial error, as a 503 Status", async () => {
    expect((await merge({ "request-metrics-protocol": null })).status).toBe(200);
    const env = (p: Pod) => p.spec.containers.find((c) => c.name === "queue-proxy")?.env?.find((e) => e.name === "OBSERVABILITY_CONFIG")?.value ?? "";
    const pods = await readyPods(2, (p) => JSON.parse(env(p)).requestMetrics.protocol === "none");
    const { status, body } = await json<Record<string, unknown>>(proxyPath(pods[0]!, 9091));
    expect(status).toBe(503);
    expect(body).toMatchObject({
      kind: "Status",
      status: "Failure",
      reason: "ServiceUnavailable",
      code: 503,
      message: `error trying to reach service: dial tcp ${pods[0]!.status!.podIP}:9091: connect: connection refused`,
    });
    // 9090 always answers.
    expect((await apiFetch(cluster, proxyPath(pods[0]!, 9090))).status).toBe(200);
  });
});
