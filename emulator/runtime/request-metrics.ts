// One queue-proxy's request metrics, as Knative Serving v1.23 records them with OpenTelemetry and
// its Prometheus exporter shows them on port 9091 (knative/serving pkg/queue/sharedmain/handlers.go,
// pkg/queue/request_metric.go, pkg/queue/routetag_handler.go; otelhttp v0.69.0
// internal/semconv/server.go; OTel Go SDK v1.44.0):
//
//   http.server.request.duration   otelhttp around queue-proxy's whole handler; seconds
//   http.server.request.body.size  otelhttp; bytes
//   http.server.response.body.size otelhttp; bytes
//     attributes: http.request.method, http.response.status_code, url.scheme, server.address,
//     server.port (a Host port other than 80), network.protocol.name/version, and kn.route.tag
//   kn.serving.invocation.duration around the call to the user container; seconds;
//     attribute http.response.status_code
//   kn.serving.queue.depth         requests in the breaker when one arrives; only with
//     containerConcurrency > 0 (queue-proxy has a breaker then)
//
// Cumulative for the life of the pod (the exporter's temporality), bounded as the SDK bounds
// them: at most 2,000 series per instrument, the 2,000th and later attribute sets folded into
// one series with only `otel.metric.overflow=true` (sdk/metric internal/aggregate/limit.go). A
// request costs a string key and a map lookup.

import type { HistogramMetric, Labels, MetricFamily } from "./prometheus-text";

/** otelhttp internal/semconv server.go and request_metric.go latencyBounds. */
export const DURATION_BOUNDS: readonly number[] = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];
/** The SDK's default explicit buckets, which the body-size histograms get (sdk/metric aggregation.go). */
export const SIZE_BOUNDS: readonly number[] = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];
/** sdk/metric config.go defaultCardinalityLimit. */
export const CARDINALITY_LIMIT = 2000;

const OTELHTTP_SCOPE: Labels = {
  otel_scope_name: "go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp",
  otel_scope_version: "0.69.0",
  otel_scope_schema_url: "",
};
const QUEUE_SCOPE: Labels = { otel_scope_name: "knative.dev/serving/pkg/queue", otel_scope_version: "", otel_scope_schema_url: "" };
/** The SDK's overflow set: `otel.metric.overflow=true` and nothing else but the scope. */
const overflow = (scope: Labels): Labels => ({ ...scope, otel_metric_overflow: "true" });

/** What the gateway saw of one request served by this pod. */
export interface RequestRecord {
  /** As the client sent it. */
  method: string;
  /** The Host header as the client sent it. */
  host: string;
  routeTag: string;
  status: number;
  /** From queue-proxy receiving the request to its answer being written. */
  durationSeconds: number;
  /** The user container's part of it. */
  invocationSeconds: number;
  requestBytes: number;
  responseBytes: number;
}

class Histogram {
  readonly bucketCounts: Float64Array;
  sum = 0;
  count = 0;

  constructor(readonly bounds: readonly number[]) {
    this.bucketCounts = new Float64Array(bounds.length + 1);
  }

  /** Explicit buckets are upper-inclusive: (previous bound, bound]. */
  observe(value: number): void {
    let i = 0;
    while (i < this.bounds.length && value > this.bounds[i]!) i++;
    this.bucketCounts[i]! += 1;
    this.sum += value;
    this.count++;
  }

  metric(labels: Labels): HistogramMetric {
    return { labels, bounds: this.bounds, bucketCounts: this.bucketCounts, sum: this.sum, count: this.count };
  }
}

interface ServerSeries {
  labels: Labels;
  duration: Histogram;
  requestSize: Histogram;
  responseSize: Histogram;
}

/** The series of one instrument, keyed by attribute set, capped as the SDK caps them. */
class SeriesMap<S> {
  private readonly series = new Map<string, S>();
  private overflow: S | undefined;

  constructor(
    private readonly make: (labels: Labels) => S,
    private readonly overflowLabels: Labels,
  ) {}

  get(key: string, labels: () => Labels): S {
    const existing = this.series.get(key);
    if (existing) return existing;
    // limiter.Attributes: a new set once the map holds limit − 1 goes to the overflow set.
    if (this.series.size >= CARDINALITY_LIMIT - 1) return (this.overflow ??= this.make(this.overflowLabels));
    const created = this.make(labels());
    this.series.set(key, created);
    return created;
  }

  all(): S[] {
    return this.overflow ? [...this.series.values(), this.overflow] : [...this.series.values()];
  }
}

export class RequestMetrics {
  private readonly server = new SeriesMap<ServerSeries>(
    (labels) => ({ labels, duration: new Histogram(DURATION_BOUNDS), requestSize: new Histogram(SIZE_BOUNDS), responseSize: new Histogram(SIZE_BOUNDS) }),
    overflow(OTELHTTP_SCOPE),
  );
  private readonly invocation = new SeriesMap<{ labels: Labels; histogram: Histogram }>(
    (labels) => ({ labels, histogram: new Histogram(DURATION_BOUNDS) }),
    overflow(QUEUE_SCOPE),
  );
  private queueDepth: number | undefined;

  /** @param hasBreaker whether the revision has containerConcurrency > 0 */
  constructor(private readonly hasBreaker: boolean) {}

  /** A request entered queue-proxy; `inFlight` counts it (Breaker.InFlight). */
  arrived(inFlight: number): void {
    if (this.hasBreaker) this.queueDepth = inFlight;
  }

  record(r: RequestRecord): void {
    const method = standardMethod(r.method);
    const [address, port] = splitHostPort(r.host);
    const server = this.server.get(`${method} ${r.status} ${port} ${r.routeTag}\n${address}`, () => serverLabels(method, r.status, address, port, r.routeTag));
    server.duration.observe(r.durationSeconds);
    server.requestSize.observe(r.requestBytes);
    server.responseSize.observe(r.responseBytes);
    this.invocation.get(String(r.status), () => ({ ...QUEUE_SCOPE, http_response_status_code: String(r.status) })).histogram.observe(r.invocationSeconds);
  }

  families(): MetricFamily[] {
    const server = this.server.all();
    const families: MetricFamily[] = [
      histogramFamily("http_server_request_duration_seconds", "Duration of HTTP server requests.", server.map((s) => s.duration.metric(s.labels))),
      histogramFamily("http_server_request_body_size_bytes", "Size of HTTP server request bodies.", server.map((s) => s.requestSize.metric(s.labels))),
      histogramFamily("http_server_response_body_size_bytes", "Size of HTTP server response bodies.", server.map((s) => s.responseSize.metric(s.labels))),
      histogramFamily("kn_serving_invocation_duration_seconds", "The duration of task execution", this.invocation.all().map((s) => s.histogram.metric(s.labels))),
    ];
    if (this.queueDepth !== undefined) {
      families.push({ name: "kn_serving_queue_depth", help: "Number of current requests in the queue", type: "gauge", metrics: [{ labels: QUEUE_SCOPE, value: this.queueDepth }] });
    }
    return families;
  }
}

const histogramFamily = (name: string, help: string, metrics: HistogramMetric[]): MetricFamily => ({ name, help, type: "histogram", metrics });

/** Every series carries its scope's labels. */
function serverLabels(method: string, status: number, address: string, port: number, routeTag: string): Labels {
  const labels: Record<string, string> = {
    ...OTELHTTP_SCOPE,
    http_request_method: method,
    http_response_status_code: String(status),
    kn_route_tag: routeTag,
    network_protocol_name: "http",
    // Kourier and the activator reach queue-proxy over HTTP/1.1, whatever the client spoke.
    network_protocol_version: "1.1",
    server_address: address,
    url_scheme: "http",
  };
  if (port > 0 && port !== 80) labels.server_port = String(port);
  return labels;
}

const METHODS = new Set(["CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE"]);

/** otelhttp standardizeHTTPMethod. */
function standardMethod(method: string): string {
  const upper = method.toUpperCase();
  return METHODS.has(upper) ? upper : "_OTHER";
}

/** otelhttp internal/semconv SplitHostPort: the host, and the port or -1. */
export function splitHostPort(hostport: string): [string, number] {
  let host = hostport;
  let portText: string | undefined;
  if (hostport.startsWith("[")) {
    const end = hostport.lastIndexOf("]");
    if (end < 0) return ["", -1];
    host = hostport.slice(1, end);
    const rest = hostport.slice(end + 1);
    if (!rest.includes(":")) return [host, -1];
    if (!rest.startsWith(":")) return ["", -1]; // net.SplitHostPort: missing port in address
    portText = rest.slice(1);
  } else {
    const colon = hostport.lastIndexOf(":");
    if (colon < 0) return [hostport, -1];
    host = hostport.slice(0, colon);
    if (host.includes(":")) return ["", -1]; // net.SplitHostPort: too many colons
    portText = hostport.slice(colon + 1);
  }
  // strconv.ParseUint(p, 10, 16)
  const port = /^\d+$/.test(portText) ? Number(portText) : NaN;
  return port <= 65535 ? [host, port] : [host, -1];
}
