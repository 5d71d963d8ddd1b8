// Can the dialog's split be submitted? The answer is the validating webhook's own, on the very
// spec.traffic that OK would send: the sum must be exactly 100 ("Traffic targets sum to 90,
// want 100"), tags must be DNS-1035 labels and unique (serving: pkg/apis/serving/v1/
// route_validation.go validateTrafficList). Percents need no check of their own: the editing
// functions keep every row a whole 0..100.

import type { FieldErrorLeaf } from "./field-error";
import { checkTraffic } from "./traffic";
import { splitTotal, targetRowId, type SplitState } from "./split-state";
import { toTraffic } from "./split-output";
import type { TrafficTarget } from "./types";

export interface SplitCheck {
  /** OK may be pressed. */
  ok: boolean;
  /** The sum of all rows. */
  total: number;
  /** Why OK is disabled: the sum problem if there is one, else the first diagnostic. */
  reason?: string;
  /** The webhook's diagnostics, paths under spec.traffic. */
  leaves: FieldErrorLeaf[];
  /** The same messages per row id, to show next to the row they are about. */
  rowMessages: Record<string, string[]>;
  /** The spec.traffic that was checked (what OK sends). */
  traffic: TrafficTarget[];
}

export function checkSplit(state: SplitState): SplitCheck {
  const traffic = toTraffic(state);
  const { leaves } = checkTraffic(traffic, "Service");
  const rowMessages: Record<string, string[]> = {};
  for (const leaf of leaves) {
    for (const path of leaf.paths) {
      const index = targetIndexOf(path);
      const rowId = index === undefined ? undefined : traffic[index] && targetRowId(traffic[index]);
      if (rowId === undefined) continue;
      const messages = (rowMessages[rowId] ??= []);
      if (!messages.includes(leaf.message)) messages.push(leaf.message);
    }
  }
  // Leaves come sorted by message; the sum is what the user most often has to fix, so it goes first.
  const first = leaves.find((l) => l.paths.includes("spec.traffic")) ?? leaves[0];
  return { ok: leaves.length === 0, total: splitTotal(state), ...(first ? { reason: first.message } : {}), leaves, rowMessages, traffic };
}

/**
 * The target a path is about: `spec.traffic[2].tag`, or `spec.traffic.tag[2]` as
 * ErrInvalidArrayValue puts it for a tag that is not a DNS-1035 label.
 */
function targetIndexOf(path: string): number | undefined {
  const m = /^spec\.traffic(?:\[(\d+)\]|\.tag\[(\d+)\])/.exec(path);
  return m ? Number(m[1] ?? m[2]) : undefined;
}
