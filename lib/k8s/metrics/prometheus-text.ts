// The samples of a Prometheus text exposition (version 0.0.4,
// https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format): one
// `name{label="value",…} value [timestamp]` per line, `#` lines are comments or metadata.
// Hand-written because the npm parsers fold labelled histograms into one (parse-prometheus-
// text-format 1.1.1 keeps only the last series' buckets), and queue-proxy's histograms are
// labelled by status code and host. A line that does not parse is skipped, not fatal: one odd
// series must not hide the others.

export interface PromSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;

export function parsePrometheusText(text: string): PromSample[] {
  const samples: PromSample[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const sample = parseLine(line);
    if (sample) samples.push(sample);
  }
  return samples;
}

function parseLine(line: string): PromSample | undefined {
  const name = NAME.exec(line)?.[0];
  if (!name) return undefined;
  let i = name.length;
  const labels: Record<string, string> = {};
  if (line[i] === "{") {
    i++;
    for (;;) {
      while (line[i] === " " || line[i] === ",") i++;
      if (line[i] === "}") {
        i++;
        break;
      }
      const key = NAME.exec(line.slice(i))?.[0];
      if (!key || line[i + key.length] !== "=" || line[i + key.length + 1] !== '"') return undefined;
      i += key.length + 2;
      let value = "";
      for (;;) {
        const c = line[i++];
        if (c === undefined) return undefined;
        if (c === '"') break;
        if (c === "\\") {
          const next = line[i++];
          value += next === "n" ? "\n" : (next ?? "");
        } else value += c;
      }
      labels[key] = value;
    }
  }
  const [valueText] = line.slice(i).trim().split(/\s+/);
  const value = parseValue(valueText ?? "");
  return value === undefined ? undefined : { name, labels, value };
}

function parseValue(text: string): number | undefined {
  if (text === "+Inf" || text === "Inf") return Infinity;
  if (text === "-Inf") return -Infinity;
  if (text === "NaN") return NaN;
  const n = Number(text);
  return text !== "" && !Number.isNaN(n) ? n : undefined;
}
