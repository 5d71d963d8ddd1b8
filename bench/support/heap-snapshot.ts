// What a heap holds, by kind: a V8 heap snapshot (the DevTools protocol's
// HeapProfiler.takeHeapSnapshot, as JSON) summed per node type and constructor name, so two
// summaries taken minutes apart say what grew. Strings are one kind, compiled code another; the
// compiled code is also summed by name (a function's SharedFunctionInfo and code carry its name,
// a regular expression's code its source), to say whose code keeps being made, and the strings by
// shape (their first 60 characters, each digit as #), to say which strings keep being kept.

export type KindSizes = Map<string, { count: number; bytes: number }>;

export interface HeapSummary {
  kinds: KindSizes;
  /** The "code" nodes by name. */
  code: KindSizes;
  /** The strings by shape: "18:02:11|11px" and "18:02:12|11px" are both "##:##:##|##px". */
  strings: KindSizes;
}

interface SnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

const STRING_TYPES = new Set(["string", "concatenated string", "sliced string"]);
const LUMPED: Record<string, string> = { string: "(strings)", "concatenated string": "(strings)", "sliced string": "(strings)", code: "(compiled code)", number: "(heap numbers)" };

export function summarizeSnapshot(json: string): HeapSummary {
  const snap = JSON.parse(json) as SnapshotJson;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = [fields.indexOf("type"), fields.indexOf("name"), fields.indexOf("self_size")];
  const summary: HeapSummary = { kinds: new Map(), code: new Map(), strings: new Map() };
  const add = (sizes: KindSizes, key: string, bytes: number) => {
    const entry = sizes.get(key) ?? { count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += bytes;
    sizes.set(key, entry);
  };
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + typeAt]!]!;
    const name = String(snap.strings[snap.nodes[i + nameAt]!] ?? "").slice(0, 60);
    const bytes = snap.nodes[i + sizeAt]!;
    add(summary.kinds, LUMPED[type] ?? (name ? `${type} ${name}` : type), bytes);
    if (type === "code") add(summary.code, name || "(unnamed)", bytes);
    if (STRING_TYPES.has(type)) add(summary.strings, name.replace(/\d/g, "#"), bytes);
  }
  return summary;
}

/** The kinds (or code names) that grew most from `before` to `after`, biggest growth first. */
export function grownKinds(before: KindSizes, after: KindSizes, most = 6): Array<{ kind: string; count: number; bytes: number }> {
  return [...after]
    .map(([kind, a]) => ({ kind, count: a.count - (before.get(kind)?.count ?? 0), bytes: a.bytes - (before.get(kind)?.bytes ?? 0) }))
    .sort((x, y) => y.bytes - x.bytes)
    .slice(0, most);
}
