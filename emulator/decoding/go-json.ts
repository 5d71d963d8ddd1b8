// Decoding a parsed JSON value into a declared Go shape, as kube-apiserver's decoder
// (sigs.k8s.io/json, a case-sensitive fork of Go's encoding/json) does for the built-in types:
//
// - a value of the wrong JSON type is an error worded as Go words it:
//     json: cannot unmarshal string into Go struct field ObjectMeta.metadata.labels of type map[string]string
//   (the innermost struct's type name, then the JSON path from the root without indices);
// - `null` leaves the zero value, so the field is simply absent;
// - fields the shape does not declare are dropped, and reported so that `fieldValidation`
//   can turn them into warnings or a strict-decoding error;
// - []byte fields are standard base64 with padding, as encoding/base64.StdEncoding reads them.
//
// Only the result of decode() is stored: nothing of the input's shape survives that the Go type
// would not hold.

export type GoType =
  | { kind: "string" }
  | { kind: "bool" }
  | { kind: "int"; bits: 32 | 64 }
  | { kind: "bytes" }
  | { kind: "time" }
  | { kind: "intOrString" }
  /** Kept as it is (fieldsV1, a JSON blob; an opaque status). */
  | { kind: "raw" }
  | { kind: "map"; elem: GoType }
  | { kind: "slice"; elem: GoType }
  | { kind: "struct"; name: string; pkg: string; fields: () => Record<string, GoType> };

export const goString: GoType = { kind: "string" };
export const goBool: GoType = { kind: "bool" };
export const goInt32: GoType = { kind: "int", bits: 32 };
export const goInt64: GoType = { kind: "int", bits: 64 };
export const goBytes: GoType = { kind: "bytes" };
export const goTime: GoType = { kind: "time" };
export const goIntOrString: GoType = { kind: "intOrString" };
export const goRaw: GoType = { kind: "raw" };
export const mapOf = (elem: GoType): GoType => ({ kind: "map", elem });
export const sliceOf = (elem: GoType): GoType => ({ kind: "slice", elem });
export const struct = (pkg: string, name: string, fields: () => Record<string, GoType>): GoType => ({ kind: "struct", pkg, name, fields });

/** A decoding failure, with Go's message (the API server wraps it in "… cannot be handled as …"). */
export class GoDecodeError extends Error {}

/** Go's reflect name of a type: `map[string]string`, `[]v1.OwnerReference`, `[]uint8`. */
export function goTypeName(t: GoType): string {
  switch (t.kind) {
    case "string":
    case "bool":
      return t.kind;
    case "int":
      return `int${t.bits}`;
    case "bytes":
      return "[]uint8";
    case "time":
      return "v1.Time";
    case "intOrString":
      return "intstr.IntOrString";
    case "raw":
      return "interface {}";
    case "map":
      return `map[string]${goTypeName(t.elem)}`;
    case "slice":
      return `[]${goTypeName(t.elem)}`;
    case "struct":
      return `${t.pkg}.${t.name}`;
  }
}

/** The word encoding/json uses for a JSON value in "cannot unmarshal X into …". */
export function jsonKind(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return "number";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "string") return "string";
  return "object";
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

interface Context {
  /** The innermost struct's type name, for "Go struct field X.path". */
  struct?: string;
  /** JSON field names from the root, no indices (Go's errorContext.FieldStack). */
  fields: string[];
  /** Where unknown fields were dropped, as kube-apiserver reports them (`spec.ports[0].bogus`). */
  path: string;
  unknown: string[];
}

function typeError(value: unknown, t: GoType, ctx: Context, literal?: string): GoDecodeError {
  const what = literal === undefined ? jsonKind(value) : `number ${literal}`;
  const into = ctx.struct && ctx.fields.length > 0 ? `Go struct field ${ctx.struct}.${ctx.fields.join(".")}` : "Go value";
  return new GoDecodeError(`json: cannot unmarshal ${what} into ${into} of type ${goTypeName(t)}`);
}

export interface Decoded<T> {
  value: T;
  /** Paths of fields the type does not declare, dropped (`metadata.bogus`, `data.x.y`). */
  unknownFields: string[];
}

/** Decodes `value` as Go would into `type`; throws GoDecodeError with Go's message. */
export function decodeGo<T = unknown>(value: unknown, type: GoType, rootStruct?: string): Decoded<T> {
  const ctx: Context = { struct: rootStruct, fields: [], path: "", unknown: [] };
  const out = decode(value, type, ctx);
  return { value: out as T, unknownFields: ctx.unknown.sort() };
}

const INT_RANGE = { 32: [-(2 ** 31), 2 ** 31 - 1], 64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER] } as const;

function decode(value: unknown, t: GoType, ctx: Context): unknown {
  if (value === null || value === undefined) return undefined;
  switch (t.kind) {
    case "string":
      if (typeof value !== "string") throw typeError(value, t, ctx);
      return value;
    case "bool":
      if (typeof value !== "boolean") throw typeError(value, t, ctx);
      return value;
    case "int": {
      if (typeof value !== "number") throw typeError(value, t, ctx);
      const [min, max] = INT_RANGE[t.bits];
      if (!Number.isInteger(value) || value < min || value > max) throw typeError(value, t, ctx, String(value));
      return value;
    }
    case "bytes":
      if (typeof value !== "string") throw typeError(value, t, ctx);
      checkStdBase64(value);
      return value;
    case "time":
      if (typeof value !== "string") throw new GoDecodeError(`json: cannot unmarshal ${jsonKind(value)} into Go value of type string`);
      checkRfc3339(value);
      return value;
    case "intOrString":
      if (typeof value === "string") return value;
      if (typeof value === "number" && Number.isInteger(value) && value >= INT_RANGE[32][0] && value <= INT_RANGE[32][1]) return value;
      // IntOrString.UnmarshalJSON hands anything but a string to json.Unmarshal into an int32.
      throw new GoDecodeError(`json: cannot unmarshal ${typeof value === "number" ? `number ${value}` : jsonKind(value)} into Go value of type int32`);
    case "raw":
      return value;
    case "map": {
      if (!isPlainObject(value)) throw typeError(value, t, ctx);
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        // encoding/json stores a null map value as the element's zero value.
        out[k] = v === null ? zeroValue(t.elem) : decode(v, t.elem, { ...ctx, path: join(ctx.path, k), unknown: ctx.unknown });
      }
      return out;
    }
    case "slice": {
      if (!Array.isArray(value)) throw typeError(value, t, ctx);
      return value.map((item, i) => (item === null ? zeroValue(t.elem) : decode(item, t.elem, { ...ctx, path: `${ctx.path}[${i}]`, unknown: ctx.unknown })));
    }
    case "struct": {
      if (!isPlainObject(value)) throw typeError(value, t, ctx);
      const fields = t.fields();
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        const ft = fields[k];
        if (!ft) {
          ctx.unknown.push(join(ctx.path, k));
          continue;
        }
        const decoded = decode(v, ft, { struct: t.name, fields: [...ctx.fields, k], path: join(ctx.path, k), unknown: ctx.unknown });
        if (decoded !== undefined) out[k] = decoded;
      }
      return out;
    }
  }
}

const join = (path: string, key: string) => (path === "" ? key : `${path}.${key}`);

function zeroValue(t: GoType): unknown {
  switch (t.kind) {
    case "string":
    case "bytes":
      return "";
    case "bool":
      return false;
    case "int":
      return 0;
    case "struct":
      return {};
    default:
      return null;
  }
}

const BASE64_ALPHABET = /^[A-Za-z0-9+/]$/;

/** encoding/base64.StdEncoding: padded, no other characters (\r and \n are skipped). */
export function checkStdBase64(s: string): void {
  const chars = s.replace(/[\r\n]/g, "");
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === "=") {
      // Padding only at the end of the last quantum, one or two of them.
      const rest = chars.slice(i);
      const ok = (rest === "=" || rest === "==") && chars.length % 4 === 0 && i % 4 >= 2;
      if (!ok) throw new GoDecodeError(`illegal base64 data at input byte ${i}`);
      return;
    }
    if (!BASE64_ALPHABET.test(c)) throw new GoDecodeError(`illegal base64 data at input byte ${i}`);
  }
  if (chars.length % 4 !== 0) throw new GoDecodeError(`illegal base64 data at input byte ${chars.length - (chars.length % 4)}`);
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** metav1.Time reads RFC 3339 (time.Parse's layout "2006-01-02T15:04:05Z07:00"). */
function checkRfc3339(s: string): void {
  if (!RFC3339.test(s) || Number.isNaN(Date.parse(s))) {
    throw new GoDecodeError(`parsing time ${JSON.stringify(s)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(s)} as "2006"`);
  }
}
