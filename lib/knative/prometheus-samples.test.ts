import { describe, expect, it } from "vitest";
import { prometheusSamples } from "./prometheus-samples";

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
  it("keeps every histogram sample with its labels (which the package's typed reading loses)", () => {
    const samples = prometheusSamples(EXPOSITION);
    expect(samples.filter((s) => s.name === "d_seconds_count")).toEqual([
      { name: "d_seconds_count", labels: { code: "200" }, value: 1 },
      { name: "d_seconds_count", labels: { code: "500" }, value: 2 },
    ]);
    expect(samples.find((s) => s.name === "d_seconds_bucket" && s.labels.code === "500" && s.labels.le === "+Inf")?.value).toBe(2);
  });

  it("reads the last line without a final newline, and +Inf, -Inf, NaN", () => {
    expect(prometheusSamples(EXPOSITION).at(-1)).toEqual({ name: "target_info", labels: { kn_revision_name: "hello-00001" }, value: 1 });
    expect(prometheusSamples("a +Inf\nb -Inf\nc NaN").map((s) => s.value)).toEqual([Infinity, -Infinity, NaN]);
  });
});
