// The words of the audit trail: what each change made through the console did, as an Event's
// reason, action and note. Pure, so the wording is tested on its own.

import type { Service, TrafficTarget } from "@/lib/knative/types";

export type AuditReason = "TrafficSplitChanged" | "RevisionCreated" | "ServiceCreated" | "ServiceDeleted" | "RevisionDeleted";

/** One target as people read a split: "hello-00001 50%", "latest 100%", "hello-00002 0% (tag candidate)". */
function target(t: TrafficTarget): string {
  const name = t.revisionName ?? (t.latestRevision ? "latest" : (t.configurationName ?? "?"));
  return `${name} ${t.percent ?? 0}%${t.tag ? ` (tag ${t.tag})` : ""}`;
}

/** "hello-00001 50%, hello-00002 50%"; "none" for an empty split. */
export function describeSplit(traffic: readonly TrafficTarget[] | undefined): string {
  return traffic && traffic.length > 0 ? traffic.map(target).join(", ") : "none";
}

/**
 * The split a Service had before a change: its status names the revisions `latestRevision`
 * resolved to; its spec when the Route has not reported yet.
 */
export function splitBefore(service: Service): TrafficTarget[] | undefined {
  return service.status?.traffic?.length ? service.status.traffic : service.spec?.traffic;
}

const who = (user: string | null) => (user ? `User "${user}"` : "An unknown identity");

export function trafficSplitNote(user: string | null, service: string, before: TrafficTarget[] | undefined, after: TrafficTarget[]): string {
  return `${who(user)} changed the traffic split of Service ${service} through the console: ${describeSplit(before)} → ${describeSplit(after)}`;
}

export function revisionCreatedNote(user: string | null, service: string, revision: string | undefined, before: TrafficTarget[] | undefined, after: TrafficTarget[]): string {
  const which = revision ? `revision ${revision}` : "a new revision";
  return `${who(user)} created ${which} of Service ${service} through the console; traffic: ${describeSplit(before)} → ${describeSplit(after)}`;
}

export function serviceCreatedNote(user: string | null, service: string, image: string | undefined): string {
  return `${who(user)} created Service ${service} through the console${image ? ` (image ${image})` : ""}`;
}

export function serviceDeletedNote(user: string | null, service: string): string {
  return `${who(user)} deleted Service ${service} (its Configuration, Route and Revisions with it) through the console`;
}

export function revisionDeletedNote(user: string | null, revision: string, service: string | undefined): string {
  return `${who(user)} deleted revision ${revision}${service ? ` of Service ${service}` : ""} through the console`;
}
