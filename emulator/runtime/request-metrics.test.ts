import { describe, expect, it } from "vitest";
import { prometheusSamples } from "../../lib/knative/prometheus-samples";
import { writePrometheusText } from "./prometheus-text";
import { CARDINALITY_LIMIT, RequestMetrics, splitHostPort, type RequestRecord } from "./request-metrics";

const OTELHTTP = { otel_scope_name: "go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp", otel_scope_version: "0.69.0", otel_scope_schema_url: "" };
const QUEUE = { otel_scope_name: "knative.dev/serving/pkg/queue", otel_scope_version: "", otel_scope_schema_url: "" };

const request = (overrides: Partial<RequestRecord> = {}): RequestRecord => ({
  method: "GET",
  host: "hello.default.example.com",
  routeTag: "kn:disabled",
  status: 200,
  durationSeconds: 0.002,
  invocationSeconds: 0.001,
  requestBytes: 0,
  responseBytes: 13,
  ...overrides,
});

interface Histogram {
  labels: Record<string, string>;
  buckets: Record<string, number>;
  sum: number;
  count: number;
}

/** The exposition, and its samples parsed back. */
function parsed(metrics: RequestMetrics) {
  const text = writePrometheusText(metrics.families());
  return { text, samples: prometheusSamples(text) };
}

/** A histogram family's series, put together from its _bucket, _sum and _count lines. */
function histograms({ samples }: ReturnType<typeof parsed>, name: string): Histogram[] {
  const byLabels = new Map<string, Histogram>();
  const of = (labels: Record<string, string>) => {
    const key = JSON.stringify(labels);
    let h = byLabels.get(key);
    if (!h) byLabels.set(key, (h = { labels, buckets: {}, sum: NaN, count: NaN }));
    return h;
  };
  for (const s of samples) {
    if (s.name === `${name}_bucket`) {
      const { le, ...labels } = s.labels;
      of(labels).buckets[le!] = s.value;
    } else if (s.name === `${name}_sum`) of(s.labels).sum = s.value;
    else if (s.name === `${name}_count`) of(s.labels).count = s.value;
  }
  return [...byLabels.values()];
}

const familyNames = ({ text }: ReturnType<typeof parsed>) => [...text.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]);

describe("queue-proxy request metrics", () => {
  it("records otelhttp's http.server.* with its attributes, and kn.serving.invocation.duration by status", () => {
    const metrics = new RequestMetrics(false);
    metrics.record(request({ durationSeconds: 0.003, invocationSeconds: 0.002 }));
    metrics.record(request({ durationSeconds: 0.3, invocationSeconds: 0.25, responseBytes: 600 }));
    metrics.record(request({ status: 500, durationSeconds: 0.004, invocationSeconds: 0.003, responseBytes: 90 }));
    const families = parsed(metrics);

    expect(familyNames(families)).toEqual([
      "http_server_request_body_size_bytes",
      "http_server_request_duration_seconds",
      "http_server_response_body_size_bytes",
      "kn_serving_invocation_duration_seconds",
    ]);
    const attributes = { ...OTELHTTP, http_request_method: "GET", kn_route_tag: "kn:disabled", network_protocol_name: "http", network_protocol_version: "1.1", server_address: "hello.default.example.com", url_scheme: "http" };
    const [ok, failed] = histograms(families, "http_server_request_duration_seconds");
    expect(ok).toEqual({
      labels: { ...attributes, http_response_status_code: "200" },
      buckets: { "0.005": 1, "0.01": 1, "0.025": 1, "0.05": 1, "0.075": 1, "0.1": 1, "0.25": 1, "0.5": 2, "0.75": 2, "1": 2, "2.5": 2, "5": 2, "7.5": 2, "10": 2, "+Inf": 2 },
      sum: 0.303,
      count: 2,
    });
    expect(failed).toMatchObject({ labels: { ...attributes, http_response_status_code: "500" }, count: 1, sum: 0.004 });
    // The default buckets of the body sizes start at 0.
    expect(histograms(families, "http_server_response_body_size_bytes")[0]).toMatchObject({ buckets: { "0": 0, "10": 0, "25": 1, "750": 2 }, sum: 613 });
    expect(histograms(families, "http_server_request_body_size_bytes")[0]).toMatchObject({ buckets: { "0": 2 }, sum: 0 });
    const invocation = histograms(families, "kn_serving_invocation_duration_seconds");
    expect(invocation.map((m) => [m.labels, m.count, m.sum])).toEqual([
      [{ ...QUEUE, http_response_status_code: "200" }, 2, 0.252],
      [{ ...QUEUE, http_response_status_code: "500" }, 1, 0.003],
    ]);
  });

  it("is cumulative: a series only grows", () => {
    const metrics = new RequestMetrics(false);
    const counts: number[] = [];
    for (let i = 0; i < 5; i++) {
      metrics.record(request());
      counts.push(histograms(parsed(metrics), "http_server_request_duration_seconds")[0]!.count);
    }
    expect(counts).toEqual([1, 2, 3, 4, 5]);
  });

  it("keys series on method (standardised), status, route tag, Host and its port", () => {
    const metrics = new RequestMetrics(false);
    metrics.record(request({ method: "post" }));
    metrics.record(request({ method: "BREW" }));
    metrics.record(request({ routeTag: "candidate", host: "candidate-hello.default.example.com" }));
    metrics.record(request({ host: "hello.default.example.com:8080" }));
    metrics.record(request({ host: "hello.default.example.com:80" }));
    const series = histograms(parsed(metrics), "http_server_request_duration_seconds").map((m) => m.labels!);
    expect(series.map((l) => [l.http_request_method, l.kn_route_tag, l.server_address, l.server_port, Number(l.http_response_status_code)])).toEqual([
      // Go's sort: label values in label-name order; fewer labels (no server_port) first.
      ["GET", "candidate", "candidate-hello.default.example.com", undefined, 200],
      ["GET", "kn:disabled", "hello.default.example.com", undefined, 200],
      ["POST", "kn:disabled", "hello.default.example.com", undefined, 200],
      ["_OTHER", "kn:disabled", "hello.default.example.com", undefined, 200],
      ["GET", "kn:disabled", "hello.default.example.com", "8080", 200],
    ]);
    // Host :80 is the default port: the same series as no port.
    expect(series[1]).toBeDefined();
  });

  it(`folds attribute sets past ${CARDINALITY_LIMIT - 1} into one otel_metric_overflow series, as the SDK does`, () => {
    const metrics = new RequestMetrics(false);
    for (let i = 0; i < CARDINALITY_LIMIT + 10; i++) metrics.record(request({ host: `h${i}.default.example.com` }));
    // The families themselves: 2,000 series of 17 lines would take the parser seconds.
    const duration = metrics.families().find((f) => f.name === "http_server_request_duration_seconds")!;
    if (duration.type !== "histogram") throw new Error("not a histogram");
    expect(duration.metrics).toHaveLength(CARDINALITY_LIMIT);
    const overflow = duration.metrics.filter((m) => m.labels.otel_metric_overflow === "true");
    expect(overflow.map((m) => [m.labels, m.count])).toEqual([[{ ...OTELHTTP, otel_metric_overflow: "true" }, 11]]);
    expect(duration.metrics.reduce((sum, m) => sum + m.count, 0)).toBe(CARDINALITY_LIMIT + 10);
    // A set seen before the limit keeps its own series.
    metrics.record(request({ host: "h0.default.example.com" }));
    const again = metrics.families().find((f) => f.name === "http_server_request_duration_seconds")!.metrics;
    expect(again.find((m) => m.labels.server_address === "h0.default.example.com")).toMatchObject({ count: 2 });
  });

  it("reports kn.serving.queue.depth only with a breaker (containerConcurrency > 0)", () => {
    const without = new RequestMetrics(false);
    without.arrived(3);
    expect(parsed(without).text).toBe("");
    const withBreaker = new RequestMetrics(true);
    expect(parsed(withBreaker).text).toBe(""); // no data yet, no family
    withBreaker.arrived(3);
    withBreaker.arrived(2);
    const { text, samples } = parsed(withBreaker);
    expect(text).toContain("# HELP kn_serving_queue_depth Number of current requests in the queue\n# TYPE kn_serving_queue_depth gauge\n");
    expect(samples).toEqual([{ name: "kn_serving_queue_depth", labels: QUEUE, value: 2 }]);
  });

  it("has no families before the first request (the SDK exports only what has data)", () => {
    expect(writePrometheusText(new RequestMetrics(true).families())).toBe("");
  });
});

describe("splitHostPort, as otelhttp's", () => {
  it.each<[string, [string, number]]>([
    ["hello.default.example.com", ["hello.default.example.com", -1]],
    ["Hello.Default.example.com:8080", ["Hello.Default.example.com", 8080]],
    ["hello:", ["hello", -1]],
    ["hello:http", ["hello", -1]],
    ["hello:70000", ["hello", -1]],
    ["a:b:80", ["", -1]],
    ["[::1]:8443", ["::1", 8443]],
    ["[::1]", ["::1", -1]],
    ["[::1", ["", -1]],
    ["[::1]x:80", ["", -1]],
  ])("%s", (hostport, expected) => {
    expect(splitHostPort(hostport)).toEqual(expected);
  });
});
