// What queue-proxy answers on its request-metrics port (9091 unless the config says otherwise)
// with `request-metrics-protocol: prometheus`: knative/pkg observability/metrics/prometheus
// server.go serves `GET /metrics` with promhttp, over the OTel Prometheus exporter
// (go.opentelemetry.io/otel/exporters/prometheus v0.66.0, UnderscoreEscapingWithSuffixes):
//
//   - the request metrics (./request-metrics.ts), each series labelled with its scope;
//   - `target_info`, the OTel resource queue-proxy builds (knative/serving
//     pkg/queue/sharedmain/otel.go res(), merged over the SDK's resource.Default()): the revision's
//     identity is only here, not on the series.
//
// Left out: the Go runtime and process metrics the default Prometheus registry adds (go_*,
// process_*, promhttp_*), which describe a Go process the embedded cluster does not run.

import { QUEUE_PROXY_CONTAINER_NAME, queueProxyEnv } from "../../lib/knative/queue-proxy";
import type { Container, KubeObject } from "../../lib/knative/types";
import { writePrometheusText, type MetricFamily } from "./prometheus-text";
import type { RequestMetrics } from "./request-metrics";

/** The OTel Go SDK of Knative Serving v1.23 (go.mod: go.opentelemetry.io/otel/sdk v1.44.0). */
const OTEL_SDK_VERSION = "1.44.0";
/**
 * knative.dev/pkg changeset.Get(): the first 7 digits of the build's VCS revision, here the
 * commit tagged knative-v1.23.0.
 */
export const QUEUE_PROXY_SERVICE_VERSION = "7ed4aa2";

type Pod = KubeObject & { spec?: { containers?: Container[] } };

/** The exposition for one pod. */
export function userMetricsText(pod: Pod, metrics: RequestMetrics | undefined): string {
  const families: MetricFamily[] = metrics ? metrics.families() : [];
  families.push({ name: "target_info", help: "Target metadata", type: "gauge", metrics: [{ labels: targetInfoLabels(pod), value: 1 }] });
  return writePrometheusText(families);
}

/** otel.go res(), with the exporter's dots-to-underscores label names. */
export function targetInfoLabels(pod: Pod): Record<string, string> {
  const env = queueProxyEnv(pod);
  const podName = pod.metadata.name ?? "";
  const labels: Record<string, string> = {
    // resource.Default(): service.name is overridden below.
    telemetry_sdk_language: "go",
    telemetry_sdk_name: "opentelemetry",
    telemetry_sdk_version: OTEL_SDK_VERSION,
    // semconv.K8SContainerName is ContainerName: the key is container.name.
    container_name: QUEUE_PROXY_CONTAINER_NAME,
    k8s_namespace_name: env.SERVING_NAMESPACE ?? "",
    k8s_pod_name: podName,
    service_version: QUEUE_PROXY_SERVICE_VERSION,
    service_name: env.OTEL_SERVICE_NAME || env.SERVING_SERVICE || env.SERVING_CONFIGURATION || env.SERVING_REVISION || podName,
    service_instance_id: podName,
  };
  if (env.SERVING_SERVICE) labels.kn_service_name = env.SERVING_SERVICE;
  if (env.SERVING_CONFIGURATION) labels.kn_configuration_name = env.SERVING_CONFIGURATION;
  if (env.SERVING_REVISION) labels.kn_revision_name = env.SERVING_REVISION;
  return labels;
}
