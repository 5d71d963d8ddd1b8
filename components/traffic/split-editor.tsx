"use client";

// The editing step of the Split Traffic dialog: one-click splits, the preview with its total,
// the rows, and what the model warns about. A refusal from the cluster (422/400) is shown above
// the rows, its causes next to the rows they name.

import { RotateCcw, Scale } from "lucide-react";
import { buttonClass } from "@/components/ui/button-styles";
import type { SplitCheck } from "@/lib/knative/split-check";
import { placeCauses, type PlacedCauses } from "@/lib/knative/split-causes";
import { findRow, rowLabel, splitTotal } from "@/lib/knative/split-state";
import type { RollbackResult } from "@/lib/knative/split-shortcuts";
import type { SplitWarning } from "@/lib/knative/split-warnings";
import { SplitPreview } from "./split-preview";
import { SplitRowsTable } from "./split-rows-table";
import { SplitWarningsList } from "./split-warnings-list";
import type { SplitEditing } from "./use-split-editing";
import { WriteFailure } from "./write-failure";

/** A 422/400 from the cluster, its causes placed on the rows they name. */
export interface Refusal extends PlacedCauses {
  message: string;
}

export function SplitEditor({
  editing,
  check,
  warnings,
  rollback,
  refusal,
  tagUrl,
}: {
  editing: SplitEditing;
  /** The webhook's verdict on the split. */
  check: SplitCheck;
  warnings: SplitWarning[];
  rollback: RollbackResult;
  refusal: Refusal | null;
  tagUrl: (tag: string | undefined) => string | undefined;
}) {
  const { state } = editing;
  const messages = mergeMessages(check.rowMessages, refusal?.rows ?? {});
  const ownTagRows = placeCauses(check.traffic, check.leaves.flatMap((l) => l.paths.map((field) => ({ field, message: l.message })))).tagRows;
  const badTags = new Set([...ownTagRows, ...(refusal?.tagRows ?? [])]);
  const typed = editing.lastTyped ? findRow(state, editing.lastTyped) : undefined;
  const balanceLabel = typed && !typed.locked ? `Keep ${rowLabel(state, typed)} at ${typed.percent} % and share the rest among the others` : "Share the traffic evenly";
  return (
    <div className="flex flex-col gap-3">
      {refusal ? <WriteFailure title="The cluster refused this split" message={refusal.message} details={refusal.general} /> : null}
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={buttonClass("secondary")} onClick={editing.evenly}>
          <Scale aria-hidden className="size-3.5" />
          Evenly distribute
        </button>
        {rollback.state ? (
          <button type="button" className={buttonClass("secondary")} onClick={() => editing.replace(rollback.state)} title={`All traffic to ${rollback.to}, the ready revision before ${rollback.from}`}>
            <RotateCcw aria-hidden className="size-3.5" />
            Roll back to {rollback.to}
          </button>
        ) : (
          <>
            <button type="button" className={buttonClass("secondary")} disabled aria-describedby="split-rollback-reason">
              <RotateCcw aria-hidden className="size-3.5" />
              Roll back
            </button>
            <span id="split-rollback-reason" className="text-xs text-muted">
              {rollback.reason}
            </span>
          </>
        )}
        {splitTotal(state) !== 100 ? (
          <button type="button" className={buttonClass("secondary")} onClick={editing.balance} title={balanceLabel}>
            Make the total 100 %
          </button>
        ) : null}
      </div>
      <SplitPreview state={state} />
      <div className="rounded border border-line">
        <SplitRowsTable state={state} editing={editing} messages={messages} badTags={badTags} tagUrl={tagUrl} />
      </div>
      <SplitWarningsList warnings={warnings} />
    </div>
  );
}

function mergeMessages(a: Record<string, string[]>, b: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = { ...a };
  for (const [id, list] of Object.entries(b)) out[id] = [...new Set([...(out[id] ?? []), ...list])];
  return out;
}
