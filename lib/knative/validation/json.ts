// Reading untyped JSON the way Go's decoder would see it. Admission hands the validators plain
// objects (typed loosely in types.ts); these helpers give Go's zero values for absent fields so
// the ported rules can be written as in Go (`tt.RevisionName != ""`).

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The object, or an empty one (a nil struct pointer read as its zero value). */
export function obj(v: unknown): JsonObject {
  return isObject(v) ? v : {};
}

/** The array, or an empty one. */
export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** The string, or "" (Go's zero value). */
export function str(v: unknown): string {
  return typeof v === "string" ? v : "";
}

/** The number, or undefined for a nil pointer. */
export function optNum(v: unknown): number | undefined {
  return typeof v === "number" ? v : undefined;
}

/** The number, or 0. */
export function num(v: unknown): number {
  return typeof v === "number" ? v : 0;
}

/** The boolean, or undefined for a nil pointer. */
export function optBool(v: unknown): boolean | undefined {
  return typeof v === "boolean" ? v : undefined;
}

/** A string map (labels, annotations), or an empty one. */
export function stringMap(v: unknown): Record<string, string> {
  if (!isObject(v)) return {};
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) if (typeof val === "string") out[k] = val;
  return out;
}

/** Present in JSON and not null: a Go pointer/slice/map that is not nil. */
export function isPresent(v: unknown): boolean {
  return v !== undefined && v !== null;
}

/**
 * Whether Go would see the field as set (different from its zero value): kmp.CompareSetFields
 * reports exactly these. Pointer-typed fields are set even at false/0/"" (`pointerKeys`).
 */
export function isSetField(value: unknown, pointer: boolean): boolean {
  if (value === undefined || value === null) return false;
  if (pointer) return true;
  return value !== "" && value !== 0 && value !== false;
}

/** JSON deep copy (objects here are always plain JSON). */
export function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/**
 * `equality.Semantic.DeepEqual` on JSON: absent, null, empty lists and empty maps are all
 * equal (apimachinery's forked DeepEqual treats nil and empty slices/maps alike).
 */
export function semanticEqual(a: unknown, b: unknown): boolean {
  const aEmpty = isEmptyish(a);
  const bEmpty = isEmptyish(b);
  if (aEmpty || bEmpty) return aEmpty && bEmpty;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => semanticEqual(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!semanticEqual(a[k], b[k])) return false;
    return true;
  }
  return a === b;
}

function isEmptyish(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (isObject(v)) return Object.values(v).every(isEmptyish);
  return false;
}
