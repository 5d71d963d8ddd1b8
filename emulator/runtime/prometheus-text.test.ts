import { describe, expect, it } from "vitest";
import { parsePrometheusExposition } from "../../lib/knative/prometheus-samples";
import { goFloat, writePrometheusText, type MetricFamily } from "./prometheus-text";

describe("Prometheus text, as client_golang writes it", () => {
  it("writes HELP, TYPE, cumulative buckets ending in +Inf, _sum and _count", () => {
    const families: MetricFamily[] = [
      {
        name: "d_seconds",
        help: "Duration of things.",
        type: "histogram",
        metrics: [{ labels: { code: "200" }, bounds: [0.005, 0.1, 10], bucketCounts: [1, 2, 0, 1], sum: 10.25, count: 4 }],
      },
    ];
    expect(writePrometheusText(families)).toBe(
      [
        "# HELP d_seconds Duration of things.",
        "# TYPE d_seconds histogram",
        'd_seconds_bucket{code="200",le="0.005"} 1',
        'd_seconds_bucket{code="200",le="0.1"} 3',
        'd_seconds_bucket{code="200",le="10"} 3',
        'd_seconds_bucket{code="200",le="+Inf"} 4',
        'd_seconds_sum{code="200"} 10.25',
        'd_seconds_count{code="200"} 4',
        "",
      ].join("\n"),
    );
  });

  it("sorts families by name, labels by name, and metrics by their values, fewer labels first", () => {
    const text = writePrometheusText([
      { name: "z_info", help: "z", type: "gauge", metrics: [{ labels: { b: "2", a: "1" }, value: 1 }] },
      {
        name: "a_total",
        help: "a",
        type: "gauge",
        metrics: [
          { labels: { tag: "kn:default", code: "500" }, value: 1 },
          { labels: { tag: "kn:default", code: "200" }, value: 2 },
          { labels: { overflow: "true" }, value: 3 },
        ],
      },
      { name: "m_empty", help: "no data: no family", type: "gauge", metrics: [] },
    ]);
    expect(text.split("\n").filter((l) => !l.startsWith("#"))).toEqual([
      'a_total{overflow="true"} 3',
      'a_total{code="200",tag="kn:default"} 2',
      'a_total{code="500",tag="kn:default"} 1',
      'z_info{a="1",b="2"} 1',
      "",
    ]);
    expect(text).not.toContain("m_empty");
  });

  it("escapes HELP and label values as expfmt does, and a parser reads them back", () => {
    const text = writePrometheusText([{ name: "x", help: 'back\\slash\nnew "line"', type: "gauge", metrics: [{ labels: { v: 'a"b\\c\nd' }, value: 0.5 }] }]);
    expect(text).toContain('# HELP x back\\\\slash\\nnew "line"\n');
    expect(text).toContain('x{v="a\\"b\\\\c\\nd"} 0.5\n');
    expect(parsePrometheusExposition(text)).toEqual({
      samples: [{ name: "x", labels: { v: 'a"b\\c\nd' }, value: 0.5 }],
      families: new Map([["x", { help: 'back\\slash\nnew "line"', type: "gauge" }]]),
      rejected: [],
    });
  });

  it.each([
    [0, "0"],
    [-0, "0"],
    [1, "1"],
    [-1, "-1"],
    [0.005, "0.005"],
    [0.0001, "0.0001"],
    [0.00001, "1e-05"],
    [123456, "123456"],
    [1_000_000, "1e+06"],
    [1_234_567, "1.234567e+06"],
    [2937.12, "2937.12"],
    [1e21, "1e+21"],
    [1.5e-300, "1.5e-300"],
    [Infinity, "+Inf"],
    [-Infinity, "-Inf"],
    [Number.NaN, "NaN"],
  ])("writes %d as Go's FormatFloat(v, 'g', -1, 64): %s", (value, text) => {
    expect(goFloat(value)).toBe(text);
  });
});
