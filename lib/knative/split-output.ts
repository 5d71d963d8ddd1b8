// From the dialog's rows back to `spec.traffic`, and the before/after table of a change.

import { buildTraffic, type RevisionPercents } from "./traffic";
import { LATEST_ROW_ID, specShares, targetRowId, type SplitState } from "./split-state";
import type { TrafficTarget } from "./types";

/**
 * The new spec.traffic: `currentTraffic` (by default the one the dialog opened with) changed as
 * little as possible. The tags the user changed are changed on the targets that carry them, so
 * other tags and their URLs stay, even ones added to a newer `currentTraffic` meanwhile; then
 * buildTraffic sets the percents: the latest row on the latestRevision target (kept as such,
 * never pinned), each revision row on its first pinned target, new ones appended pinned, and
 * untagged 0 % targets dropped as kn does.
 */
export function toTraffic(state: SplitState, currentTraffic: readonly TrafficTarget[] = state.currentTraffic): TrafficTarget[] {
  const percents: RevisionPercents = {};
  let latestPercent = 0;
  for (const row of state.rows) {
    if (row.kind === "latest") latestPercent += row.percent;
    else percents[row.revisionName] = row.percent;
  }
  return buildTraffic(withTagEdits(currentTraffic, state), percents, { latestPercent });
}

/**
 * Applies each row whose tag differs from its tag when the dialog opened: that old tag is
 * replaced (or removed) where it is; a new tag goes on the row's first untagged target, or on a
 * new 0 % target when it has none. Extra tags of a row are never touched.
 */
function withTagEdits(current: readonly TrafficTarget[], state: SplitState): TrafficTarget[] {
  const openingTag = new Map(specShares(state.currentTraffic).map((s) => [s.id, s.tags[0]]));
  const out = current.map((t) => ({ ...t }));
  for (const row of state.rows) {
    const was = openingTag.get(row.id);
    if ((row.tag || undefined) === was) continue;
    const belongs = (t: TrafficTarget) => targetRowId(t) === row.id;
    const carrier = was === undefined ? -1 : out.findIndex((t) => belongs(t) && t.tag === was);
    if (!row.tag) {
      if (carrier >= 0) delete out[carrier]!.tag;
      continue;
    }
    const at = carrier >= 0 ? carrier : out.findIndex((t) => belongs(t) && !t.tag);
    if (at >= 0) out[at]!.tag = row.tag;
    else if (row.kind === "latest") out.push({ tag: row.tag, latestRevision: true, percent: 0 });
    else out.push({ tag: row.tag, revisionName: row.revisionName, latestRevision: false, percent: 0 });
  }
  return out;
}

/** One line of the before/after table: the latestRevision target, or a pinned revision. */
export interface TrafficDiffRow {
  /** LATEST_ROW_ID ("@latest") or the revision name. */
  id: string;
  latest: boolean;
  revisionName?: string;
  beforePercent: number;
  afterPercent: number;
  beforeTags: string[];
  afterTags: string[];
  changed: boolean;
}

/**
 * Before and after per target, summed per revision like trafficShares (the latestRevision
 * targets together): the rows of `before` in its order, then those only `after` has.
 */
export function trafficDiff(before: readonly TrafficTarget[], after: readonly TrafficTarget[]): TrafficDiffRow[] {
  const was = new Map(specShares(before).map((s) => [s.id, s]));
  const now = new Map(specShares(after).map((s) => [s.id, s]));
  const ids = [...new Set([...was.keys(), ...now.keys()])];
  return ids.map((id) => {
    const b = was.get(id);
    const a = now.get(id);
    const beforeTags = b?.tags ?? [];
    const afterTags = a?.tags ?? [];
    const beforePercent = b?.percent ?? 0;
    const afterPercent = a?.percent ?? 0;
    const latest = id === LATEST_ROW_ID;
    return {
      id,
      latest,
      ...(latest ? {} : { revisionName: id }),
      beforePercent,
      afterPercent,
      beforeTags,
      afterTags,
      changed: b === undefined || a === undefined || beforePercent !== afterPercent || beforeTags.join(",") !== afterTags.join(","),
    };
  });
}
