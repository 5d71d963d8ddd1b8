// How a Service's traffic is actually split, from its `status.traffic` (what the Route serves,
// with `latestRevision` already resolved to a name): one entry per revision, with its tags, in
// the order each revision first appears and with its percents summed, as the route reconciler
// consolidates targets for the ingress (serving: pkg/reconciler/route/traffic/traffic.go
// consolidate). The console shows these shares; the embedded gateway splits requests by them.

import type { TrafficTarget } from "./types";

export interface TrafficTag {
  tag: string;
  url?: string;
}

export interface TrafficShare {
  revisionName: string;
  percent: number;
  /** One of its targets follows the latest ready revision. */
  latest: boolean;
  tags: TrafficTag[];
}

export function trafficShares(targets: readonly TrafficTarget[] | undefined): TrafficShare[] {
  const byRevision = new Map<string, TrafficShare>();
  for (const t of targets ?? []) {
    const name = t.revisionName;
    if (!name) continue;
    const share = byRevision.get(name) ?? { revisionName: name, percent: 0, latest: false, tags: [] };
    share.percent += t.percent ?? 0;
    share.latest ||= t.latestRevision === true;
    if (t.tag) share.tags.push(t.url ? { tag: t.tag, url: t.url } : { tag: t.tag });
    byRevision.set(name, share);
  }
  return [...byRevision.values()];
}

export function percentFor(shares: TrafficShare[], revisionName: string): number {
  return shares.find((s) => s.revisionName === revisionName)?.percent ?? 0;
}
