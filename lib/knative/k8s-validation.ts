// Kubernetes name checks with apimachinery's exact messages (k8s.io/apimachinery v0.35.7:
// pkg/util/validation/validation.go, pkg/api/validate/content/{kube,dns,errors}.go,
// pkg/api/validation/generic.go). Each returns the list of problems; empty means valid.
//
// Two generations of helpers coexist in v0.35: pkg/util/validation says "must be no more than
// 63 characters", the newer content package (used for qualified names and label values) says
// "bytes". Knative's messages quote whichever one it calls, so both are kept.

const DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
const LABEL_KEY_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const LABEL_VALUE_FMT = `(${LABEL_KEY_FMT})?`;

const DNS1123_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const DNS1035_LABEL_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
const LABEL_KEY_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

const anchored = (fmt: string) => new RegExp(`^(?:${fmt})$`);
const DNS1123_LABEL_RE = anchored(DNS1123_LABEL_FMT);
const DNS1123_SUBDOMAIN_RE = anchored(DNS1123_SUBDOMAIN_FMT);
const DNS1035_LABEL_RE = anchored(DNS1035_LABEL_FMT);
const LABEL_KEY_RE = anchored(LABEL_KEY_FMT);
const LABEL_VALUE_RE = anchored(LABEL_VALUE_FMT);

/** Go's len() counts UTF-8 bytes. */
export function byteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** pkg/util/validation MaxLenError. */
export function maxLenError(length: number): string {
  return `must be no more than ${length} characters`;
}

/** pkg/api/validate/content MaxLenError (the newer wording). */
function contentMaxLenError(length: number): string {
  return `must be no more than ${length} bytes`;
}

export function emptyError(): string {
  return "must be non-empty";
}

/**
 * RegexError: note the double space apimachinery produces between examples
 * (`(e.g. 'my-name',  or 'abc-123', regex used ...`), which tests pin.
 */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  let out = `${msg} (e.g. `;
  examples.forEach((e, i) => {
    if (i > 0) out += " or ";
    out += `'${e}', `;
  });
  return `${out}regex used for validation is '${fmt}')`;
}

/** A DNS-1035 label: lower case, starts with a letter, at most 63 characters. */
export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(maxLenError(63));
  if (!DNS1035_LABEL_RE.test(value)) errs.push(regexError(DNS1035_LABEL_MSG, DNS1035_LABEL_FMT, "my-name", "abc-123"));
  return errs;
}

/** A DNS-1123 label: lower case alphanumerics and '-', at most 63 characters. */
export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(maxLenError(63));
  if (!DNS1123_LABEL_RE.test(value)) {
    // A valid subdomain that is not a valid label can only be wrong because of its dots.
    if (DNS1123_SUBDOMAIN_RE.test(value)) errs.push("must not contain dots");
    else errs.push(regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, "my-name", "123-abc"));
  }
  return errs;
}

/** A DNS-1123 subdomain (pkg/util/validation): dot-separated labels, at most 253 characters. */
export function isDNS1123Subdomain(value: string): string[] {
  return dns1123Subdomain(value, maxLenError);
}

function dns1123Subdomain(value: string, lenError: (n: number) => string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 253) errs.push(lenError(253));
  if (!DNS1123_SUBDOMAIN_RE.test(value)) errs.push(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, "example.com"));
  return errs;
}

/**
 * IsFullyQualifiedDomainName (pkg/util/validation): a DNS-1123 subdomain of at least two labels,
 * a trailing dot allowed. Returns field errors as `field.Error` prints them (`<field>: Invalid
 * value: "<v>": <detail>`), at most one: apimachinery joins a value's problems with "," and stops
 * at the first bad label.
 */
export function isFullyQualifiedDomainName(field: string, name: string): string[] {
  if (name.length === 0) return [`${field}: Required value`];
  const host = name.endsWith(".") ? name.slice(0, -1) : name;
  const subdomainErrors = isDNS1123Subdomain(host);
  if (subdomainErrors.length > 0) return [fieldInvalid(field, host, subdomainErrors.join(","))];
  const labels = host.split(".");
  if (labels.length < 2) return [fieldInvalid(field, host, "should be a domain with at least two segments separated by dots")];
  for (const label of labels) {
    const labelErrors = isDNS1123Label(label);
    if (labelErrors.length > 0) return [fieldInvalid(field, label, labelErrors.join(","))];
  }
  return [];
}

/**
 * field.Error.ErrorBody() of an Invalid error on a string value (pkg/util/validation/field
 * errors.go): what a Status cause's message says, its field given apart.
 */
export function invalidValueMessage(value: string, detail: string): string {
  return `Invalid value: ${JSON.stringify(value)}: ${detail}`;
}

/** field.Error.Error() of an Invalid error on a string value: `<field>: ` and the body. */
function fieldInvalid(field: string, value: string, detail: string): string {
  return `${field}: ${invalidValueMessage(value, detail)}`;
}

/** A qualified name (label key): `[prefix/]name` (content.IsLabelKey, aliased as IsQualifiedName). */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split("/");
  let name: string;
  if (parts.length === 1) {
    name = parts[0]!;
  } else if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) errs.push(`prefix part ${emptyError()}`);
    else errs.push(...dns1123Subdomain(prefix, contentMaxLenError).map((m) => `prefix part ${m}`));
  } else {
    return [
      `a valid label key ${regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, "MyName", "my.name", "123-abc")} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errs.push(`name part ${emptyError()}`);
  else if (byteLength(name) > 63) errs.push(`name part ${contentMaxLenError(63)}`);
  if (!LABEL_KEY_RE.test(name)) errs.push(`name part ${regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, "MyName", "my.name", "123-abc")}`);
  return errs;
}

/** A label value: empty, or a qualified-name-like string of at most 63 bytes. */
export function isLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(contentMaxLenError(63));
  if (!LABEL_VALUE_RE.test(value)) errs.push(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
  return errs;
}

/**
 * NameIsDNS1035Label (pkg/api/validation/generic.go). With `prefix` (a generateName) a trailing
 * dash is allowed: apimachinery masks it, replacing the last TWO characters by "a" (sic).
 */
export function nameIsDNS1035Label(name: string, prefix: boolean): string[] {
  const masked = prefix && name.length > 1 && name.endsWith("-") ? `${name.slice(0, -2)}a` : name;
  return isDNS1035Label(masked);
}
