import { describe, expect, it } from "vitest";
import { addCounterDelta, emptyCounts, parseRequestCounters } from "./request-counters";

// The shape Knative 1.23's queue-proxy serves on 9091 with request-metrics-protocol: prometheus
// (otelhttp's http.server.request.duration; attributes as pkg/queue/sharedmain/handlers.go sets them).
function otel(ok: number, failed: number, tagged = 0): string {
  const series = (code: number, host: string, n: number, fast: number) =>
    [
      `http_server_request_duration_seconds_bucket{http_request_method="GET",http_response_status_code="${code}",kn_route_tag="kn:disabled",server_address="${host}",url_scheme="http",le="0.005"} ${fast}`,
      `http_server_request_duration_seconds_bucket{http_request_method="GET",http_response_status_code="${code}",kn_route_tag="kn:disabled",server_address="${host}",url_scheme="http",le="0.1"} ${n}`,
      `http_server_request_duration_seconds_bucket{http_request_method="GET",http_response_status_code="${code}",kn_route_tag="kn:disabled",server_address="${host}",url_scheme="http",le="+Inf"} ${n}`,
      `http_server_request_duration_seconds_sum{http_request_method="GET",http_response_status_code="${code}",kn_route_tag="kn:disabled",server_address="${host}",url_scheme="http"} ${n * 0.01}`,
      `http_server_request_duration_seconds_count{http_request_method="GET",http_response_status_code="${code}",kn_route_tag="kn:disabled",server_address="${host}",url_scheme="http"} ${n}`,
    ].join("\n");
  return [
    "# HELP http_server_request_duration_seconds Duration of HTTP server requests.",
    "# TYPE http_server_request_duration_seconds histogram",
    series(200, "hello.default.example.com", ok, Math.floor(ok / 2)),
    series(500, "hello.default.example.com", failed, 0),
    series(200, "canary-hello.default.example.com", tagged, 0),
    "# HELP target_info Target metadata",
    "# TYPE target_info gauge",
    'target_info{kn_revision_name="hello-00001"} 1',
    "",
  ].join("\n");
}

const isTag = (host: string) => host.startsWith("canary-");

describe("parseRequestCounters", () => {
  it("reads OpenTelemetry's duration histogram per status and host", () => {
    const reading = parseRequestCounters(otel(10, 2))!;
    const series = [...reading.values()];
    expect(series.map((s) => [s.statusCode, s.host, s.count])).toContainEqual([200, "hello.default.example.com", 10]);
    expect(series.find((s) => s.statusCode === 200 && !isTag(s.host))).toMatchObject({ bounds: [0.005, 0.1], cumulative: [5, 10, 10] });
  });

  it("reads OpenCensus' latencies in milliseconds (Knative ≤ 1.18)", () => {
    const text = [
      "# TYPE revision_request_latencies histogram",
      'revision_request_latencies_bucket{response_code="200",response_code_class="2xx",le="5"} 3',
      'revision_request_latencies_bucket{response_code="200",response_code_class="2xx",le="+Inf"} 4',
      'revision_request_latencies_sum{response_code="200",response_code_class="2xx"} 40',
      'revision_request_latencies_count{response_code="200",response_code_class="2xx"} 4',
    ].join("\n");
    expect([...parseRequestCounters(text)!.values()]).toEqual([{ statusCode: 200, host: "", count: 4, bounds: [0.005], cumulative: [3, 4] }]);
  });

  it("is undefined for an answer without Knative's request metrics", () => {
    expect(parseRequestCounters("# TYPE go_goroutines gauge\ngo_goroutines 12\n")).toBeUndefined();
  });

  it("is empty, not undefined, for queue-proxy's answer before the pod's first request", () => {
    const beforeFirstRequest = ["# HELP target_info Target metadata", "# TYPE target_info gauge", 'target_info{kn_revision_name="hello-00001",service_name="hello"} 1', ""].join("\n");
    expect(parseRequestCounters(beforeFirstRequest)?.size).toBe(0);
  });
});

describe("addCounterDelta", () => {
  it("adds what happened between two reads, by class, with tag traffic noted", () => {
    const into = emptyCounts();
    addCounterDelta(into, parseRequestCounters(otel(10, 2, 1)), parseRequestCounters(otel(16, 3, 4))!, isTag);
    expect(into).toMatchObject({ total: 10, byClass: { "2xx": 9, "5xx": 1 }, viaTag: 3 });
    // 16 → 8 fast (+3 since 5), the rest up to 0.1 s; the 500s and tagged ones were slow.
    expect(into.latency).toEqual({ bounds: [0.005, 0.1], counts: [3, 7, 0] });
  });

  it("takes a counter that went down as reset: all of it is new", () => {
    const into = emptyCounts();
    addCounterDelta(into, parseRequestCounters(otel(100, 0)), parseRequestCounters(otel(4, 0))!, isTag);
    expect(into.total).toBe(4);
  });

  it("counts everything of a first read when asked (a new pod)", () => {
    const into = emptyCounts();
    addCounterDelta(into, undefined, parseRequestCounters(otel(3, 1))!, isTag);
    expect(into).toMatchObject({ total: 4, byClass: { "2xx": 3, "5xx": 1 } });
  });
});
