// The samples of a Prometheus text exposition (what queue-proxy serves on 9091), one per line:
// name, labels, value. Read with parse-prometheus-text-format, without the `# TYPE` lines: that
// package (1.1.1) folds every sample of a histogram family into one object and drops all labels
// but `le`, so `http_server_request_duration_seconds` per status code would be lost; read as
// untyped lines, `_bucket`, `_sum` and `_count` keep their labels.

import parsePrometheusTextFormat from "parse-prometheus-text-format";

export interface PrometheusSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export function prometheusSamples(text: string): PrometheusSample[] {
  // The sample lines only, and a final newline: the package drops a last line that has none.
  const lines = text.split("\n").filter((line) => line.trim() !== "" && !line.trimStart().startsWith("#"));
  const samples: PrometheusSample[] = [];
  for (const family of parsePrometheusTextFormat(`${lines.join("\n")}\n`)) {
    if (family.type !== "UNTYPED" && family.type !== "COUNTER" && family.type !== "GAUGE") continue;
    for (const metric of family.metrics) samples.push({ name: family.name, labels: metric.labels ?? {}, value: sampleValue(metric.value) });
  }
  return samples;
}

/** Go's ParseFloat spellings of the exposition: +Inf, -Inf, NaN, and decimals. */
function sampleValue(text: string): number {
  if (text === "+Inf") return Infinity;
  if (text === "-Inf") return -Infinity;
  return Number(text);
}
