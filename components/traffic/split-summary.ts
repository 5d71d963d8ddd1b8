// The split in words, for the preview bar's accessible name and the confirmation toast:
// "Latest revision (currently hello-00002) 50 %, hello-00001 50 %", rows at 0 % left out.

import { rowLabel, type SplitState } from "@/lib/knative/split-state";

export function splitSummary(state: SplitState): string {
  const parts = state.rows.filter((r) => r.percent > 0).map((r) => `${rowLabel(state, r)} ${r.percent} %`);
  return parts.length > 0 ? parts.join(", ") : "no traffic";
}
