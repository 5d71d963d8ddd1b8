// Go's quoting, as it appears inside kube-apiserver's messages.
import { describe, expect, it } from "vitest";
import { goList, goQuote, goQuoteList, goStringSliceLiteral } from "./go-format";

describe("goQuote (strconv.Quote)", () => {
  it.each([
    ["dev", '"dev"'],
    ['say "hi"', '"say \\"hi\\""'],
    ["back\\slash", '"back\\\\slash"'],
    ["tab\tnew\nline", '"tab\\tnew\\nline"'],
    ["\u0000\u007f", '"\\x00\\x7f"'],
    ["café ☕", '"café ☕"'],
    ["\u00a0", '"\\u00a0"'],
  ])("%j → %s", (input, quoted) => {
    expect(goQuote(input)).toBe(quoted);
  });

  it("prints lists as %q, %v and %#v do", () => {
    expect(goQuoteList(["system:masters", "system:authenticated"])).toBe('["system:masters" "system:authenticated"]');
    expect(goList(["a", "b"])).toBe("[a b]");
    expect(goStringSliceLiteral(["/logs/*"])).toBe('[]string{"/logs/*"}');
  });
});
