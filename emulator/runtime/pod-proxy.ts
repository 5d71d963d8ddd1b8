// What the pods of the embedded cluster answer through the API server's pod proxy
// (`/api/v1/namespaces/{ns}/pods/{pod}:{port}/proxy/{path}`): queue-proxy's two metrics
// servers, with the numbers the gateway recorded for that pod (./pod-metrics.ts).
//
//   9090 `metrics`  the autoscaler's protobuf `Stat` (knative/serving
//                   pkg/autoscaler/metrics/stat.proto, pkg/queue/stats_handler.go), whatever the
//                   Accept header says: the pod's requests of the last full second (req/s), its
//                   time-weighted concurrency over that second, pod_name, and process_uptime
//                   (since the pod's status.startTime, else its creation)
//   9091 `metrics`  the OpenTelemetry request metrics as Prometheus text (./user-metrics.ts), on
//                   the port the pod's queue-proxy env says (lib/knative/observability-config.ts
//                   requestMetricsPort) and only then
//
// Other paths on these ports get Go's `404 page not found`. Other ports, ports nobody listens on,
// pods without a revision label and unknown pods get `undefined`: nothing listens there, and the
// API server answers as kube-apiserver does when it cannot connect.

import { LABEL_REVISION } from "../../lib/knative/labels";
import { podRequestMetricsPort } from "../../lib/knative/observability-config";
import { QUEUE_AUTOSCALING_METRICS_PORT } from "../../lib/knative/queue-proxy";
import { encodeQueueStat, PROTOBUF_CONTENT_TYPE } from "../../lib/knative/queue-stat";
import type { Container, KubeObject } from "../../lib/knative/types";
import type { Registry } from "../core/registry";
import { PODS } from "../core/resources";
import type { PodProxy, ProxyResponse } from "../core/runtime";
import type { PodMetricsStore } from "./pod-metrics";
import { PROMETHEUS_TEXT_CONTENT_TYPE } from "./prometheus-text";
import { userMetricsText } from "./user-metrics";

interface PodStatus {
  startTime?: string;
}
type Pod = KubeObject & { spec?: { containers?: Container[] }; status?: PodStatus };

export interface PodProxyOptions {
  /** The clock, injectable for tests. Defaults to Date.now. */
  now?: () => number;
}

export function createPodProxy(registry: Registry, metrics: PodMetricsStore, opts: PodProxyOptions = {}): PodProxy {
  const now = opts.now ?? Date.now;

  return (namespace, podName, port, path) => {
    const pod = registry.get<Pod>(PODS, namespace, podName);
    if (!pod?.metadata.labels?.[LABEL_REVISION]) return undefined;
    const isMetrics = path.replace(/^\/+/, "").split("?")[0] === "metrics";

    if (port === QUEUE_AUTOSCALING_METRICS_PORT) {
      if (!isMetrics) return notFound();
      const last = metrics.lastSecond(namespace, podName);
      const body = encodeQueueStat({
        podName,
        requestCount: last.requestCount,
        averageConcurrentRequests: last.averageConcurrency,
        processUptime: uptimeSeconds(pod, now()),
      });
      return { status: 200, contentType: PROTOBUF_CONTENT_TYPE, body };
    }
    if (port === podRequestMetricsPort(pod)) {
      if (!isMetrics) return notFound();
      const text = userMetricsText(pod, metrics.requestMetrics(namespace, podName));
      return { status: 200, contentType: PROMETHEUS_TEXT_CONTENT_TYPE, body: new TextEncoder().encode(text) };
    }
    return undefined;
  };
}

function uptimeSeconds(pod: Pod, nowMs: number): number {
  const started = Date.parse(pod.status?.startTime ?? pod.metadata.creationTimestamp ?? "");
  return Number.isFinite(started) ? Math.max(0, (nowMs - started) / 1000) : 0;
}

/** What Go's http.NotFound writes, as queue-proxy's metrics muxes do for any other path. */
function notFound(): ProxyResponse {
  return { status: 404, contentType: "text/plain; charset=utf-8", body: new TextEncoder().encode("404 page not found\n") };
}
