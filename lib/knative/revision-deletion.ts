// When a revision may be deleted. Knative lets any revision be deleted, and what breaks is found
// out afterwards: a Route that still sends traffic to it, or names it by tag, goes not-Ready
// with RevisionMissing and that traffic fails; deleting the latest created revision only makes
// the Configuration create it again. A console refuses instead, and says what would break.

import type { Revision, Service } from "./types";

/** Why this revision must not be deleted now; empty when it may be. */
export function revisionDeletionBlockers(revision: Revision, service: Service): string[] {
  const name = revision.metadata.name!;
  const reasons: string[] = [];
  const status = service.status;
  const served = (status?.traffic ?? []).filter((t) => t.revisionName === name && (t.percent ?? 0) > 0);
  const percent = served.reduce((sum, t) => sum + (t.percent ?? 0), 0);
  if (percent > 0) reasons.push(`it serves ${percent} % of the traffic of ${service.metadata.name}; requests to it would fail`);
  const pinned = (service.spec.traffic ?? []).filter((t) => t.revisionName === name);
  const tags = [...(status?.traffic ?? []), ...pinned].filter((t) => t.revisionName === name && t.tag).map((t) => t.tag!);
  if (tags.length > 0) reasons.push(`it is tagged ${[...new Set(tags)].map((t) => `"${t}"`).join(", ")}; the tag URL would stop answering`);
  if (pinned.length > 0 && percent === 0 && tags.length === 0) reasons.push(`the traffic split names it; the Route would report it missing`);
  if (status?.latestCreatedRevisionName === name) reasons.push("it is the latest revision; the Service would create it again");
  return reasons;
}
