// The traffic split that goes with a new revision, for the Create Revision wizard's traffic step.
//
// Creating a revision changes spec.template; a target with `latestRevision: true` would then
// follow the new revision as soon as it is ready, so "keep the current split" has to pin that
// target's percent to the revision it serves now, by name. Tags that follow the latest revision
// carry no traffic of their own and keep following it (at 0 %): their URL reaches the new
// revision, which is what such a tag is for.

import type { Service, TrafficTarget } from "./types";

export interface RevisionShare {
  revisionName: string;
  percent: number;
  /** Tags pinned to this revision. */
  tags: string[];
}

export interface NewRevisionSplit {
  /** The new revision first, then the existing ones in the order given. */
  shares: RevisionShare[];
  /** The revision the latest-following percent was pinned to, and how much it keeps that way. */
  pinned?: { revisionName: string; percent: number };
  /** Percent that followed the latest revision while none was ready: nothing to pin, so it goes to the new revision. */
  unpinned?: number;
  /** Tags that follow the latest revision, kept floating at 0 %. */
  floatingTags: string[];
}

/** A target that follows the latest ready revision: explicitly, or by naming no revision (Knative's default). */
export function followsLatest(target: TrafficTarget): boolean {
  return target.latestRevision === true || (!target.revisionName && target.latestRevision !== false);
}

/** The revision the latest-following targets serve now: as the Route resolved it, else the latest ready one. */
export function currentLatestRevision(service: Service): string | undefined {
  return service.status?.traffic?.find((t) => t.latestRevision === true && t.revisionName)?.revisionName ?? service.status?.latestReadyRevisionName;
}

/** spec.traffic as stored; a Service without it sends everything to the latest revision. */
function specTraffic(service: Service): TrafficTarget[] {
  return service.spec.traffic ?? [{ latestRevision: true, percent: 100 }];
}

/** The current split with the latest-following percent pinned by name, and `newRevision` at 0 % (see above). */
export function splitForNewRevision(service: Service, existingRevisions: readonly string[], newRevision: string): NewRevisionSplit {
  const shares = new Map<string, RevisionShare>();
  const share = (revisionName: string) => {
    let s = shares.get(revisionName);
    if (!s) shares.set(revisionName, (s = { revisionName, percent: 0, tags: [] }));
    return s;
  };
  share(newRevision);
  for (const name of existingRevisions) share(name);

  const latest = currentLatestRevision(service);
  const floatingTags: string[] = [];
  let latestPercent = 0;
  for (const target of specTraffic(service)) {
    if (followsLatest(target)) {
      latestPercent += target.percent ?? 0;
      if (target.tag) floatingTags.push(target.tag);
      continue;
    }
    const s = share(target.revisionName!);
    s.percent += target.percent ?? 0;
    if (target.tag) s.tags.push(target.tag);
  }

  const result: NewRevisionSplit = { shares: [...shares.values()], floatingTags };
  if (latestPercent > 0 && latest) {
    share(latest).percent += latestPercent;
    result.pinned = { revisionName: latest, percent: share(latest).percent };
  } else if (latestPercent > 0) {
    share(newRevision).percent += latestPercent;
    result.unpinned = latestPercent;
  }
  return result;
}

export interface SplitTraffic {
  traffic: TrafficTarget[];
  /** For each target, the index of the share it came from; -1 for a floating tag. */
  shareOfTarget: number[];
}

/**
 * spec.traffic for the shares: every target pinned by name (`latestRevision: false`); the new
 * revision always gets its own target, even at 0 %, so the split says where it stands; other
 * revisions at 0 % without a tag are left out, as `kn service update --traffic` does.
 */
export function trafficForShares(shares: readonly RevisionShare[], newRevision: string, floatingTags: readonly string[] = []): SplitTraffic {
  const traffic: TrafficTarget[] = [];
  const shareOfTarget: number[] = [];
  shares.forEach((s, i) => {
    const [first, ...more] = s.tags;
    if (s.percent > 0 || first || s.revisionName === newRevision) {
      traffic.push({ ...(first ? { tag: first } : {}), revisionName: s.revisionName, latestRevision: false, percent: s.percent });
      shareOfTarget.push(i);
    }
    for (const tag of more) {
      traffic.push({ tag, revisionName: s.revisionName, latestRevision: false, percent: 0 });
      shareOfTarget.push(i);
    }
  });
  for (const tag of floatingTags) {
    traffic.push({ tag, latestRevision: true, percent: 0 });
    shareOfTarget.push(-1);
  }
  return { traffic, shareOfTarget };
}
