// A port of knative.dev/pkg apis/field_error.go: the error type every Knative validator returns.
//
// A FieldError is a tree of diagnostics. Each node has a message, the field paths it is about,
// optional details and a level (error or warning). Validators build errors bottom-up and
// prefix the paths on the way out (`err.viaField("spec")`), so a leaf created as `image` ends
// up as `spec.template.spec.containers[0].image`. `render()` reproduces Go's `Error()` byte
// for byte, which is what the webhook puts after "validation failed: ".
//
// Like Go's nil *FieldError, "no error" is `undefined`: validators return
// `FieldError | undefined`, chain with `?.viaField(...)`, and collect with `also(a, b, ...)`.

export type DiagnosticLevel = "error" | "warning";

/** One merged diagnostic: what the console shows next to a field. */
export interface FieldErrorLeaf {
  message: string;
  /** Sorted, without duplicates, e.g. `spec.traffic[0].percent`. */
  paths: string[];
  details: string;
  level: DiagnosticLevel;
}

/** Use as a path when the problem is with the current field itself (Go's `apis.CurrentField`). */
export const CURRENT_FIELD = "";

export class FieldError {
  readonly message: string;
  readonly paths: readonly string[];
  readonly details: string;
  readonly level: DiagnosticLevel;
  /** Nested diagnostics collected with `also`. */
  private readonly children: readonly FieldError[];

  constructor(init: { message?: string; paths?: readonly string[]; details?: string; level?: DiagnosticLevel }, children: readonly FieldError[] = []) {
    this.message = init.message ?? "";
    this.paths = init.paths ?? [];
    this.details = init.details ?? "";
    this.level = init.level ?? "error";
    this.children = children;
  }

  /** Prefix every path with `prefix` (`err.viaField("spec")`: `image` → `spec.image`). */
  viaField(...prefix: string[]): FieldError {
    const paths = this.paths.map((p) => flatten([...prefix, p]));
    return new FieldError(
      { message: this.message, paths, details: this.details, level: this.level },
      this.children.map((c) => c.viaField(...prefix)),
    );
  }

  /** Attach an index to the next viaField: `err.viaIndex(0).viaField("containers")` → `containers[0].…`. */
  viaIndex(index: number): FieldError {
    return this.viaField(`[${index}]`);
  }

  /** Short for `viaIndex(index).viaField(field)`. */
  viaFieldIndex(field: string, index: number): FieldError {
    return this.viaIndex(index).viaField(field);
  }

  /** Attach a map key to the next viaField: `err.viaKey("k").viaField("bag")` → `bag[k]`. */
  viaKey(key: string): FieldError {
    return this.viaField(`[${key}]`);
  }

  /** Short for `viaKey(key).viaField(field)`. */
  viaFieldKey(field: string, key: string): FieldError {
    return this.viaKey(key).viaField(field);
  }

  /** The same diagnostics at another level (Go's `At`). */
  at(level: DiagnosticLevel): FieldError {
    return new FieldError(
      { message: this.message, paths: this.paths, details: this.details, level },
      this.children.map((c) => c.at(level)),
    );
  }

  /** Only the diagnostics at `level`, or undefined if there are none (Go's `Filter`). */
  filter(level: DiagnosticLevel): FieldError | undefined {
    const own = this.level === level && !isEmptyNode(this) ? [nodeOnly(this)] : [];
    const kept = this.children.map((c) => c.filter(level)).filter((c): c is FieldError => c !== undefined);
    return also(undefined, ...own, ...kept);
  }

  /** A new error holding this one and `errs` (Go's `Also`); undefined arguments are skipped. */
  also(...errs: Array<FieldError | undefined>): FieldError {
    return also(this, ...errs) ?? this;
  }

  /** True when nothing is reported. */
  isEmpty(): boolean {
    return isEmptyNode(this) && this.children.length === 0;
  }

  /** The merged, sorted diagnostics (Go's `WrappedErrors`). */
  leaves(): FieldErrorLeaf[] {
    return merge(this.normalized());
  }

  /** Exactly Go's `FieldError.Error()`. */
  render(): string {
    return this.leaves().map(renderLeaf).join("\n");
  }

  toString(): string {
    return this.render();
  }

  private normalized(): FieldErrorLeaf[] {
    const out: FieldErrorLeaf[] = [];
    if (this.message !== "") {
      out.push({ message: this.message, paths: [...this.paths], details: this.details, level: this.level });
    }
    for (const c of this.children) out.push(...c.normalized());
    return out;
  }
}

function isEmptyNode(fe: FieldError): boolean {
  return fe.message === "" && fe.details === "" && fe.paths.length === 0;
}

function nodeOnly(fe: FieldError): FieldError {
  return new FieldError({ message: fe.message, paths: fe.paths, details: fe.details, level: fe.level });
}

/**
 * Collects errors; `undefined` and empty errors are skipped. Returns undefined when nothing is
 * left, like Go's `(*FieldError)(nil).Also(nil)`.
 */
export function also(first: FieldError | undefined, ...rest: Array<FieldError | undefined>): FieldError | undefined {
  const parts = [first, ...rest].filter((e): e is FieldError => e !== undefined && !e.isEmpty());
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return parts[0];
  return new FieldError({}, parts);
}

/** One leaf as Go prints it: `<message>: <paths>` and the details on the next line. */
export function renderLeaf(leaf: FieldErrorLeaf): string {
  const head = `${leaf.message}: ${leaf.paths.join(", ")}`;
  return leaf.details === "" ? head : `${head}\n${leaf.details}`;
}

/** Go compares strings byte by byte (UTF-8); comparing code points gives the same order. */
export function compareBytewise(a: string, b: string): number {
  const ai = a[Symbol.iterator]();
  const bi = b[Symbol.iterator]();
  for (;;) {
    const x = ai.next();
    const y = bi.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (d !== 0) return d;
  }
}

const LEVEL_ORDER: Record<DiagnosticLevel, number> = { error: 0, warning: 1 };

// merge() in field_error.go: leaves with the same level, message and details share one line.
function merge(leaves: FieldErrorLeaf[]): FieldErrorLeaf[] {
  const byKey = new Map<string, FieldErrorLeaf>();
  for (const leaf of leaves) {
    const key = `${leaf.level}-${leaf.message}-${leaf.details}`;
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, { ...leaf, paths: [...leaf.paths] });
      continue;
    }
    for (const p of leaf.paths) if (!seen.paths.includes(p)) seen.paths.push(p);
  }
  const merged = [...byKey.values()];
  for (const m of merged) m.paths.sort(compareBytewise);
  return merged.sort(
    (a, b) =>
      compareBytewise(a.message, b.message) || compareBytewise(a.details, b.details) || LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level],
  );
}

// flatten() in field_error.go: joins path parts with dots and glues `[i]` onto the part before it.
function flatten(parts: string[]): string {
  const out: string[] = [];
  for (const part of parts) {
    for (const p of part.split(".")) {
      if (p === CURRENT_FIELD) continue;
      if (out.length > 0 && p.startsWith("[") && p.endsWith("]")) out[out.length - 1] += p;
      else out.push(p);
    }
  }
  return out.join(".");
}

// ---- Helpers (the `Err*` constructors of field_error.go) ----

/** Go's `fmt.Sprint` / `%v` for the values validators pass: arrays print as `[a b]`. */
export function goSprint(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(goSprint).join(" ")}]`;
  if (value === null || value === undefined) return "<nil>";
  return String(value);
}

/** A diagnostic with any message (Go's `ErrGeneric`). */
export function errGeneric(message: string, ...paths: string[]): FieldError {
  return new FieldError({ message, paths });
}

export function errMissingField(...paths: string[]): FieldError {
  return new FieldError({ message: "missing field(s)", paths });
}

export function errDisallowedFields(...paths: string[]): FieldError {
  return new FieldError({ message: "must not set the field(s)", paths });
}

export function errDisallowedUpdateDeprecatedFields(...paths: string[]): FieldError {
  return new FieldError({ message: "must not update deprecated field(s)", paths });
}

/** `invalid value: <value>`; several details are joined with ", ". */
export function errInvalidValue(value: unknown, path: string, ...details: string[]): FieldError {
  return new FieldError({ message: `invalid value: ${goSprint(value)}`, paths: [path], details: details.join(", ") });
}

/** An invalid element of a list: note the path is `field[index]` under the current field. */
export function errInvalidArrayValue(value: unknown, field: string, index: number): FieldError {
  return errInvalidValue(value, CURRENT_FIELD).viaFieldIndex(field, index);
}

export function errMissingOneOf(...paths: string[]): FieldError {
  return new FieldError({ message: "expected exactly one, got neither", paths });
}

export function errMultipleOneOf(...paths: string[]): FieldError {
  return new FieldError({ message: "expected exactly one, got both", paths });
}

/** `invalid key name "<key>"` (Go's %q); several details are joined with ", ". */
export function errInvalidKeyName(key: string, path: string, ...details: string[]): FieldError {
  return new FieldError({ message: `invalid key name ${goQuote(key)}`, paths: [path], details: details.join(", ") });
}

/** `expected <lower> <= <value> <= <upper>`. */
export function errOutOfBoundsValue(value: unknown, lower: unknown, upper: unknown, path: string): FieldError {
  return new FieldError({ message: `expected ${goSprint(lower)} <= ${goSprint(value)} <= ${goSprint(upper)}`, paths: [path] });
}

/** Go's `%q` for a string: double quotes with Go escapes for quotes, backslashes and control characters. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\r") out += "\\r";
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return out + '"';
}

/** Error-level text for the webhook denial, or undefined when only warnings (or nothing) remain. */
export function renderErrors(err: FieldError | undefined): string | undefined {
  return err?.filter("error")?.render();
}

/** Warning-level diagnostics, one string per merged leaf, as the webhook returns them. */
export function renderWarnings(err: FieldError | undefined): string[] {
  return err?.filter("warning")?.leaves().map(renderLeaf) ?? [];
}
