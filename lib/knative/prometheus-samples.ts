// A reader of the Prometheus text exposition format 0.0.4, what queue-proxy serves on port 9091
// (https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format), with the
// rules of Prometheus's own reader (github.com/prometheus/common expfmt/text_parse.go):
//
//   - lines end in `\n`; blank lines are skipped; blanks and tabs may lead a line and separate
//     its tokens;
//   - `# HELP name text` (text with `\\` and `\n` escaped) and `# TYPE name type` describe a
//     family; any other `#` line, or a HELP/TYPE with nothing after the name, is a comment;
//   - `name{label="value",…} value [timestamp]`: label values escape `\\`, `\"` and `\n`, a
//     trailing comma is allowed; the value is a Go float (`1.5e3`, `+Inf`, `-Inf`, `NaN`), the
//     timestamp an integer in milliseconds;
//   - a histogram's samples are `name_bucket{le="…"}`, `name_sum` and `name_count`, a summary's
//     `name{quantile="…"}`, `name_sum` and `name_count`, each with its own labels.
//
// Unlike expfmt, which stops at the first error, a line that breaks the rules is set aside with
// its reason and the rest is read: the console must still chart the series it can read when one
// is odd. A last line without its newline is read too. Quoted (UTF-8) metric and label names,
// newer than 0.0.4 and not written by queue-proxy, are not read.
//
// It keeps every sample with its own labels, which the npm parsers did not: they fold a labelled
// histogram into one object, and queue-proxy's are labelled by status code and host.

export interface PrometheusSample {
  name: string;
  labels: Record<string, string>;
  value: number;
  /** Milliseconds since the epoch, when the line gives one. */
  timestampMs?: number;
}

export type PrometheusType = "counter" | "gauge" | "histogram" | "summary" | "untyped";

export interface PrometheusFamily {
  help?: string;
  type?: PrometheusType;
}

export interface RejectedLine {
  /** 1-based. */
  line: number;
  reason: string;
}

export interface PrometheusExposition {
  samples: PrometheusSample[];
  /** What `# HELP` and `# TYPE` said, by family name. */
  families: Map<string, PrometheusFamily>;
  rejected: RejectedLine[];
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
/** Sticky: read at `lastIndex` without slicing the line (the poller reads every pod every second). */
const LABEL_NAME = /[a-zA-Z_][a-zA-Z0-9_]*/y;
const TYPES: ReadonlySet<string> = new Set<PrometheusType>(["counter", "gauge", "histogram", "summary", "untyped"]);

export function parsePrometheusExposition(text: string): PrometheusExposition {
  const exposition: PrometheusExposition = { samples: [], families: new Map(), rejected: [] };
  const sampled = new Set<string>(); // families that have had a sample: a TYPE after them is late
  text.split("\n").forEach((raw, index) => {
    const line = raw[0] === " " || raw[0] === "\t" ? raw.slice(skipBlanks(raw, 0)) : raw;
    if (line === "") return;
    const reason = line.startsWith("#") ? readMetadata(line, exposition.families, sampled) : readSample(line, exposition, sampled);
    if (reason) exposition.rejected.push({ line: index + 1, reason });
  });
  return exposition;
}

/** The samples alone, for readers that need no metadata. */
export function prometheusSamples(text: string): PrometheusSample[] {
  return parsePrometheusExposition(text).samples;
}

/** Reads a `#` line into `families`; the reason when it breaks the rules. */
function readMetadata(line: string, families: Map<string, PrometheusFamily>, sampled: ReadonlySet<string>): string | undefined {
  const match = /^#[ \t]*(HELP|TYPE)[ \t]+(\S+)(?:[ \t]+(.*))?$/.exec(line);
  if (!match) return undefined; // a comment
  const [, keyword, name, rest = ""] = match as unknown as [string, "HELP" | "TYPE", string, string | undefined];
  if (METRIC_NAME.exec(name)?.[0] !== name) return `invalid metric name "${name}" in ${keyword}`;
  if (rest.trim() === "") return undefined; // nothing said of it: a comment, as expfmt has it
  const family = families.get(name) ?? {};
  if (keyword === "HELP") {
    if (family.help !== undefined) return `second HELP line for "${name}"`;
    family.help = rest.replace(/\\(.)/g, (escape, c: string) => (c === "n" ? "\n" : c === "\\" ? "\\" : escape));
  } else {
    const type = rest.trim();
    if (!TYPES.has(type)) return `unknown metric type "${type}"`;
    if (family.type !== undefined || sampled.has(name)) return `second TYPE line for "${name}", or TYPE after its samples`;
    family.type = type as PrometheusType;
  }
  families.set(name, family);
  return undefined;
}

/** Reads a sample line into `exposition`; the reason when it breaks the rules. */
function readSample(line: string, exposition: PrometheusExposition, sampled: Set<string>): string | undefined {
  const name = METRIC_NAME.exec(line)?.[0];
  if (!name) return "invalid metric name";
  let i = skipBlanks(line, name.length);
  const labels: Record<string, string> = {};
  if (line[i] === "{") {
    const end = readLabels(line, i + 1, labels);
    if (typeof end === "string") return end;
    i = skipBlanks(line, end);
  } else if (i === name.length && i < line.length) return "invalid metric name";
  const [valueText = "", timestampText, ...spurious] = line.slice(i).split(/[ \t]+/).filter((t) => t !== "");
  const value = goFloat(valueText);
  if (value === undefined) return `expected float as value, got "${valueText}"`;
  if (timestampText !== undefined && !/^[+-]?\d+$/.test(timestampText)) return `expected integer as timestamp, got "${timestampText}"`;
  if (spurious.length > 0) return "spurious string after timestamp";
  const family = familyOf(name, exposition.families);
  const boundLabel = family.type === "histogram" && name === `${family.name}_bucket` ? "le" : family.type === "summary" && name === family.name ? "quantile" : undefined;
  if (boundLabel && labels[boundLabel] !== undefined && goFloat(labels[boundLabel]) === undefined) return `expected float as value for '${boundLabel}' label`;
  sampled.add(family.name);
  const sample: PrometheusSample = { name, labels, value };
  if (timestampText !== undefined) sample.timestampMs = Number(timestampText);
  exposition.samples.push(sample);
  return undefined;
}

/** Reads `label="value",…}` from `start` into `labels`: the index after `}`, or why not. */
function readLabels(line: string, start: number, labels: Record<string, string>): number | string {
  let i = skipBlanks(line, start);
  while (line[i] !== "}") {
    LABEL_NAME.lastIndex = i;
    const key = LABEL_NAME.exec(line)?.[0];
    if (!key) return "invalid label name";
    if (key === "__name__") return 'label name "__name__" is reserved';
    if (Object.hasOwn(labels, key)) return `duplicate label name "${key}"`;
    i = skipBlanks(line, i + key.length);
    if (line[i] !== "=") return "expected '=' after label name";
    i = skipBlanks(line, i + 1);
    if (line[i] !== '"') return `expected '"' at start of label value`;
    const value = readLabelValue(line, i + 1);
    if (typeof value === "string") return value;
    // A label named __proto__ is defined, not assigned: assigning would try to set the prototype.
    if (key === "__proto__") Object.defineProperty(labels, key, { value: value.text, enumerable: true, writable: true, configurable: true });
    else labels[key] = value.text;
    i = skipBlanks(line, value.end + 1);
    if (line[i] === ",") i = skipBlanks(line, i + 1);
    else if (line[i] !== "}") return "unexpected end of label value";
  }
  return i + 1;
}

/** The label value from `start` (just after its opening quote), unescaped; or why not. */
function readLabelValue(line: string, start: number): { text: string; end: number } | string {
  const close = line.indexOf('"', start);
  const backslash = line.indexOf("\\", start);
  // Most values have no escape: one slice.
  if (close !== -1 && (backslash === -1 || backslash > close)) return { text: line.slice(start, close), end: close };
  let text = "";
  for (let i = start; i < line.length; i++) {
    const c = line[i]!;
    if (c === '"') return { text, end: i };
    if (c !== "\\") {
      text += c;
      continue;
    }
    const escaped = line[++i];
    if (escaped === "n") text += "\n";
    else if (escaped === "\\" || escaped === '"') text += escaped;
    else return "invalid escape sequence in label value";
  }
  return "unexpected end of line in label value";
}

/**
 * The family a sample belongs to: a declared histogram's or summary's for its `_bucket`, `_sum`
 * and `_count` samples, else the one named like the sample.
 */
function familyOf(name: string, families: ReadonlyMap<string, PrometheusFamily>): { name: string; type?: PrometheusType } {
  for (const suffix of ["_bucket", "_sum", "_count"]) {
    if (!name.endsWith(suffix)) continue;
    const base = name.slice(0, -suffix.length);
    const type = families.get(base)?.type;
    if (type === "histogram" || (type === "summary" && suffix !== "_bucket")) return { name: base, type };
  }
  return { name, type: families.get(name)?.type };
}

/**
 * Go's strconv.ParseFloat as expfmt uses it: decimals with an optional exponent, and Inf,
 * Infinity (signed or not) and NaN in any case; not hex, binary, octal or underscores, which
 * JavaScript's Number would take.
 */
function goFloat(text: string): number | undefined {
  if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text)) return Number(text);
  const special = /^([+-]?)(inf|infinity)$/i.exec(text);
  if (special) return special[1] === "-" ? -Infinity : Infinity;
  return /^nan$/i.test(text) ? NaN : undefined;
}

function skipBlanks(line: string, i: number): number {
  while (line[i] === " " || line[i] === "\t") i++;
  return i;
}
