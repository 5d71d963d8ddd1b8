// Where a refusal of a split belongs in the Split Traffic dialog. A 422/400 Status names fields
// of the spec.traffic that was sent (`spec.traffic[1].revisionName`, or `spec.traffic.tag[1]` as
// the webhook's ErrInvalidArrayValue writes it); each cause goes next to the row whose target is
// at that index, the others (the sum, `spec.traffic` as a whole, unknown fields) under the
// Status message. checkSplit's own leaves, paths for causes, are placed the same way.

import { targetRowId } from "./split-state";
import type { TrafficTarget } from "./types";

/** A Status cause, as metav1.StatusCause has it. */
export interface RefusalCause {
  field?: string;
  message?: string;
}

export interface PlacedCauses {
  /** Messages per row id. */
  rows: Record<string, string[]>;
  /** Messages no row owns, each with its field when it has one. */
  general: string[];
  /** Rows whose tag is what a cause is about, to mark their tag box. */
  tagRows: string[];
}

export function placeCauses(sent: readonly TrafficTarget[], causes: readonly RefusalCause[]): PlacedCauses {
  const rows: Record<string, string[]> = {};
  const general: string[] = [];
  const tagRows = new Set<string>();
  for (const cause of causes) {
    const message = cause.message ?? cause.field ?? "";
    if (!message) continue;
    const index = cause.field ? targetIndexOf(cause.field) : undefined;
    const target = index === undefined ? undefined : sent[index];
    const rowId = target && targetRowId(target);
    if (rowId === undefined) {
      const text = cause.field && cause.message ? `${cause.field}: ${cause.message}` : message;
      if (!general.includes(text)) general.push(text);
      continue;
    }
    const messages = (rows[rowId] ??= []);
    if (!messages.includes(message)) messages.push(message);
    if (cause.field && TAG_FIELD.test(cause.field)) tagRows.add(rowId);
  }
  return { rows, general, tagRows: [...tagRows] };
}

const TAG_FIELD = /^spec\.traffic(?:\[\d+\]\.tag|\.tag\[\d+\])$/;

function targetIndexOf(field: string): number | undefined {
  const m = /^spec\.traffic(?:\[(\d+)\]|\.tag\[(\d+)\])/.exec(field);
  return m ? Number(m[1] ?? m[2]) : undefined;
}
