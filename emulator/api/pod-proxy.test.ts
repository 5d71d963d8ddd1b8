// The API server's pod proxy over HTTPS, answering as kube-apiserver's does where no pod answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeQueueStat } from "../../lib/knative/queue-stat";
import { CONTROLLER } from "../core/registry";
import { PODS } from "../core/resources";
import { PodMetricsStore } from "../runtime/pod-metrics";
import { createPodProxy } from "../runtime/pod-proxy";
import { apiFetch, type ApiEndpoint } from "../testing/api-endpoint";
import { startApiOnly, type ApiOnlyCluster } from "../testing/api-only";
import { startApiServer, type RunningApiServer } from "./server";

const NONE = JSON.stringify({ tracing: {}, metrics: {}, runtime: {}, requestMetrics: { protocol: "none" } });

function pod(name: string, podIP: string | undefined) {
  return {
    metadata: { name, namespace: "default", labels: { "serving.knative.dev/revision": "hello-00001" } },
    spec: {
      containers: [
        { name: "user-container", ports: [{ name: "user-port", containerPort: 8080 }] },
        { name: "queue-proxy", ports: [{ containerPort: 9090 }, { containerPort: 9091 }], env: [{ name: "OBSERVABILITY_CONFIG", value: NONE }] },
      ],
    },
    status: { phase: podIP ? "Running" : "Pending", ...(podIP ? { podIP } : {}) },
  };
}

let c: ApiOnlyCluster;
let api: RunningApiServer;
let endpoint: ApiEndpoint;
beforeAll(async () => {
  c = await startApiOnly();
  c.registry.create(PODS, pod("running", "10.244.1.2"), CONTROLLER);
  c.registry.create(PODS, pod("pending", undefined), CONTROLLER);
  api = await startApiServer({ registry: c.registry, podProxy: createPodProxy(c.registry, new PodMetricsStore()), token: c.token, tls: c.tls });
  endpoint = { apiUrl: api.url, token: c.token, caCert: c.tls.cert };
});
afterAll(async () => {
  await api.close();
  await c.stop();
});

async function status(path: string): Promise<{ code: number; body: Record<string, unknown> }> {
  const res = await apiFetch(endpoint, path);
  return { code: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("pod proxy", () => {
  it("passes queue-proxy's answer through", async () => {
    const res = await apiFetch(endpoint, "/api/v1/namespaces/default/pods/running:9090/proxy/metrics");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/protobuf");
    expect(decodeQueueStat(new Uint8Array(await res.arrayBuffer())).podName).toBe("running");
  });

  it("answers a port nothing listens on with the dial error, as a 503 Status", async () => {
    // request-metrics-protocol none: queue-proxy does not listen on 9091.
    expect(await status("/api/v1/namespaces/default/pods/running:9091/proxy/metrics")).toEqual({
      code: 503,
      body: {
        kind: "Status",
        apiVersion: "v1",
        metadata: {},
        status: "Failure",
        message: "error trying to reach service: dial tcp 10.244.1.2:9091: connect: connection refused",
        reason: "ServiceUnavailable",
        code: 503,
      },
    });
  });

  it("without a port, dials the first port the pod's containers declare", async () => {
    expect((await status("/api/v1/namespaces/default/pods/running/proxy/")).body.message).toBe(
      "error trying to reach service: dial tcp 10.244.1.2:8080: connect: connection refused",
    );
  });

  it("refuses a pod without an IP with 400 address not allowed", async () => {
    expect(await status("/api/v1/namespaces/default/pods/pending:9090/proxy/metrics")).toMatchObject({
      code: 400,
      body: { reason: "BadRequest", message: "address not allowed" },
    });
  });

  it("answers 404 for a pod that does not exist", async () => {
    expect(await status("/api/v1/namespaces/default/pods/nope:9090/proxy/metrics")).toMatchObject({ code: 404, body: { message: 'pods "nope" not found' } });
  });
});
