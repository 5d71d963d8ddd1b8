// Go's fmt verbs where Kubernetes puts user input into messages, so that those messages come out
// byte for byte: %q of a string (strconv.Quote) and of a []string, %v of a []string.

const SHORT_ESCAPES: Record<number, string> = { 7: "\\a", 8: "\\b", 9: "\\t", 10: "\\n", 11: "\\v", 12: "\\f", 13: "\\r", 34: '\\"', 92: "\\\\" };
// unicode.IsPrint: letters, marks, numbers, punctuation, symbols, and the ASCII space.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");

/** strconv.Quote. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const short = SHORT_ESCAPES[cp];
    if (short) out += short;
    else if (PRINTABLE.test(ch)) out += ch;
    else if (cp < 0x80) out += `\\x${hex(cp, 2)}`;
    else if (cp <= 0xffff) out += `\\u${hex(cp, 4)}`;
    else out += `\\U${hex(cp, 8)}`;
  }
  return `${out}"`;
}

/** `%q` of a []string: `["a" "b"]`. */
export function goQuoteList(values: readonly string[]): string {
  return `[${values.map(goQuote).join(" ")}]`;
}

/** `%v` of a []string: `[a b]`. */
export function goList(values: readonly string[]): string {
  return `[${values.join(" ")}]`;
}

/** `%#v` of a []string: `[]string{"a", "b"}`, as field.Invalid prints a list value. */
export function goStringSliceLiteral(values: readonly string[]): string {
  return `[]string{${values.map(goQuote).join(", ")}}`;
}
