// What a heap holds, by kind: a V8 heap snapshot (the DevTools protocol's
// HeapProfiler.takeHeapSnapshot, as JSON) summed per node type and constructor name, so two
// summaries taken minutes apart say what grew. Strings are one kind, compiled code another.

export type HeapSummary = Map<string, { count: number; bytes: number }>;

interface SnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

const LUMPED: Record<string, string> = { string: "(strings)", "concatenated string": "(strings)", "sliced string": "(strings)", code: "(compiled code)", number: "(heap numbers)" };

export function summarizeSnapshot(json: string): HeapSummary {
  const snap = JSON.parse(json) as SnapshotJson;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = [fields.indexOf("type"), fields.indexOf("name"), fields.indexOf("self_size")];
  const summary: HeapSummary = new Map();
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + typeAt]!]!;
    const name = String(snap.strings[snap.nodes[i + nameAt]!] ?? "").slice(0, 60);
    const key = LUMPED[type] ?? (name ? `${type} ${name}` : type);
    const entry = summary.get(key) ?? { count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += snap.nodes[i + sizeAt]!;
    summary.set(key, entry);
  }
  return summary;
}

/** The kinds that grew most from `before` to `after`, biggest growth first. */
export function grownKinds(before: HeapSummary, after: HeapSummary, most = 6): Array<{ kind: string; count: number; bytes: number }> {
  return [...after]
    .map(([kind, a]) => ({ kind, count: a.count - (before.get(kind)?.count ?? 0), bytes: a.bytes - (before.get(kind)?.bytes ?? 0) }))
    .sort((x, y) => y.bytes - x.bytes)
    .slice(0, most);
}
