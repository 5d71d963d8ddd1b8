// The colour of a split row, the same as the TrafficBar and the revision tables use
// (revisionColor), so a revision looks the same everywhere on the Service page. The floating
// "latest revision" row takes the colour of the revision it follows today, striped, since it is
// a different target from that revision's own pinned row and both can carry traffic at once.

import type { CSSProperties } from "react";
import { revisionColor } from "@/components/revisions/revision-color";
import type { SplitRow, SplitState } from "@/lib/knative/split-state";
import { cn } from "@/components/ui/cn";

const NO_REVISION_YET = "#94a3b8";

export function rowColor(state: Pick<SplitState, "latestReadyRevisionName">, row: SplitRow): string {
  if (row.kind === "revision") return revisionColor(row.revisionName);
  return state.latestReadyRevisionName ? revisionColor(state.latestReadyRevisionName) : NO_REVISION_YET;
}

/** Background for a swatch or bar segment: solid for a pinned revision, striped for the latest target. */
export function rowFill(color: string, striped: boolean): CSSProperties {
  return striped
    ? { backgroundColor: color, backgroundImage: "repeating-linear-gradient(135deg, transparent 0 3px, rgba(255,255,255,0.55) 3px 5px)" }
    : { backgroundColor: color };
}

export function RowSwatch({ color, striped, className }: { color: string; striped: boolean; className?: string }) {
  return <span aria-hidden className={cn("inline-block size-2.5 shrink-0 rounded-sm", className)} style={rowFill(color, striped)} />;
}
