// What the pods of the embedded cluster answer through the API server's pod proxy
// (`/api/v1/namespaces/{ns}/pods/{pod}:{port}/proxy/{path}`). Only queue-proxy's autoscaler
// endpoint exists: port 9090, path `metrics`, a protobuf `Stat` (knative/serving pkg/autoscaler/metrics/stat.proto, served by
// pkg/queue/stats_handler.go):
//
//   request_count                the revision's requests in the last full second, ÷ its ready pods
//   average_concurrent_requests  the revision's time-weighted concurrency over that second, ÷ ready pods
//   process_uptime               seconds since the pod's status.startTime (else its creation)
//   pod_name                     the pod
//
// The embedded gateway counts per revision, not per pod, so the revision's numbers are split
// evenly over its ready pods; summed over the pods they are exact, which is what a reader of
// this endpoint computes. A pod that is not ready receives no traffic and reports zeros.
// Other paths on 9090 get Go's `404 page not found`; other ports, pods without a revision label
// and unknown pods get `undefined` (nothing listens there).

import type { KubeObject } from "../../lib/knative/types";
import { LABEL_REVISION } from "../../lib/knative/labels";
import { QUEUE_AUTOSCALING_METRICS_PORT } from "../../lib/knative/queue-proxy";
import { encodeQueueStat, PROTOBUF_CONTENT_TYPE } from "../../lib/knative/queue-stat";
import type { Registry } from "../core/registry";
import type { PodProxy, ProxyResponse, TrafficStats } from "../core/runtime";
import { PODS } from "../core/resources";


interface PodStatus {
  phase?: string;
  startTime?: string;
  conditions?: Array<{ type: string; status: string }>;
}
type Pod = KubeObject & { status?: PodStatus };

export interface PodProxyOptions {
  /** The clock, injectable for tests. Defaults to Date.now. */
  now?: () => number;
}

export function createPodProxy(registry: Registry, stats: TrafficStats, opts: PodProxyOptions = {}): PodProxy {
  const now = opts.now ?? Date.now;

  return (namespace, podName, port, path) => {
    if (port !== QUEUE_AUTOSCALING_METRICS_PORT) return undefined;
    const pod = registry.get<Pod>(PODS, namespace, podName);
    const revision = pod?.metadata.labels?.[LABEL_REVISION];
    if (!pod || !revision) return undefined;
    if (path.replace(/^\/+/, "").split("?")[0] !== "metrics") return notFound();

    let requestCount = 0;
    let averageConcurrentRequests = 0;
    if (isReady(pod)) {
      const readyPods = registry.list<Pod>(PODS, namespace, { [LABEL_REVISION]: revision }).filter(isReady).length || 1;
      const last = stats.lastSecond(namespace, revision);
      requestCount = last.requestCount / readyPods;
      averageConcurrentRequests = last.averageConcurrency / readyPods;
    }
    const body = encodeQueueStat({
      podName,
      requestCount,
      averageConcurrentRequests,
      processUptime: uptimeSeconds(pod, now()),
    });
    return { status: 200, contentType: PROTOBUF_CONTENT_TYPE, body };
  };
}

function isReady(pod: Pod): boolean {
  if (pod.metadata.deletionTimestamp) return false;
  if (pod.status?.phase && pod.status.phase !== "Running") return false;
  return pod.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false;
}

function uptimeSeconds(pod: Pod, nowMs: number): number {
  const started = Date.parse(pod.status?.startTime ?? pod.metadata.creationTimestamp ?? "");
  return Number.isFinite(started) ? Math.max(0, (nowMs - started) / 1000) : 0;
}

/** What Go's http.NotFound writes, as queue-proxy's metrics mux does for any other path. */
function notFound(): ProxyResponse {
  return { status: 404, contentType: "text/plain; charset=utf-8", body: new TextEncoder().encode("404 page not found\n") };
}
