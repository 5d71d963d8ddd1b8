// The state of the Split Traffic dialog: one row per revision of a Service, plus one row for
// Knative's floating `latestRevision: true` target, which follows whichever revision is the
// newest ready one. The floating target is its own row kind, so editing a split never pins it
// to the name of the revision it happens to point at today.
//
// Plain data, changed only by the pure functions of split-editing.ts and split-shortcuts.ts.

import { isReady } from "./conditions";
import { LABEL_CONFIGURATION_GENERATION } from "./labels";
import { trafficShares } from "./traffic-shares";
import type { Revision, Service, TrafficTarget } from "./types";

/** Row id of the latestRevision target; `@` cannot occur in a revision name, and kn spells it so. */
export const LATEST_ROW_ID = "@latest";

/** What the dialog needs to know about one revision of the Service. */
export interface SplitRevision {
  name: string;
  /** Ready condition True; undefined when unknown. */
  ready?: boolean;
  /** `serving.knative.dev/configurationGeneration`. */
  generation?: number;
  /** `metadata.creationTimestamp` (RFC 3339). */
  created?: string;
}

interface SplitRowCommon {
  id: string;
  /** Whole percent, 0..100. */
  percent: number;
  /** The tag the dialog edits: the first tag of this target in spec.traffic. */
  tag?: string;
  /** Locked rows keep their percent while others are rebalanced. */
  locked: boolean;
  /** Further tags on other targets for the same revision; kept as they are. */
  extraTags: string[];
  /** spec.traffic has a target for it now, so an untagged 0 % would remove it. */
  inTraffic: boolean;
}

/** The `latestRevision: true` target: "Latest revision (currently X)". */
export interface SplitLatestRow extends SplitRowCommon {
  kind: "latest";
}

/** A target pinned to one revision (`revisionName`, `latestRevision: false`). */
export interface SplitRevisionRow extends SplitRowCommon {
  kind: "revision";
  revisionName: string;
  /** Listed among the Service's revisions; false for a name only spec.traffic mentions. */
  known: boolean;
  ready?: boolean;
}

export type SplitRow = SplitLatestRow | SplitRevisionRow;

export interface SplitState {
  /** The latest row first, then the revisions newest first, then names only spec.traffic knows. */
  rows: SplitRow[];
  /** Where the latest row sends traffic today (`status.latestReadyRevisionName`). */
  latestReadyRevisionName?: string;
  /**
   * spec.traffic when the dialog opened: the base the new spec.traffic is built on (tags and
   * order kept), kn's starting point, and the live split a rollback steps back from.
   */
  currentTraffic: TrafficTarget[];
}

export interface SplitStateInput {
  /** The Service's spec.traffic. */
  traffic: readonly TrafficTarget[] | undefined;
  /** Its revisions; sorted newest first here by generation, then creation time. */
  revisions: readonly SplitRevision[];
  latestReadyRevisionName?: string;
}

/**
 * TrafficTarget.SetDefaults (serving: pkg/apis/serving/v1/route_defaults.go): latestRevision
 * defaults to "no revisionName". Same reading as buildTraffic in traffic.ts.
 */
export function isLatestTarget(target: TrafficTarget): boolean {
  return target.latestRevision === true || (!target.revisionName && target.latestRevision !== false);
}

/** The row a target belongs to; undefined for a pinned target without a revision name. */
export function targetRowId(target: TrafficTarget): string | undefined {
  if (isLatestTarget(target)) return LATEST_ROW_ID;
  return target.revisionName || undefined;
}

/** Percent and tags per row id of a spec.traffic. */
export interface SpecShare {
  id: string;
  percent: number;
  tags: string[];
}

/**
 * Sums spec.traffic per row: the latestRevision targets together, and each pinned revision the
 * way trafficShares sums status.traffic (the route's consolidate). The latest first, then the
 * revisions in order of first appearance.
 */
export function specShares(traffic: readonly TrafficTarget[]): SpecShare[] {
  const latestTargets = traffic.filter(isLatestTarget);
  const latest: SpecShare[] =
    latestTargets.length === 0
      ? []
      : [{ id: LATEST_ROW_ID, percent: latestTargets.reduce((sum, t) => sum + (t.percent ?? 0), 0), tags: latestTargets.flatMap((t) => (t.tag ? [t.tag] : [])) }];
  const pinned = trafficShares(traffic.filter((t) => !isLatestTarget(t)));
  return [...latest, ...pinned.map((s) => ({ id: s.revisionName, percent: s.percent, tags: s.tags.map((t) => t.tag) }))];
}

/** Newest first: by generation, then by creation time; otherwise the given order is kept. */
export function newestFirst(revisions: readonly SplitRevision[]): SplitRevision[] {
  return [...revisions].sort((a, b) => (b.generation ?? -1) - (a.generation ?? -1) || (Date.parse(b.created ?? "") || 0) - (Date.parse(a.created ?? "") || 0));
}

/**
 * The dialog's opening state. An empty spec.traffic is read as the webhook defaults it for a
 * Service (RouteSpec.SetDefaults: all traffic to the latest revision). The latest row is always
 * there, at 0 % if spec.traffic has no such target, so the user can choose to follow new
 * revisions; every revision has a row, at 0 % when it gets no traffic.
 */
export function createSplitState(input: SplitStateInput): SplitState {
  const currentTraffic = input.traffic && input.traffic.length > 0 ? input.traffic.map((t) => ({ ...t })) : [{ latestRevision: true, percent: 100 }];
  const shares = new Map(specShares(currentTraffic).map((s) => [s.id, s]));
  const fromShare = (id: string) => {
    const share = shares.get(id);
    const [tag, ...extraTags] = share?.tags ?? [];
    return { id, percent: clampPercent(share?.percent ?? 0), ...(tag ? { tag } : {}), locked: false, extraTags, inTraffic: share !== undefined };
  };

  const rows: SplitRow[] = [{ kind: "latest", ...fromShare(LATEST_ROW_ID) }];
  const listed = new Set<string>();
  for (const rev of newestFirst(input.revisions)) {
    if (listed.has(rev.name)) continue;
    listed.add(rev.name);
    rows.push({ kind: "revision", revisionName: rev.name, known: true, ...(rev.ready !== undefined ? { ready: rev.ready } : {}), ...fromShare(rev.name) });
  }
  // Deleted (or not yet listed) revisions still in spec.traffic keep their row, so their share is not lost unseen.
  for (const id of shares.keys()) {
    if (id !== LATEST_ROW_ID && !listed.has(id)) rows.push({ kind: "revision", revisionName: id, known: false, ...fromShare(id) });
  }
  return { rows, ...(input.latestReadyRevisionName ? { latestReadyRevisionName: input.latestReadyRevisionName } : {}), currentTraffic };
}

/** What the dialog needs from a Revision object. */
export function splitRevisionOf(revision: Revision): SplitRevision {
  const label = revision.metadata.labels?.[LABEL_CONFIGURATION_GENERATION];
  const generation = label ? Number(label) : Number.NaN;
  return {
    name: revision.metadata.name ?? "",
    ready: isReady(revision),
    ...(Number.isFinite(generation) ? { generation } : {}),
    ...(revision.metadata.creationTimestamp ? { created: revision.metadata.creationTimestamp } : {}),
  };
}

/** The opening state for a Service and its revisions as the API returns them. */
export function splitStateForService(service: Service, revisions: readonly Revision[]): SplitState {
  return createSplitState({
    traffic: service.spec.traffic,
    revisions: revisions.map(splitRevisionOf).filter((r) => r.name !== ""),
    latestReadyRevisionName: service.status?.latestReadyRevisionName,
  });
}

/** The row's label: the revision name, or "Latest revision (currently X)". */
export function rowLabel(state: SplitState, row: SplitRow): string {
  if (row.kind === "revision") return row.revisionName;
  return state.latestReadyRevisionName ? `Latest revision (currently ${state.latestReadyRevisionName})` : "Latest revision (none ready yet)";
}

export function findRow(state: SplitState, rowId: string): SplitRow | undefined {
  return state.rows.find((r) => r.id === rowId);
}

/** The sum of all rows; the split can be submitted only at exactly 100. */
export function splitTotal(state: SplitState): number {
  return state.rows.reduce((sum, r) => sum + r.percent, 0);
}

/** A whole percent in 0..100; anything not a finite number counts as 0. */
export function clampPercent(value: number): number {
  return Math.min(100, Math.max(0, Math.round(Number.isFinite(value) ? value : 0)));
}
