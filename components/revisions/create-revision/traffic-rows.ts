// The Traffic Splitting Settings step as form rows (percent and tag as typed), how they start
// from the current split, and their check: whole percents, then Knative's traffic rules
// (lib/knative/traffic.ts checkTraffic), so the sum is refused with the webhook's own message.

import { splitForNewRevision, trafficForShares, type NewRevisionSplit, type RevisionShare } from "@/lib/knative/new-revision-split";
import { checkTraffic } from "@/lib/knative/traffic";
import type { Service, TrafficTarget } from "@/lib/knative/types";
import { leafText } from "./basic-checks";
import { addMessage, percentField, trafficFieldOf, TRAFFIC_TOTAL, type FieldMessages } from "./field-paths";
import { wholeNumber } from "./form-model";

export interface TrafficRow {
  revisionName: string;
  isNew: boolean;
  percent: string;
  /** The tag edited in the row: the revision's first. */
  tag: string;
  /** Further tags the revision has, kept as they are. */
  moreTags: string[];
}

export interface TrafficPlan {
  rows: TrafficRow[];
  /** What the current split said, for the step's explanation. */
  split: NewRevisionSplit;
}

export function planTraffic(service: Service, existingRevisions: readonly string[], newRevision: string): TrafficPlan {
  const split = splitForNewRevision(service, existingRevisions, newRevision);
  const rows = split.shares.map((s) => ({
    revisionName: s.revisionName,
    isNew: s.revisionName === newRevision,
    percent: String(s.percent),
    tag: s.tags[0] ?? "",
    moreTags: s.tags.slice(1),
  }));
  return { rows, split };
}

/**
 * The rows for a newer state of the Service (after a conflict): its revisions, in its order,
 * with the user's percent and tag wherever they had a row for that revision.
 */
export function rebaseRows(previous: readonly TrafficRow[], fresh: readonly TrafficRow[]): TrafficRow[] {
  const mine = new Map(previous.map((r) => [r.isNew ? "" : r.revisionName, r]));
  return fresh.map((row) => {
    const old = mine.get(row.isNew ? "" : row.revisionName);
    return old ? { ...row, percent: old.percent, tag: old.tag } : row;
  });
}

const percentOf = (row: TrafficRow) => (row.percent.trim() === "" ? 0 : wholeNumber(row.percent));

export interface TrafficCheck {
  traffic: TrafficTarget[];
  /** For each target, the row it came from (-1: a tag that follows the latest revision). */
  rowOfTarget: number[];
  total: number;
  messages: FieldMessages;
}

export function checkTrafficRows(rows: readonly TrafficRow[], newRevision: string, floatingTags: readonly string[]): TrafficCheck {
  const messages: FieldMessages = {};
  const shares: RevisionShare[] = rows.map((row, i) => {
    const percent = percentOf(row);
    if (percent === undefined || percent > 100) addMessage(messages, percentField(i), "must be a whole number from 0 to 100");
    return { revisionName: row.revisionName, percent: percent ?? 0, tags: [row.tag.trim(), ...row.moreTags].filter(Boolean) };
  });
  const total = shares.reduce((sum, s) => sum + s.percent, 0);
  const { traffic, shareOfTarget } = trafficForShares(shares, newRevision, floatingTags);
  for (const leaf of checkTraffic(traffic).leaves) {
    for (const path of leaf.paths) {
      const field = trafficFieldOf(path, shareOfTarget) ?? TRAFFIC_TOTAL;
      if (field !== TRAFFIC_TOTAL && messages[field]?.length) continue;
      addMessage(messages, field, leafText(leaf.message, leaf.details));
    }
  }
  return { traffic, rowOfTarget: shareOfTarget, total, messages };
}
