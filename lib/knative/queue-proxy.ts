// queue-proxy, the sidecar Knative adds to every Revision pod: its container name and ports
// (serving: pkg/reconciler/revision/resources/queue.go, pkg/networking/constants.go). The
// webhook reserves them (pkg/apis/serving/k8s_validation.go); the embedded cluster's pods use them.

import type { Container } from "./types";

/** The sidecar's container name, which user containers may not take. */
export const QUEUE_PROXY_CONTAINER_NAME = "queue-proxy";
/** BackendHTTPPort: where the ingress sends HTTP/1 requests. */
export const QUEUE_HTTP_PORT = 8012;
/** BackendHTTP2Port. */
export const QUEUE_HTTP2_PORT = 8013;
/** QueueAdminPort: health checks and lifecycle hooks. */
export const QUEUE_ADMIN_PORT = 8022;
/** AutoscalingQueueMetricsPort: the `Stat` the autoscaler scrapes. */
export const QUEUE_AUTOSCALING_METRICS_PORT = 9090;
/** UserQueueMetricsPort: request metrics for users. */
export const QUEUE_USER_METRICS_PORT = 9091;
/** knative.dev/pkg profiling.ProfilingPort. */
export const PROFILING_PORT = 8008;

/**
 * The literal `value`s of the queue-proxy container's env in a pod (entries with `valueFrom`,
 * such as SERVING_POD, are the pod's own fields and left out); empty without the sidecar.
 */
export function queueProxyEnv(pod: { spec?: { containers?: Container[] } }): Record<string, string> {
  const container = pod.spec?.containers?.find((c) => c.name === QUEUE_PROXY_CONTAINER_NAME);
  const env: Record<string, string> = {};
  for (const variable of container?.env ?? []) if (variable.value !== undefined) env[variable.name] = variable.value;
  return env;
}
