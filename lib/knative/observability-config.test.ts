import { describe, expect, it } from "vitest";
import {
  DEFAULT_REQUEST_LOG_TEMPLATE,
  defaultObservabilityConfig,
  goDurationString,
  ObservabilityConfigError,
  observabilityConfigJson,
  parseObservabilityConfig,
  requestMetricsPort,
  type ObservabilityConfig,
} from "./observability-config";

/** The Go zero value of pkg/observability Config, which Knative's tests marshal. */
function zeroConfig(): ObservabilityConfig {
  return {
    tracing: { protocol: "", endpoint: "", samplingRate: 0 },
    metrics: { protocol: "", endpoint: "", exportInterval: 0 },
    runtime: { profiling: "", exportInterval: 0 },
    requestMetrics: { protocol: "", endpoint: "", exportInterval: 0 },
    enableVarLogCollection: false,
    loggingUrlTemplate: "",
    enableRequestLog: false,
    requestLogTemplate: "",
    enableProbeRequestLog: false,
  };
}

describe("OBSERVABILITY_CONFIG, as json.Marshal writes it", () => {
  // The expected strings are the OBSERVABILITY_CONFIG values in knative/serving
  // pkg/reconciler/revision/resources/queue_test.go and deploy_test.go at knative-v1.23.0.
  it.each<[string, (c: ObservabilityConfig) => void, string]>([
    ["nothing set (queue_test.go defaultEnv)", () => {}, `{"tracing":{},"metrics":{},"runtime":{},"requestMetrics":{}}`],
    ["request metrics on Prometheus", (c) => (c.requestMetrics.protocol = "prometheus"), `{"tracing":{},"metrics":{},"runtime":{},"requestMetrics":{"protocol":"prometheus"}}`],
    [
      "request metrics over OTLP",
      (c) => (c.requestMetrics = { protocol: "http/protobuf", endpoint: "otel:55678", exportInterval: 0 }),
      `{"tracing":{},"metrics":{},"runtime":{},"requestMetrics":{"protocol":"http/protobuf","endpoint":"otel:55678"}}`,
    ],
    ["profiling", (c) => (c.runtime.profiling = "enabled"), `{"tracing":{},"metrics":{},"runtime":{"profiling":"enabled"},"requestMetrics":{}}`],
    [
      "request log template and probe logs",
      (c) => Object.assign(c, { requestLogTemplate: "test template", enableProbeRequestLog: true }),
      `{"tracing":{},"metrics":{},"runtime":{},"requestMetrics":{},"requestLogTemplate":"test template","enableProbeRequestLog":true}`,
    ],
    ["var log collection (deploy_test.go)", (c) => (c.enableVarLogCollection = true), `{"tracing":{},"metrics":{},"runtime":{},"requestMetrics":{},"EnableVarLogCollection":true}`],
  ])("%s", (_, change, json) => {
    const config = zeroConfig();
    change(config);
    expect(observabilityConfigJson(config)).toBe(json);
  });

  it("escapes <, > and & as Go's encoder does", () => {
    const config = zeroConfig();
    config.requestLogTemplate = "<a>&";
    expect(observabilityConfigJson(config)).toContain(`"requestLogTemplate":"\\u003ca\\u003e\\u0026"`);
  });

  it("of the shipped ConfigMap with request-metrics-protocol: prometheus", () => {
    const config = parseObservabilityConfig({ _example: "# not configuration", "request-metrics-protocol": "prometheus" });
    expect(observabilityConfigJson(config)).toBe(
      `{"tracing":{"protocol":"none"},"metrics":{"protocol":"none"},"runtime":{"profiling":"disabled","exportInterval":15000000000},` +
        `"requestMetrics":{"protocol":"prometheus"},"requestLogTemplate":${JSON.stringify(DEFAULT_REQUEST_LOG_TEMPLATE)}}`,
    );
  });
});

describe("config-observability, as NewFromMap reads it", () => {
  it("is DefaultConfig() without data (pkg/observability/config_test.go TestNewFromMap)", () => {
    expect(parseObservabilityConfig(undefined)).toEqual(defaultObservabilityConfig());
    expect(parseObservabilityConfig({ _example: "anything" })).toEqual(defaultObservabilityConfig());
  });

  it("reads every key, trimming strings", () => {
    const config = parseObservabilityConfig({
      "tracing-protocol": " grpc ",
      "tracing-endpoint": "jaeger:4317",
      "tracing-sampling-rate": "0.25",
      "metrics-protocol": "prometheus",
      "metrics-export-interval": "1m30s",
      "runtime-profiling": "enabled",
      "runtime-export-interval": "5s",
      "request-metrics-protocol": "prometheus",
      "request-metrics-endpoint": ":9095",
      "request-metrics-export-interval": "250ms",
      "logging.enable-var-log-collection": "true",
      "logging.revision-url-template": "http://logs/?rev=${REVISION_UID}",
      "logging.request-log-template": "{{.Request.Method}}",
      "logging.enable-request-log": "True",
      "logging.enable-probe-request-log": "1",
    });
    expect(config).toEqual({
      tracing: { protocol: "grpc", endpoint: "jaeger:4317", samplingRate: 0.25 },
      metrics: { protocol: "prometheus", endpoint: "", exportInterval: 90e9 },
      runtime: { profiling: "enabled", exportInterval: 5e9 },
      requestMetrics: { protocol: "prometheus", endpoint: ":9095", exportInterval: 250e6 },
      enableVarLogCollection: true,
      loggingUrlTemplate: "http://logs/?rev=${REVISION_UID}",
      enableRequestLog: true,
      requestLogTemplate: "{{.Request.Method}}",
      enableProbeRequestLog: true,
    });
  });

  it.each([
    [{ "request-metrics-protocol": "bogus" }, `unsupported protocol "bogus"`],
    [{ "request-metrics-protocol": "grpc" }, `endpoint should be set when protocol is "grpc"`],
    [{ "request-metrics-endpoint": ":9091" }, `endpoint should not be set when protocol is "none"`],
    [{ "request-metrics-export-interval": "-1m30s" }, `export interval "-1m30s" should be greater than zero`],
    [{ "request-metrics-export-interval": "60" }, `failed to parse "request-metrics-export-interval": time: missing unit in duration "60"`],
    [{ "metrics-export-interval": "5x" }, `failed to parse "metrics-export-interval": time: unknown unit "x" in duration "5x"`],
    [{ "runtime-export-interval": "soon" }, `failed to parse "runtime-export-interval": time: invalid duration "soon"`],
    [{ "runtime-profiling": "on" }, `unsupported profile setting "on"`],
    [{ "tracing-protocol": "zipkin" }, `unsupported protocol "zipkin"`],
    [{ "tracing-protocol": "http/protobuf" }, `endpoint should be set for protocol "http/protobuf"`],
    [{ "tracing-endpoint": "x:1" }, "endpoint should not be set when protocol is 'none'"],
    [{ "tracing-sampling-rate": "1.5" }, "sampling rate 1.500000 should be less than or equal to one"],
    [{ "tracing-sampling-rate": "often" }, `failed to parse "tracing-sampling-rate": strconv.ParseFloat: parsing "often": invalid syntax`],
    [{ "logging.enable-request-log": "yes" }, `failed to parse "logging.enable-request-log": strconv.ParseBool: parsing "yes": invalid syntax`],
    // pkg/observability/config_test.go TestNewFromMapBadInput "request log template is not set".
    [{ "logging.request-log-template": "", "logging.enable-request-log": "true" }, `"logging.enable-request-log" was set to true, but no "logging.request-log-template" was specified`],
    // Tracing is read first: its error wins over a later one.
    [{ "request-metrics-protocol": "bogus", "tracing-protocol": "zipkin" }, `unsupported protocol "zipkin"`],
  ])("refuses %j: %s", (data, message) => {
    expect(() => parseObservabilityConfig(data)).toThrow(ObservabilityConfigError);
    expect(() => parseObservabilityConfig(data)).toThrow(message);
  });
});

describe("the port queue-proxy serves request metrics on, from its env", () => {
  const env = (requestMetrics: object) => JSON.stringify({ tracing: {}, metrics: {}, runtime: {}, requestMetrics });

  it.each<[string, string | undefined, number | undefined]>([
    ["prometheus, no endpoint: :9091 (otel.go)", env({ protocol: "prometheus" }), 9091],
    ["prometheus on a port of its own", env({ protocol: "prometheus", endpoint: "0.0.0.0:9095" }), 9095],
    ["prometheus on an IPv6 address", env({ protocol: "prometheus", endpoint: "[::]:9096" }), 9096],
    ["prometheus below the ports its server accepts", env({ protocol: "prometheus", endpoint: ":80" }), undefined],
    ["OTLP: pushed, nothing listens", env({ protocol: "grpc", endpoint: "otel:4317" }), undefined],
    ["none", env({ protocol: "none" }), undefined],
    ["no protocol", env({}), undefined],
    ["no env (Knative before 1.19, or no queue-proxy)", undefined, undefined],
    ["not JSON", "{", undefined],
    ["JSON null", "null", undefined],
  ])("%s", (_, value, port) => {
    expect(requestMetricsPort(value)).toBe(port);
  });
});

describe("time.Duration.String", () => {
  it.each([
    [0, "0s"],
    [-1e9, "-1s"],
    [-90e9, "-1m30s"],
    [3600e9, "1h0m0s"],
    [-250e6, "-250ms"],
    [1500, "1.5µs"],
    [7, "7ns"],
    [1.5e9, "1.5s"],
  ])("%d ns is %s", (nanos, text) => {
    expect(goDurationString(nanos)).toBe(text);
  });
});
