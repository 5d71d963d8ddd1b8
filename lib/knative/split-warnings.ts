// Plain-language warnings about a split the webhook would accept but that may not do what the
// user expects. They never block OK; checkSplit decides that.

import { rowLabel, targetRowId, type SplitState } from "./split-state";
import { toTraffic } from "./split-output";

export type SplitWarningCode =
  | "new-revisions-get-no-traffic"
  | "target-dropped"
  | "revision-not-found"
  | "revision-not-ready"
  | "no-ready-revision";

export interface SplitWarning {
  code: SplitWarningCode;
  message: string;
  /** The row it is about, if one. */
  rowId?: string;
}

export const NO_TRAFFIC_TO_NEW_REVISIONS = "New revisions will get no traffic until you change the split: every target is pinned to a revision.";

/**
 * - No traffic on the latestRevision target: revisions created later get none.
 * - A row whose target is in spec.traffic now but that leaves it (0 % and no tag, which buildTraffic
 *   and kn drop): its tag URL, if it had one, goes away too. Rows that were never in spec.traffic
 *   are not mentioned; there is nothing to drop.
 * - A kept target the Route cannot resolve (serving: pkg/reconciler/route/traffic/traffic.go and
 *   errors.go, as routing.ts resolveTraffic): a revision that is not listed (deleted?) or not
 *   ready, or the latest target while no revision is ready. The Route then keeps serving the
 *   old split and is not Ready.
 */
export function splitWarnings(state: SplitState): SplitWarning[] {
  const warnings: SplitWarning[] = [];
  const latest = state.rows.find((r) => r.kind === "latest");
  if ((latest?.percent ?? 0) === 0) warnings.push({ code: "new-revisions-get-no-traffic", message: NO_TRAFFIC_TO_NEW_REVISIONS });

  const kept = new Set(toTraffic(state).map(targetRowId));
  for (const row of state.rows) {
    const label = rowLabel(state, row);
    const warn = (code: SplitWarningCode, message: string) => warnings.push({ code, rowId: row.id, message });
    if (!kept.has(row.id)) {
      if (row.inTraffic) warn("target-dropped", `${label} will be removed from the traffic block: it gets 0 % and has no tag.`);
    } else if (row.kind === "latest") {
      if (!state.latestReadyRevisionName) {
        warn("no-ready-revision", "No revision is ready yet, so the latest-revision target has nowhere to send traffic: the Route keeps its old split until one is.");
      }
    } else if (!row.known) {
      warn("revision-not-found", `Revision ${row.revisionName} was not found: the Route keeps its old split while a target names it.`);
    } else if (row.ready === false) {
      warn("revision-not-ready", `Revision ${row.revisionName} is not ready: the Route keeps its old split until it is.`);
    }
  }
  return warnings;
}
