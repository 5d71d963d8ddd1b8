import { describe, expect, it } from "vitest";
import { parsePrometheusText } from "./prometheus-text";

describe("parsePrometheusText", () => {
  it("reads names, labels with escapes, values and ignores timestamps and comments", () => {
    const text = [
      "# HELP x Help text",
      "# TYPE x counter",
      'x{path="C:\\\\DIR\\\\F.TXT",error="Cannot find file:\\n\\"F.TXT\\""} 1.5e3 1395066363000',
      "bare 12.47",
      'inf{le="+Inf"} +Inf',
      'trailing{a="1",} 2',
    ].join("\n");
    expect(parsePrometheusText(text)).toEqual([
      { name: "x", labels: { path: "C:\\DIR\\F.TXT", error: 'Cannot find file:\n"F.TXT"' }, value: 1500 },
      { name: "bare", labels: {}, value: 12.47 },
      { name: "inf", labels: { le: "+Inf" }, value: Infinity },
      { name: "trailing", labels: { a: "1" }, value: 2 },
    ]);
  });

  it("skips lines that do not parse and keeps the rest", () => {
    expect(parsePrometheusText('ok 1\nbroken{a="1" 2\n{}\nno_value\nalso_ok 2\n')).toEqual([
      { name: "ok", labels: {}, value: 1 },
      { name: "also_ok", labels: {}, value: 2 },
    ]);
  });
});
