// One pod's queue-proxy statistics, read through the API server's pod proxy:
//   GET /api/v1/namespaces/{ns}/pods/{pod}:9090/proxy/metrics   protobuf Stat (every Knative ≥ 1.6)
//   GET /api/v1/namespaces/{ns}/pods/{pod}:9091/proxy/metrics   request counters, when enabled
// The port is always numeric: the pod proxy does not resolve port names, and without a port it
// would reach the user container (kubernetes pkg/registry/core/pod/strategy.go ResourceLocation).

import type { KubeConfig } from "@kubernetes/client-node";
import { QUEUE_AUTOSCALING_METRICS_PORT, QUEUE_PROXY_CONTAINER_NAME, QUEUE_USER_METRICS_PORT } from "@/lib/knative/queue-proxy";
import { decodeQueueStat, PROTOBUF_CONTENT_TYPE, type QueueStat } from "@/lib/knative/queue-stat";
import type { MetricsProblem } from "@/lib/metrics/types";
import { isKubeStatus } from "@/lib/queries/status";
import { rawGet, type RawResponse } from "../raw-get";
import { parseRequestCounters, type CounterReading } from "./request-counters";

/** Time one pod read may take; the poller reads every second. */
export const POD_READ_TIMEOUT_MS = 800;

export type PodRead<T> = { ok: true; value: T } | { ok: false; problem: MetricsProblem };

export function podProxyPath(namespace: string, pod: string, port: number): string {
  return `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}:${port}/proxy/metrics`;
}

export async function readQueueStat(kc: KubeConfig, namespace: string, pod: string): Promise<PodRead<QueueStat>> {
  const answer = await read(kc, namespace, pod, QUEUE_AUTOSCALING_METRICS_PORT, PROTOBUF_CONTENT_TYPE);
  if (!answer.ok) return answer;
  try {
    return { ok: true, value: decodeQueueStat(answer.value.body) };
  } catch (err) {
    return { ok: false, problem: { kind: "error", message: `Pod ${pod} answered port 9090 with something that is not a queue-proxy Stat: ${(err as Error).message}`, fix: "Check that the pod runs Knative's queue-proxy." } };
  }
}

/** Undefined value: the pod answered, but with none of Knative's request metrics. */
export async function readRequestCounters(kc: KubeConfig, namespace: string, pod: string): Promise<PodRead<CounterReading | undefined>> {
  const answer = await read(kc, namespace, pod, QUEUE_USER_METRICS_PORT, "text/plain");
  if (!answer.ok) return answer;
  return { ok: true, value: parseRequestCounters(answer.value.body.toString("utf8")) };
}

async function read(kc: KubeConfig, namespace: string, pod: string, port: number, accept: string): Promise<PodRead<RawResponse>> {
  let answer: RawResponse;
  try {
    answer = await rawGet(kc, podProxyPath(namespace, pod, port), { accept, timeoutMs: POD_READ_TIMEOUT_MS, maxBytes: 512 * 1024 });
  } catch (err) {
    return { ok: false, problem: unreachable(`The console could not read pod ${pod} port ${port}: ${describe(err)}.`) };
  }
  if (answer.status === 200) return { ok: true, value: answer };
  const message = statusMessage(answer) ?? `HTTP ${answer.status}`;
  if (answer.status === 401 || answer.status === 403) {
    return {
      ok: false,
      problem: { kind: "forbidden", message, fix: `Grant the console's identity "get" on "pods/proxy" in namespace "${namespace}".` },
    };
  }
  if (answer.status >= 500) return { ok: false, problem: unreachable(`The API server could not reach pod ${pod} on port ${port}: ${message}`) };
  return { ok: false, problem: { kind: "error", message: `Pod ${pod} port ${port}: ${message}`, fix: "Check that the pod runs Knative's queue-proxy." } };
}

function unreachable(message: string): MetricsProblem {
  return {
    kind: "unreachable",
    message,
    fix: "The API server must reach pod IPs on ports 9090 and 9091: allow the control plane to reach the nodes (private clusters block it by default), and exempt those ports from mesh mTLS.",
  };
}

function statusMessage(answer: RawResponse): string | undefined {
  if (!answer.contentType.includes("json")) {
    const text = answer.body.toString("utf8").trim();
    return text ? text.slice(0, 300) : undefined;
  }
  try {
    const parsed: unknown = JSON.parse(answer.body.toString("utf8"));
    return isKubeStatus(parsed) ? parsed.message : undefined;
  } catch {
    return undefined;
  }
}

function describe(err: unknown): string {
  const code = (err as { code?: string })?.code;
  if (code === "ETIMEDOUT") return `no answer within ${POD_READ_TIMEOUT_MS} ms`;
  if (code === "ECONNREFUSED") return "connection refused";
  return code ?? "the request failed";
}

/**
 * Whether the pod's queue-proxy serves request metrics on 9091, from its environment, as
 * Knative's revision reconciler sets it (pkg/reconciler/revision/resources/queue.go):
 * `OBSERVABILITY_CONFIG` (≥ 1.19, JSON with requestMetrics.protocol) or
 * `SERVING_REQUEST_METRICS_BACKEND` (≤ 1.18). Undefined when the pod says neither.
 */
export function requestMetricsEnabled(pod: { spec?: { containers?: Array<{ name: string; env?: Array<{ name: string; value?: string }> }> } }): boolean | undefined {
  const env = pod.spec?.containers?.find((c) => c.name === QUEUE_PROXY_CONTAINER_NAME)?.env ?? [];
  const value = (name: string) => env.find((e) => e.name === name)?.value;
  const observability = value("OBSERVABILITY_CONFIG");
  if (observability !== undefined) {
    try {
      const parsed = JSON.parse(observability) as { requestMetrics?: { protocol?: string; endpoint?: string } };
      const endpoint = parsed.requestMetrics?.endpoint ?? "";
      // A custom endpoint can move the listener away from 9091 (pkg/queue/sharedmain/otel.go).
      return parsed.requestMetrics?.protocol === "prometheus" && (endpoint === "" || endpoint.endsWith(`:${QUEUE_USER_METRICS_PORT}`));
    } catch {
      return false;
    }
  }
  const backend = value("SERVING_REQUEST_METRICS_BACKEND");
  if (backend !== undefined) return backend === "prometheus";
  return undefined;
}
