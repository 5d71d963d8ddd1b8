// Traffic-split helpers for the Split Traffic dialog and the Create Revision wizard's traffic
// step. Checking a split calls the webhook's own rules (validation/traffic.ts), so the dialog
// shows exactly what the cluster would answer, e.g. "Traffic targets sum to 90, want 100".
//
// A split is edited as a map from revision name to whole percent; `buildTraffic` turns it back
// into `spec.traffic`, keeping tags (their URLs stay stable) and the latestRevision target.

import type { FieldError, FieldErrorLeaf } from "./field-error";
import { trafficShares } from "./traffic-shares";
import type { TrafficTarget } from "./types";
import { ROUTE_SPEC_TRAFFIC, SERVICE_SPEC_TRAFFIC, trafficPercentSum, validateTrafficList } from "./validation/traffic";

/** Percent of traffic per revision name. Insertion order is display order. */
export type RevisionPercents = Record<string, number>;

/** The sum of the targets' percents (a missing percent counts as 0, as in Knative). */
export function sumPercents(targets: readonly TrafficTarget[] | undefined): number {
  return trafficPercentSum(targets ?? []);
}

export interface TrafficCheck {
  /** The webhook's error-level diagnostics, paths under `spec.traffic`; undefined when valid. */
  errors: FieldError | undefined;
  /** The same, flattened for display next to the fields they name. */
  leaves: FieldErrorLeaf[];
}

/**
 * Checks a proposed `spec.traffic` with the validating webhook's traffic rules. `owner` picks
 * the Service rules (targets default to the Service's configuration; configurationName is not
 * allowed) or a standalone Route's.
 */
export function checkTraffic(traffic: readonly TrafficTarget[], owner: "Service" | "Route" = "Service"): TrafficCheck {
  const ctx = owner === "Service" ? SERVICE_SPEC_TRAFFIC : ROUTE_SPEC_TRAFFIC;
  const errors = validateTrafficList(ctx, traffic)?.viaField("traffic").viaField("spec").filter("error");
  return { errors, leaves: errors?.leaves() ?? [] };
}

export interface BuildTrafficOptions {
  /** Percent for the target that follows the latest revision (default 0). */
  latestPercent?: number;
}

/**
 * A new `spec.traffic` from `current` and per-revision percents:
 * - each revision gets its percent on its first pinned target (tag kept); further targets for
 *   the same revision keep their tags at 0 %;
 * - targets pinned to revisions not in `percents` stay only if tagged, at 0 %;
 * - the latestRevision target gets `latestPercent`, and stays at 0 % only if tagged;
 * - revisions with no target yet are appended, pinned (`latestRevision: false`);
 * - untagged targets at 0 % are dropped, as `kn service update --traffic` does.
 */
export function buildTraffic(current: readonly TrafficTarget[], percents: RevisionPercents, options: BuildTrafficOptions = {}): TrafficTarget[] {
  const placed = new Set<string>();
  const out: TrafficTarget[] = [];
  const keep = (t: TrafficTarget) => {
    if (t.tag || (t.percent ?? 0) > 0) out.push(t);
  };
  let latestPlaced = false;
  for (const target of current) {
    if (target.latestRevision === true || (!target.revisionName && target.latestRevision !== false)) {
      keep({ ...withoutUrl(target), percent: latestPlaced ? 0 : (options.latestPercent ?? 0) });
      latestPlaced = true;
      continue;
    }
    const rev = target.revisionName;
    if (!rev) continue;
    const percent = Object.hasOwn(percents, rev) && !placed.has(rev) ? percents[rev]! : 0;
    placed.add(rev);
    keep({ ...withoutUrl(target), percent });
  }
  if (!latestPlaced && (options.latestPercent ?? 0) > 0) out.push({ latestRevision: true, percent: options.latestPercent });
  for (const [revisionName, percent] of Object.entries(percents)) {
    if (!placed.has(revisionName) && percent > 0) out.push({ revisionName, latestRevision: false, percent });
  }
  return out;
}

/** `url` is status-only; the webhook rejects it in spec. */
function withoutUrl(target: TrafficTarget): TrafficTarget {
  const copy = { ...target };
  delete copy.url;
  return copy;
}

/**
 * Percent per revision as the Route resolved it (`status.traffic`): several targets for one
 * revision (e.g. a tag and the latest) add up.
 */
export function percentsFromStatus(statusTraffic: readonly TrafficTarget[] | undefined): RevisionPercents {
  return Object.fromEntries(trafficShares(statusTraffic).map((s) => [s.revisionName, s.percent]));
}

/** Whole percents summing to exactly 100 from any non-negative weights (see apportion). */
export function roundToHundred(weights: RevisionPercents): RevisionPercents {
  return apportion(weights, 100);
}

/**
 * Whole numbers proportional to `weights` that sum to exactly `total`, by largest remainder
 * (ties go to the earlier entry). All-zero weights share `total` evenly.
 */
export function apportion(weights: RevisionPercents, total: number): RevisionPercents {
  const names = Object.keys(weights);
  if (names.length === 0) return {};
  const clean = names.map((n) => Math.max(0, Number.isFinite(weights[n]) ? weights[n]! : 0));
  const sum = clean.reduce((a, b) => a + b, 0);
  const shares = sum > 0 ? clean.map((w) => (w * total) / sum) : clean.map(() => total / names.length);
  const result = shares.map(Math.floor);
  let left = total - result.reduce((a, b) => a + b, 0);
  const byRemainder = shares.map((s, i) => ({ i, r: s - result[i]! })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    result[i]!++;
    left--;
  }
  return Object.fromEntries(names.map((n, i) => [n, result[i]!]));
}

/** An even split over `revisions` (34/33/33: the remainder goes to the first ones). */
export function distributeEvenly(revisions: readonly string[]): RevisionPercents {
  return roundToHundred(Object.fromEntries(revisions.map((r) => [r, 1])));
}

/**
 * Sets `revision` to `percent` (clamped to a whole 0..100) and rescales the others in proportion
 * to their current shares so the total stays 100. With every other revision at 0 the rest is
 * shared evenly; as the only revision it is always 100.
 */
export function setRevisionPercent(percents: RevisionPercents, revision: string, percent: number): RevisionPercents {
  const others = Object.keys(percents).filter((r) => r !== revision);
  if (others.length === 0) return { ...percents, [revision]: 100 };
  const value = Math.min(100, Math.max(0, Math.round(Number.isFinite(percent) ? percent : 0)));
  const rest = 100 - value;
  const otherWeights = Object.fromEntries(others.map((r) => [r, percents[r] ?? 0]));
  const rescaled = apportion(otherWeights, rest);
  const out: RevisionPercents = {};
  for (const r of Object.keys(percents).concat(Object.hasOwn(percents, revision) ? [] : [revision])) {
    out[r] = r === revision ? value : rescaled[r]!;
  }
  return out;
}
