// Test shorthand for dialog states: "@latest=50 a=30#v1! b=20" is the latest row at 50 %, revision
// a at 30 % tagged v1 and locked, revision b at 20 %. Unless given, spec.traffic is that split as
// it was when the dialog opened, and the first revision row is the latest ready one. Only for the
// split-* tests.

import { LATEST_ROW_ID, type SplitRow, type SplitState } from "./split-state";
import type { TrafficTarget } from "./types";

export function split(text: string, currentTraffic?: TrafficTarget[], latestReadyRevisionName?: string): SplitState {
  const rows = text
    .split(/\s+/)
    .filter(Boolean)
    .map((token): SplitRow => {
      const m = /^([^=]+)=(\d+)(?:#([^!]+))?(!)?$/.exec(token);
      if (!m) throw new Error(`bad row ${token}`);
      const [, id, percent, tag, locked] = m;
      const common = { id: id!, percent: Number(percent), ...(tag ? { tag } : {}), locked: locked === "!", extraTags: [], inTraffic: Number(percent) > 0 || !!tag };
      return id === LATEST_ROW_ID ? { kind: "latest", ...common } : { kind: "revision", revisionName: id!, known: true, ready: true, ...common };
    });
  const traffic = currentTraffic ?? rows.filter((r) => r.inTraffic).map(targetOf);
  const latestReady = latestReadyRevisionName ?? rows.find((r) => r.kind === "revision")?.id;
  return { rows, currentTraffic: traffic, ...(latestReady ? { latestReadyRevisionName: latestReady } : {}) };
}

function targetOf(row: SplitRow): TrafficTarget {
  const tag = row.tag ? { tag: row.tag } : {};
  if (row.kind === "latest") return { ...tag, latestRevision: true, percent: row.percent };
  return { ...tag, revisionName: row.revisionName, latestRevision: false, percent: row.percent };
}

/** The inverse of split(): the rows in the same shorthand. */
export function show(state: SplitState): string {
  return state.rows.map((r) => `${r.id}=${r.percent}${r.tag ? `#${r.tag}` : ""}${r.locked ? "!" : ""}`).join(" ");
}
