// Editing a split in the Split Traffic dialog: the number box and the slider of a row move
// together, and moving one row rebalances the other unlocked rows so the total stays 100.
//
// Every function returns a new state (rows that did not change are shared) and leaves the
// argument alone. Percents stay whole numbers in 0..100; only setPercentFree lets the total
// differ from 100, for free typing, and checkSplit then says why OK is disabled.
//
// Rebalancing is proportional to the other rows' *current* percents, so a row that reaches 0
// stays at 0 as long as some other row still has traffic. A slider should therefore rebalance
// from the state at the start of the drag (setPercent(startState, id, value) on every move),
// not from the previous move, or rounding and zeroed rows would pile up during one drag.

import { apportion } from "./traffic";
import { clampPercent, findRow, type SplitRow, type SplitState } from "./split-state";

/**
 * Sets a row (clamped to a whole 0..100) and rebalances the other unlocked rows so the total is
 * 100 again: they share the rest in proportion to their current percents (evenly if all are 0),
 * rounded by largest remainder so they sum exactly. When they cannot absorb the change, the
 * edited value is clamped to what is possible: at most 100 minus the locked rows, and exactly
 * that when every other row is locked. A locked row itself does not move.
 */
export function setPercent(state: SplitState, rowId: string, value: number): SplitState {
  const row = findRow(state, rowId);
  if (!row || row.locked) return state;
  const others = state.rows.filter((r) => r.id !== rowId && !r.locked);
  const lockedTotal = state.rows.filter((r) => r.id !== rowId && r.locked).reduce((sum, r) => sum + r.percent, 0);
  const room = Math.max(0, 100 - lockedTotal);
  const percent = others.length === 0 ? room : Math.min(clampPercent(value), room);
  const rebalanced = apportion(Object.fromEntries(others.map((r) => [r.id, r.percent])), room - percent);
  return withPercents(state, { ...rebalanced, [rowId]: percent });
}

/** Sets one row (clamped to a whole 0..100) and nothing else: the total may now differ from 100. */
export function setPercentFree(state: SplitState, rowId: string, value: number): SplitState {
  const row = findRow(state, rowId);
  if (!row || row.locked) return state;
  return withPercents(state, { [rowId]: clampPercent(value) });
}

export function toggleLock(state: SplitState, rowId: string): SplitState {
  return mapRows(state, (r) => (r.id === rowId ? { ...r, locked: !r.locked } : r));
}

/** Sets or (with undefined or "") removes the row's tag; the webhook's tag rules apply in checkSplit. */
export function setTag(state: SplitState, rowId: string, tag: string | undefined): SplitState {
  return mapRows(state, (r) => {
    if (r.id !== rowId) return r;
    const next = { ...r };
    if (tag) next.tag = tag;
    else delete next.tag;
    return next;
  });
}

/**
 * Shares what the locked rows leave over all unlocked rows evenly, by largest remainder with the
 * extra points going to the earlier rows (34/33/33).
 */
export function distributeEvenly(state: SplitState): SplitState {
  const unlocked = state.rows.filter((r) => !r.locked);
  if (unlocked.length === 0) return state;
  const lockedTotal = state.rows.filter((r) => r.locked).reduce((sum, r) => sum + r.percent, 0);
  // apportion breaks ties toward the earlier entry, and equal weights are all ties.
  return withPercents(state, apportion(Object.fromEntries(unlocked.map((r) => [r.id, 1])), Math.max(0, 100 - lockedTotal)));
}

/** The state with the given rows' percents replaced. */
export function withPercents(state: SplitState, percents: Readonly<Record<string, number>>): SplitState {
  return mapRows(state, (r) => (Object.hasOwn(percents, r.id) && percents[r.id] !== r.percent ? { ...r, percent: percents[r.id]! } : r));
}

function mapRows(state: SplitState, f: (row: SplitRow) => SplitRow): SplitState {
  return { ...state, rows: state.rows.map(f) };
}
