// The Prometheus text exposition format 0.0.4 exactly as Go's client_golang writes it
// (github.com/prometheus/common expfmt/text_create.go MetricFamilyToText, behind promhttp), so
// that what the embedded queue-proxy serves reads like the real one line for line:
//
//   - families sorted by name, and the metrics of a family by their label values, label names
//     taken in sorted order, fewer labels first (client_golang internal.MetricSorter);
//   - `# HELP` (backslash and newline escaped), then `# TYPE`;
//   - label values with backslash, newline and double quote escaped; `le` last on buckets,
//     cumulative, ending with `+Inf`; then `_sum` and `_count`;
//   - numbers as Go's strconv.FormatFloat(v, 'g', -1, 64): 0.005, 10, 1.5e+06, 1e-05, +Inf, NaN.

/** promhttp's answer without an Accept header asking otherwise (expfmt.Negotiate with the default escaping). */
export const PROMETHEUS_TEXT_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8; escaping=underscores";

export type Labels = Readonly<Record<string, string>>;

export interface GaugeMetric {
  labels: Labels;
  value: number;
}

export interface HistogramMetric {
  labels: Labels;
  /** Upper bounds, ascending, without +Inf. */
  bounds: readonly number[];
  /** Observations per bucket (not cumulative): one per bound, then the +Inf bucket. */
  bucketCounts: ArrayLike<number>;
  sum: number;
  count: number;
}

export type MetricFamily =
  | { name: string; help: string; type: "gauge"; metrics: GaugeMetric[] }
  | { name: string; help: string; type: "histogram"; metrics: HistogramMetric[] };

export function writePrometheusText(families: readonly MetricFamily[]): string {
  const lines: string[] = [];
  for (const family of [...families].filter((f) => f.metrics.length > 0).sort((a, b) => compare(a.name, b.name))) {
    lines.push(`# HELP ${family.name} ${family.help.replace(/\\/g, "\\\\").replace(/\n/g, "\\n")}`);
    lines.push(`# TYPE ${family.name} ${family.type}`);
    if (family.type === "gauge") {
      for (const { pairs, metric } of sortedByLabels(family.metrics)) lines.push(`${family.name}${labelText(pairs)} ${goFloat(metric.value)}`);
      continue;
    }
    for (const { pairs, metric } of sortedByLabels(family.metrics)) {
      // The labels are written once per series: every bucket line repeats them before its `le`.
      const labels = labelText(pairs);
      const bucketOpen = `${family.name}_bucket${pairs.length > 0 ? `${labels.slice(0, -1)},` : "{"}le="`;
      const bounds = boundTexts(metric.bounds);
      let cumulative = 0;
      for (let i = 0; i < bounds.length; i++) {
        cumulative += metric.bucketCounts[i] ?? 0;
        lines.push(`${bucketOpen}${bounds[i]}"} ${goFloat(cumulative)}`);
      }
      lines.push(`${bucketOpen}+Inf"} ${goFloat(metric.count)}`);
      lines.push(`${family.name}_sum${labels} ${goFloat(metric.sum)}`);
      lines.push(`${family.name}_count${labels} ${goFloat(metric.count)}`);
    }
  }
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}

const boundTextCache = new WeakMap<readonly number[], string[]>();

/** Bucket bounds are shared by every series of an instrument: written once. */
function boundTexts(bounds: readonly number[]): string[] {
  let texts = boundTextCache.get(bounds);
  if (!texts) boundTextCache.set(bounds, (texts = bounds.map(goFloat)));
  return texts;
}

type Pairs = Array<[string, string]>;

function sortedByLabels<M extends { labels: Labels }>(metrics: readonly M[]): Array<{ pairs: Pairs; metric: M }> {
  return metrics
    .map((metric) => ({ pairs: Object.entries(metric.labels).sort(([a], [b]) => compare(a, b)), metric }))
    .sort((a, b) => {
      if (a.pairs.length !== b.pairs.length) return a.pairs.length - b.pairs.length;
      for (let i = 0; i < a.pairs.length; i++) {
        const order = compare(a.pairs[i]![1], b.pairs[i]![1]);
        if (order !== 0) return order;
      }
      return 0;
    });
}

function labelText(pairs: Pairs): string {
  if (pairs.length === 0) return "";
  return `{${pairs.map(([name, value]) => `${name}="${value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"')}"`).join(",")}}`;
}

/** Go compares strings byte by byte; for the ASCII these names and values are, so does this. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** expfmt writeFloat: strconv.FormatFloat(v, 'g', -1, 64), with its spellings of 0, the infinities and NaN. */
export function goFloat(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "+Inf";
  if (v === -Infinity) return "-Inf";
  if (v === 0) return "0"; // -0 too: Go's `f == 0`
  // Both use the shortest digits that read back as the same float. Go's 'g' writes them with an
  // exponent when it is below -4 or, for the shortest form, 6 or more (strconv/ftoa.go:
  // `if shortest { eprec = 6 }`), as d.ddde±dd with at least two exponent digits; in between,
  // JavaScript's own fixed notation is the same text.
  const magnitude = Math.abs(v);
  if (magnitude >= 1e-4 && magnitude < 1e6) return String(v);
  const [mantissa, exponentText] = v.toExponential().split("e") as [string, string];
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) return `${mantissa}e${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
  return String(v);
}
