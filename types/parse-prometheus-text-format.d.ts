// Types for parse-prometheus-text-format 1.1.1, which ships none: it returns the families of a
// Prometheus text exposition as prom2json shapes them, every number still a string.
declare module "parse-prometheus-text-format" {
  export interface PrometheusSample {
    value: string;
    labels?: Record<string, string>;
    timestamp_ms?: string;
  }

  export interface PrometheusHistogramSample {
    /** Cumulative counts by upper bound, `le` as written ("0.005", "+Inf"). */
    buckets: Record<string, string>;
    count: string;
    sum: string;
    labels?: Record<string, string>;
  }

  export interface PrometheusSummarySample {
    quantiles: Record<string, string>;
    count: string;
    sum: string;
    labels?: Record<string, string>;
  }

  export type PrometheusFamily =
    | { name: string; help: string; type: "COUNTER" | "GAUGE" | "UNTYPED"; metrics: PrometheusSample[] }
    | { name: string; help: string; type: "HISTOGRAM"; metrics: PrometheusHistogramSample[] }
    | { name: string; help: string; type: "SUMMARY"; metrics: PrometheusSummarySample[] };

  export default function parsePrometheusTextFormat(text: string): PrometheusFamily[];
}
