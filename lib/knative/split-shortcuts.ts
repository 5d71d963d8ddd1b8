// The dialog's one-click splits: Promote (one row gets everything) and Rollback (everything to
// the revision before the newest one that is live).

import { findRow, LATEST_ROW_ID, newestFirst, specShares, type SplitRevision, type SplitState } from "./split-state";

/**
 * That row 100 %, every other row 0 %. Locks are released: a one-click split replaces the whole
 * split, so a lock kept on a row it just zeroed would only mislead. Unknown ids change nothing.
 */
export function promote(state: SplitState, rowId: string): SplitState {
  if (!findRow(state, rowId)) return state;
  return { ...state, rows: state.rows.map((r) => ({ ...r, percent: r.id === rowId ? 100 : 0, locked: false })) };
}

export type RollbackResult = { state: SplitState; from: string; to: string } | { state: undefined; reason: string };

/**
 * All traffic to the previous ready revision, pinned by name. Precisely:
 *
 * 1. The live split is the Service's spec.traffic when the dialog opened (`state.currentTraffic`,
 *    not the edits in progress, so pressing Rollback twice does not step back twice), with the
 *    latestRevision target's share counted for the latest ready revision.
 * 2. `from` is the newest revision (newest first by generation, then creation time) that gets
 *    more than 0 % of the live split: the release being rolled back, whether it is a 10 % canary
 *    or at 100 %.
 * 3. `to` is the newest ready revision older than `from`.
 *
 * The result pins `to` at 100 % and leaves the latest row at 0 % (a rollback must not follow the
 * next revision), so splitWarnings says new revisions get no traffic. No result, with a reason,
 * when no listed revision gets traffic or no ready revision is older than `from`.
 */
export function rollback(state: SplitState, revisions: readonly SplitRevision[]): RollbackResult {
  const live = livePercents(state);
  const ordered = newestFirst(revisions);
  const fromIndex = ordered.findIndex((r) => (live.get(r.name) ?? 0) > 0);
  if (fromIndex < 0) return { state: undefined, reason: "No revision of this Service gets traffic now, so there is nothing to roll back from." };
  const from = ordered[fromIndex]!.name;
  const to = ordered.slice(fromIndex + 1).find((r) => r.ready === true)?.name;
  if (!to) return { state: undefined, reason: `No ready revision is older than ${from}, so there is nothing to roll back to.` };
  if (!findRow(state, to)) return { state: undefined, reason: `${to} is not in this split.` };
  return { state: promote(state, to), from, to };
}

/** Percent per revision name of the live split, the latest target's share resolved. */
function livePercents(state: SplitState): Map<string, number> {
  const out = new Map<string, number>();
  for (const share of specShares(state.currentTraffic)) {
    const name = share.id === LATEST_ROW_ID ? state.latestReadyRevisionName : share.id;
    if (name) out.set(name, (out.get(name) ?? 0) + share.percent);
  }
  return out;
}
