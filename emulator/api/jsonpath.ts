// The subset of kubectl's JSONPath that CRD additionalPrinterColumns use:
// `.a.b`, `.a[0]`, `.a[*].b`, `.a[?(@.type=='Ready')].status`, `.metadata.labels['x\.y/z']`.

type Step = { field: string } | { index: number } | { all: true } | { filterField: string; equals: string };

function parse(path: string): Step[] {
  const steps: Step[] = [];
  let i = 0;
  while (i < path.length) {
    if (path[i] === ".") {
      i++;
      const start = i;
      while (i < path.length && path[i] !== "." && path[i] !== "[") i++;
      if (i > start) steps.push({ field: path.slice(start, i) });
    } else if (path[i] === "[") {
      const close = findClose(path, i);
      const inner = path.slice(i + 1, close);
      i = close + 1;
      const filter = /^\?\(@\.([\w.-]+)\s*==\s*['"](.*)['"]\)$/.exec(inner);
      if (inner === "*") steps.push({ all: true });
      else if (filter) steps.push({ filterField: filter[1]!, equals: filter[2]! });
      else if (/^\d+$/.test(inner)) steps.push({ index: Number(inner) });
      else steps.push({ field: inner.replace(/^['"]|['"]$/g, "").replace(/\\\./g, ".") });
    } else {
      i++;
    }
  }
  return steps;
}

function findClose(path: string, open: number): number {
  let quote: string | undefined;
  for (let i = open + 1; i < path.length; i++) {
    const c = path[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === "]") return i;
  }
  return path.length;
}

const cache = new Map<string, Step[]>();

/** All values the path selects (an empty array when nothing matches). */
export function evaluate(obj: unknown, path: string): unknown[] {
  let steps = cache.get(path);
  if (!steps) cache.set(path, (steps = parse(path)));
  let current: unknown[] = [obj];
  for (const step of steps) {
    const next: unknown[] = [];
    for (const v of current) {
      if (v === null || v === undefined) continue;
      if ("field" in step) {
        if (typeof v === "object" && !Array.isArray(v)) next.push((v as Record<string, unknown>)[step.field]);
      } else if ("index" in step) {
        if (Array.isArray(v)) next.push(v[step.index]);
      } else if ("all" in step) {
        if (Array.isArray(v)) next.push(...v);
      } else if (Array.isArray(v)) {
        for (const item of v) {
          const got = evaluate(item, `.${step.filterField}`)[0];
          if (got !== undefined && String(got) === step.equals) next.push(item);
        }
      }
    }
    current = next.filter((x) => x !== undefined);
  }
  return current;
}
