// The `config-observability` ConfigMap of Knative Serving v1.23 and the `OBSERVABILITY_CONFIG`
// env that the revision reconciler gives every queue-proxy from it:
//
//   parse    knative/serving pkg/observability/config.go NewFromMap, over knative/pkg
//            observability/{tracing,metrics,runtime}/config.go and configmap/parser (keys,
//            defaults, validation, and the error texts, which the config webhook returns);
//   the env  pkg/reconciler/revision/resources/queue.go: `json.Marshal(cfg.Observability)`;
//   the port pkg/queue/sharedmain/otel.go: with `request-metrics-protocol: prometheus` and no
//            endpoint queue-proxy serves its request metrics on :9091 (UserQueueMetricsPort),
//            else on the endpoint's port; with any other protocol nothing listens there.
//
// A pod's queue-proxy env is what decides, for the embedded cluster and for the console alike:
// a ConfigMap change reaches a pod only through a new pod (the revision's Deployment rolls).

import { QUEUE_USER_METRICS_PORT, queueProxyEnv } from "./queue-proxy";
import type { Container } from "./types";
import { parseGoFloat } from "./validation/annotations";
import { parseGoDuration } from "./validation/go-duration";

export const CONFIG_OBSERVABILITY = "config-observability";
export const OBSERVABILITY_CONFIG_ENV = "OBSERVABILITY_CONFIG";

export const ENABLE_REQUEST_LOG_KEY = "logging.enable-request-log";
export const REQUEST_LOG_TEMPLATE_KEY = "logging.request-log-template";

/** pkg/observability DefaultRequestLogTemplate. */
export const DEFAULT_REQUEST_LOG_TEMPLATE =
  '{"httpRequest": {"requestMethod": "{{.Request.Method}}", "requestUrl": "{{js .Request.RequestURI}}", "requestSize": "{{.Request.ContentLength}}", "status": {{.Response.Code}}, "responseSize": "{{.Response.Size}}", "userAgent": "{{js .Request.UserAgent}}", "remoteIp": "{{js .Request.RemoteAddr}}", "serverIp": "{{.Revision.PodIP}}", "referer": "{{js .Request.Referer}}", "latency": "{{.Response.Latency}}s", "protocol": "{{.Request.Proto}}"}, "traceId": "{{.TraceID}}"}';

/** knative/pkg observability/runtime DefaultConfig: same as OTel's DefaultMinimumReadMemStatsInterval. */
const DEFAULT_RUNTIME_EXPORT_INTERVAL_NANOS = 15e9;
/** knative/pkg observability/metrics/prometheus server.go: the ports its server accepts. */
const MIN_PROMETHEUS_PORT = 1024;
const MAX_PROMETHEUS_PORT = 65535;

export interface TracingConfig {
  protocol: string;
  endpoint: string;
  samplingRate: number;
}

export interface MetricsConfig {
  protocol: string;
  endpoint: string;
  /** time.Duration, in nanoseconds. */
  exportInterval: number;
}

export interface RuntimeConfig {
  profiling: string;
  /** time.Duration, in nanoseconds. */
  exportInterval: number;
}

/** pkg/observability Config. */
export interface ObservabilityConfig {
  tracing: TracingConfig;
  metrics: MetricsConfig;
  runtime: RuntimeConfig;
  requestMetrics: MetricsConfig;
  enableVarLogCollection: boolean;
  loggingUrlTemplate: string;
  enableRequestLog: boolean;
  requestLogTemplate: string;
  enableProbeRequestLog: boolean;
}

/** A ConfigMap Knative would refuse, with Knative's message. */
export class ObservabilityConfigError extends Error {}

/** DefaultConfig(): what a missing ConfigMap, or one with only `_example`, amounts to. */
export function defaultObservabilityConfig(): ObservabilityConfig {
  return {
    tracing: { protocol: "none", endpoint: "", samplingRate: 0 },
    metrics: { protocol: "none", endpoint: "", exportInterval: 0 },
    runtime: { profiling: "disabled", exportInterval: DEFAULT_RUNTIME_EXPORT_INTERVAL_NANOS },
    requestMetrics: { protocol: "none", endpoint: "", exportInterval: 0 },
    enableVarLogCollection: false,
    loggingUrlTemplate: "",
    enableRequestLog: false,
    requestLogTemplate: DEFAULT_REQUEST_LOG_TEMPLATE,
    enableProbeRequestLog: false,
  };
}

/** NewFromMap, in its order: tracing, metrics, runtime, request metrics, logging; the first error wins. */
export function parseObservabilityConfig(data: Record<string, string> | undefined): ObservabilityConfig {
  const m = data ?? {};
  const config = defaultObservabilityConfig();
  const { tracing, runtime } = config;

  tracing.protocol = str(m, "tracing-protocol", tracing.protocol);
  tracing.endpoint = str(m, "tracing-endpoint", tracing.endpoint);
  tracing.samplingRate = float(m, "tracing-sampling-rate", tracing.samplingRate);
  validateTracing(tracing);

  config.metrics = metricsConfig(m, "");

  runtime.profiling = str(m, "runtime-profiling", runtime.profiling);
  runtime.exportInterval = duration(m, "runtime-export-interval", runtime.exportInterval);
  if (runtime.profiling !== "enabled" && runtime.profiling !== "disabled") fail(`unsupported profile setting ${goQuote(runtime.profiling)}`);
  if (runtime.exportInterval < 0) fail(`export interval ${goQuote(goDurationString(runtime.exportInterval))} should be greater than zero`);

  config.requestMetrics = metricsConfig(m, "request-");

  config.enableVarLogCollection = bool(m, "logging.enable-var-log-collection", false);
  config.loggingUrlTemplate = str(m, "logging.revision-url-template", "");
  config.requestLogTemplate = str(m, REQUEST_LOG_TEMPLATE_KEY, config.requestLogTemplate);
  config.enableRequestLog = bool(m, ENABLE_REQUEST_LOG_KEY, false);
  config.enableProbeRequestLog = bool(m, "logging.enable-probe-request-log", false);
  if (config.requestLogTemplate === "" && config.enableRequestLog) {
    fail(`${goQuote(ENABLE_REQUEST_LOG_KEY)} was set to true, but no ${goQuote(REQUEST_LOG_TEMPLATE_KEY)} was specified`);
  }
  return config;
}

/** knative/pkg observability/metrics NewFromMapWithPrefix. */
function metricsConfig(m: Record<string, string>, prefix: string): MetricsConfig {
  const c: MetricsConfig = {
    protocol: str(m, `${prefix}metrics-protocol`, "none"),
    endpoint: str(m, `${prefix}metrics-endpoint`, ""),
    exportInterval: duration(m, `${prefix}metrics-export-interval`, 0),
  };
  switch (c.protocol) {
    case "grpc":
    case "http/protobuf":
      if (c.endpoint === "") fail(`endpoint should be set when protocol is ${goQuote(c.protocol)}`);
      break;
    case "none":
      if (c.endpoint !== "") fail(`endpoint should not be set when protocol is ${goQuote(c.protocol)}`);
      break;
    case "prometheus":
      break;
    default:
      fail(`unsupported protocol ${goQuote(c.protocol)}`);
  }
  if (c.exportInterval < 0) fail(`export interval ${goQuote(goDurationString(c.exportInterval))} should be greater than zero`);
  return c;
}

function validateTracing(c: TracingConfig): void {
  switch (c.protocol) {
    case "grpc":
    case "http/protobuf":
      if (c.endpoint === "") fail(`endpoint should be set for protocol ${goQuote(c.protocol)}`);
      break;
    case "none":
    case "stdout":
      if (c.endpoint !== "") fail("endpoint should not be set when protocol is 'none'");
      break;
    default:
      fail(`unsupported protocol ${goQuote(c.protocol)}`);
  }
  if (c.samplingRate < 0) fail(`sampling rate ${c.samplingRate.toFixed(6)} should be greater or equal to zero`);
  else if (c.samplingRate > 1) fail(`sampling rate ${c.samplingRate.toFixed(6)} should be less than or equal to one`);
}

/**
 * The env value, byte for byte as Go's json.Marshal writes pkg/observability Config: the
 * embedded BaseConfig's fields first, `omitempty` fields left out when zero, durations as
 * integer nanoseconds, and <, >, & in strings escaped.
 */
export function observabilityConfigJson(c: ObservabilityConfig): string {
  const fields: Array<[string, unknown]> = [
    ["tracing", omitZero([["protocol", c.tracing.protocol], ["endpoint", c.tracing.endpoint], ["samplingRate", c.tracing.samplingRate]])],
    ["metrics", metricsJson(c.metrics)],
    ["runtime", omitZero([["profiling", c.runtime.profiling], ["exportInterval", c.runtime.exportInterval]])],
    ["requestMetrics", metricsJson(c.requestMetrics)],
  ];
  const optional: Array<[string, unknown]> = [
    ["EnableVarLogCollection", c.enableVarLogCollection],
    ["LoggingURLTemplate", c.loggingUrlTemplate],
    ["enableRequestLog", c.enableRequestLog],
    ["requestLogTemplate", c.requestLogTemplate],
    ["enableProbeRequestLog", c.enableProbeRequestLog],
  ];
  return goJson(Object.fromEntries([...fields, ...Object.entries(omitZero(optional))]));
}

const metricsJson = (m: MetricsConfig) => omitZero([["protocol", m.protocol], ["endpoint", m.endpoint], ["exportInterval", m.exportInterval]]);

/**
 * The port queue-proxy serves its Prometheus request metrics on, read from its
 * OBSERVABILITY_CONFIG env; undefined when it serves none (another protocol, no env, an env
 * queue-proxy could not start with).
 */
export function requestMetricsPort(observabilityConfigEnv: string | undefined): number | undefined {
  if (!observabilityConfigEnv) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(observabilityConfigEnv);
  } catch {
    return undefined;
  }
  const requestMetrics = (parsed as { requestMetrics?: { protocol?: unknown; endpoint?: unknown } } | null)?.requestMetrics;
  if (requestMetrics?.protocol !== "prometheus") return undefined;
  const endpoint = typeof requestMetrics.endpoint === "string" ? requestMetrics.endpoint : "";
  if (endpoint === "") return QUEUE_USER_METRICS_PORT;
  // net.SplitHostPort: "host:port", ":port", "[v6]:port".
  const port = /^(?:\[[^\]]*\]|[^:[\]]*):(\d+)$/.exec(endpoint)?.[1];
  const n = port === undefined ? NaN : Number(port);
  return Number.isInteger(n) && n >= MIN_PROMETHEUS_PORT && n <= MAX_PROMETHEUS_PORT ? n : undefined;
}

/** requestMetricsPort of a pod's queue-proxy: what the console and the embedded cluster both go by. */
export function podRequestMetricsPort(pod: { spec?: { containers?: Container[] } }): number | undefined {
  return requestMetricsPort(queueProxyEnv(pod)[OBSERVABILITY_CONFIG_ENV]);
}

// ---- knative/pkg configmap/parser ------------------------------------------------------------

function fail(message: string): never {
  throw new ObservabilityConfigError(message);
}

const parseFailed = (key: string, err: string): never => fail(`failed to parse ${goQuote(key)}: ${err}`);

/** Strings are trimmed (strings.TrimSpace); other types are parsed as given. */
function str(m: Record<string, string>, key: string, fallback: string): string {
  return Object.hasOwn(m, key) ? m[key]!.trim() : fallback;
}

function float(m: Record<string, string>, key: string, fallback: number): number {
  if (!Object.hasOwn(m, key)) return fallback;
  const v = parseGoFloat(m[key]!);
  return v === undefined ? parseFailed(key, `strconv.ParseFloat: parsing ${goQuote(m[key]!)}: invalid syntax`) : v;
}

const TRUE = new Set(["1", "t", "T", "TRUE", "true", "True"]);
const FALSE = new Set(["0", "f", "F", "FALSE", "false", "False"]);

function bool(m: Record<string, string>, key: string, fallback: boolean): boolean {
  if (!Object.hasOwn(m, key)) return fallback;
  const v = m[key]!;
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  return parseFailed(key, `strconv.ParseBool: parsing ${goQuote(v)}: invalid syntax`);
}

function duration(m: Record<string, string>, key: string, fallback: number): number {
  if (!Object.hasOwn(m, key)) return fallback;
  const v = m[key]!;
  const nanos = parseGoDuration(v);
  return nanos === undefined ? parseFailed(key, goDurationError(v)) : nanos;
}

/** time.ParseDuration's three errors. */
function goDurationError(v: string): string {
  const unsigned = v.replace(/^[+-]/, "");
  if (/^(\d+\.?\d*|\.\d+)$/.test(unsigned)) return `time: missing unit in duration ${goQuote(v)}`;
  const unit = /^(?:\d+\.?\d*|\.\d+)([^\d.]+)/.exec(unsigned)?.[1];
  if (unit !== undefined && !["ns", "us", "µs", "μs", "ms", "s", "m", "h"].includes(unit)) return `time: unknown unit ${goQuote(unit)} in duration ${goQuote(v)}`;
  return `time: invalid duration ${goQuote(v)}`;
}

/** time.Duration.String(), e.g. "-1m30s", "-250ms". */
export function goDurationString(nanos: number): string {
  if (nanos === 0) return "0s";
  const sign = nanos < 0 ? "-" : "";
  let u = BigInt(Math.abs(Math.round(nanos)));
  const fraction = (value: bigint, unit: bigint, digits: number) => {
    const whole = value / unit;
    const rest = (value % unit).toString().padStart(digits, "0").replace(/0+$/, "");
    return rest ? `${whole}.${rest}` : `${whole}`;
  };
  if (u < 1000n) return `${sign}${u}ns`;
  if (u < 1_000_000n) return `${sign}${fraction(u, 1000n, 3)}µs`;
  if (u < 1_000_000_000n) return `${sign}${fraction(u, 1_000_000n, 6)}ms`;
  const hours = u / 3_600_000_000_000n;
  u -= hours * 3_600_000_000_000n;
  const minutes = u / 60_000_000_000n;
  u -= minutes * 60_000_000_000n;
  const seconds = `${fraction(u, 1_000_000_000n, 9)}s`;
  if (hours > 0n) return `${sign}${hours}h${minutes}m${seconds}`;
  if (minutes > 0n) return `${sign}${minutes}m${seconds}`;
  return `${sign}${seconds}`;
}

// ---- Go's encoding/json ----------------------------------------------------------------------

/** `omitempty`: false, 0 and "" are left out. */
function omitZero(fields: Array<[string, unknown]>): Record<string, unknown> {
  return Object.fromEntries(fields.filter(([, v]) => v !== false && v !== 0 && v !== ""));
}

/** JSON.stringify plus the escapes Go's encoder adds (HTML characters, U+2028, U+2029). */
function goJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** strconv.Quote for the ASCII text these messages quote. */
function goQuote(s: string): string {
  return JSON.stringify(s);
}
