import { describe, expect, it } from "vitest";
import { parsePrometheusExposition, prometheusSamples } from "./prometheus-samples";

const EXPOSITION = `# HELP d_seconds Duration.
# TYPE d_seconds histogram
d_seconds_bucket{code="200",le="0.1"} 1
d_seconds_bucket{code="200",le="+Inf"} 1
d_seconds_sum{code="200"} 0.05
d_seconds_count{code="200"} 1
d_seconds_bucket{code="500",le="0.1"} 0
d_seconds_bucket{code="500",le="+Inf"} 2
d_seconds_sum{code="500"} 0.5
d_seconds_count{code="500"} 2
# HELP target_info Target metadata
# TYPE target_info gauge
target_info{kn_revision_name="hello-00001"} 1`;

describe("prometheusSamples", () => {
  it("keeps every histogram sample with its own labels, which the npm parsers fold into one", () => {
    const samples = prometheusSamples(EXPOSITION);
    expect(samples.filter((s) => s.name === "d_seconds_count")).toEqual([
      { name: "d_seconds_count", labels: { code: "200" }, value: 1 },
      { name: "d_seconds_count", labels: { code: "500" }, value: 2 },
    ]);
    expect(samples.find((s) => s.name === "d_seconds_bucket" && s.labels.code === "500" && s.labels.le === "+Inf")?.value).toBe(2);
  });

  it("reads the last line without a final newline", () => {
    expect(prometheusSamples(EXPOSITION).at(-1)).toEqual({ name: "target_info", labels: { kn_revision_name: "hello-00001" }, value: 1 });
  });

  it("unescapes backslash, double quote and newline in label values", () => {
    const text = 'x{path="C:\\\\DIR\\\\F.TXT",error="Cannot find file:\\n\\"F.TXT\\""} 1.5e3 1395066363000\n';
    expect(prometheusSamples(text)).toEqual([
      { name: "x", labels: { path: "C:\\DIR\\F.TXT", error: 'Cannot find file:\n"F.TXT"' }, value: 1500, timestampMs: 1395066363000 },
    ]);
  });

  it("reads label names that are also Object's own, and an escape at a value's very end", () => {
    expect(prometheusSamples('m{constructor="a",__proto__="b",toString="c\\\\"} 1\n')).toEqual([
      { name: "m", labels: Object.fromEntries([["constructor", "a"], ["__proto__", "b"], ["toString", "c\\"]]), value: 1 },
    ]);
    expect(prometheusSamples('m{a="x\\"} 1\n')).toEqual([]);
  });

  it("reads +Inf, -Inf and NaN values, and the spellings Go's ParseFloat takes", () => {
    expect(prometheusSamples("a +Inf\nb -Inf\nc NaN\nd Inf\ne -infinity\nf nan\ng .5\nh 1.\ni 08\nj -3E-2\n").map((s) => s.value)).toEqual([
      Infinity,
      -Infinity,
      NaN,
      Infinity,
      -Infinity,
      NaN,
      0.5,
      1,
      8,
      -0.03,
    ]);
  });
});

// Test vectors from Prometheus's own reader: github.com/prometheus/common
// expfmt/text_parse_test.go (testTextParse and testTextParseError), adapted to samples.
describe("parsePrometheusExposition, on expfmt's test vectors", () => {
  it("reads nothing from blank lines", () => {
    expect(parsePrometheusExposition("\n\n \t\n")).toEqual({ samples: [], families: new Map(), rejected: [] });
  });

  it("reads minimal samples, empty braces and timestamps, and ignores a HELP for no sample", () => {
    const { samples, rejected } = parsePrometheusExposition(
      "\nminimal_metric 1.234\nanother_metric -3e3 103948\n# Even that:\nno_labels{} 3\n# HELP line for non-existing metric will be ignored.\n",
    );
    expect(rejected).toEqual([]);
    expect(samples).toEqual([
      { name: "minimal_metric", labels: {}, value: 1.234 },
      { name: "another_metric", labels: {}, value: -3000, timestampMs: 103948 },
      { name: "no_labels", labels: {}, value: 3 },
    ]);
  });

  it("reads docstrings, types, blanks and tabs anywhere between tokens, and escapes", () => {
    const text = [
      "# A normal comment.",
      "#",
      "# TYPE name counter",
      'name{labelname="val1",basename="basevalue"} NaN',
      'name {labelname="val2",basename="base\\"v\\\\al\\nue"} 0.23 1234567890',
      "# HELP name two-line\\n doc  str\\\\ing",
      "",
      " # HELP  name2  \tdoc str\"ing 2",
      "  #    TYPE    name2 gauge",
      'name2{labelname="val2"\t,basename   =   "basevalue2"\t\t} +Inf 54321',
      'name2{ labelname = "val1" , }-Inf',
      "",
    ].join("\n");
    const { samples, families, rejected } = parsePrometheusExposition(text);
    expect(rejected).toEqual([]);
    expect(families).toEqual(
      new Map([
        ["name", { type: "counter", help: "two-line\n doc  str\\ing" }],
        ["name2", { help: 'doc str"ing 2', type: "gauge" }],
      ]),
    );
    expect(samples).toEqual([
      { name: "name", labels: { labelname: "val1", basename: "basevalue" }, value: NaN },
      { name: "name", labels: { labelname: "val2", basename: 'base"v\\al\nue' }, value: 0.23, timestampMs: 1234567890 },
      { name: "name2", labels: { labelname: "val2", basename: "basevalue2" }, value: Infinity, timestampMs: 54321 },
      { name: "name2", labels: { labelname: "val1" }, value: -Infinity },
    ]);
  });

  it("reads a summary's quantiles, _sum and _count among other samples and funny comments", () => {
    const text = [
      "# TYPE my_summary summary",
      'my_summary{n1="val1",quantile="0.5"} 110',
      "decoy -1 -2",
      'my_summary_count{n1="val1"} 42',
      'my_summary_sum{n1="val2"} 08 15',
      '  my_summary{n1="val1",n2="val2",quantile="-12.34",} NaN',
      "# some",
      "# HELP",
      "# HELP my_summary",
      "# HELP my_summary",
      "",
    ].join("\n");
    const { samples, families, rejected } = parsePrometheusExposition(text);
    expect(rejected).toEqual([]);
    expect(families.get("my_summary")).toEqual({ type: "summary" });
    expect(samples.map((s) => [s.name, s.value, s.timestampMs])).toEqual([
      ["my_summary", 110, undefined],
      ["decoy", -1, -2],
      ["my_summary_count", 42, undefined],
      ["my_summary_sum", 8, 15],
      ["my_summary", NaN, undefined],
    ]);
    expect(samples.at(-1)?.labels).toEqual({ n1: "val1", n2: "val2", quantile: "-12.34" });
  });

  it("reads a histogram's buckets, _sum and _count", () => {
    const text = [
      "# HELP request_duration_microseconds The response latency.",
      "# TYPE request_duration_microseconds histogram",
      'request_duration_microseconds_bucket{le="100"} 123',
      'request_duration_microseconds_bucket{le="172.8"} 1524',
      'request_duration_microseconds_bucket{le="+Inf"} 2693',
      "request_duration_microseconds_sum 1.7560473e+06",
      "request_duration_microseconds_count 2693",
      "",
    ].join("\n");
    const { samples, families, rejected } = parsePrometheusExposition(text);
    expect(rejected).toEqual([]);
    expect(families.get("request_duration_microseconds")).toEqual({ help: "The response latency.", type: "histogram" });
    expect(samples.map((s) => [s.name, s.labels.le, s.value])).toEqual([
      ["request_duration_microseconds_bucket", "100", 123],
      ["request_duration_microseconds_bucket", "172.8", 1524],
      ["request_duration_microseconds_bucket", "+Inf", 2693],
      ["request_duration_microseconds_sum", undefined, 1756047.3],
      ["request_duration_microseconds_count", undefined, 2693],
    ]);
  });

  it.each([
    ['metric{label="\\t"} 3.14', "invalid escape sequence in label value"],
    ['metric{@="bla"} 3.14', "invalid label name"],
    ['metric{__name__="bla"} 3.14', 'label name "__name__" is reserved'],
    ['metric{label+="bla"} 3.14', "expected '=' after label name"],
    ["metric{label=bla} 3.14", `expected '"' at start of label value`],
    ['metric{label="bla"+} 3.14', "unexpected end of label value"],
    ['metric{label="new', "unexpected end of line in label value"],
    ['metric{label="bla"} 3.14 2.72', 'expected integer as timestamp, got "2.72"'],
    ['metric{label="bla"} 3.14 2 3', "spurious string after timestamp"],
    ['metric{label="bla"} blubb', 'expected float as value, got "blubb"'],
    ['metric{label="bla",label="bla"} 3.14', 'duplicate label name "label"'],
    ['@invalidmetric{label="bla"} 3.14 2', "invalid metric name"],
    ['{label="bla"} 3.14 2', "invalid metric name"],
    ["met-ric 1", "invalid metric name"],
    ["foo 1_2", 'expected float as value, got "1_2"'],
    ["foo 0x1p-3", 'expected float as value, got "0x1p-3"'],
    ["foo 0B1", 'expected float as value, got "0B1"'],
    ["foo 0o1", 'expected float as value, got "0o1"'],
    ["foo 0X1", 'expected float as value, got "0X1"'],
    ["foo +NaN", 'expected float as value, got "+NaN"'],
    ["foo", 'expected float as value, got ""'],
  ])("sets aside %j: %s", (line, reason) => {
    expect(parsePrometheusExposition(`ok 1\n${line}\nalso_ok 2\n`)).toEqual({
      samples: [
        { name: "ok", labels: {}, value: 1 },
        { name: "also_ok", labels: {}, value: 2 },
      ],
      families: new Map(),
      rejected: [{ line: 2, reason }],
    });
  });

  it.each([
    ['# TYPE metric summary\nmetric{quantile="bla"} 3.14\n', 2, "expected float as value for 'quantile' label"],
    ['# TYPE metric summary\nmetric{quantile="0x1p-3"} 3.14\n', 2, "expected float as value for 'quantile' label"],
    ['# TYPE metric histogram\nmetric_bucket{le="bla"} 3.14\n', 2, "expected float as value for 'le' label"],
    ["# HELP metric one\n# HELP metric two\n", 2, 'second HELP line for "metric"'],
    ["# TYPE metric counter\n# TYPE metric untyped\n", 2, 'second TYPE line for "metric", or TYPE after its samples'],
    ["metric 4.12\n# TYPE metric counter\n", 2, 'second TYPE line for "metric", or TYPE after its samples'],
    ["# TYPE metric bla\n", 1, 'unknown metric type "bla"'],
    ["# TYPE met-ric\n", 1, 'invalid metric name "met-ric" in TYPE'],
  ])("sets aside what breaks a family's rules: %j", (text, line, reason) => {
    expect(parsePrometheusExposition(text).rejected).toEqual([{ line, reason }]);
  });

  it("keeps the first HELP and TYPE when a second is set aside", () => {
    const { families } = parsePrometheusExposition("# HELP m one\n# HELP m two\n# TYPE m gauge\n# TYPE m counter\n");
    expect(families.get("m")).toEqual({ help: "one", type: "gauge" });
  });

  it("does not check le or quantile on samples outside a declared histogram or summary", () => {
    expect(parsePrometheusExposition('m_bucket{le="bla"} 1\n# TYPE s summary\ns_count{quantile="x"} 1\n').rejected).toEqual([]);
  });
});
