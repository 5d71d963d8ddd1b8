// Applies a cluster's live messages (see lib/k8s/live) to the React Query cache: changes update
// the cached lists and objects they concern in place, so an open page follows kubectl within a
// second without refetching; a resync refetches everything shown for the cluster.

import type { QueryClient, QueryKey } from "@tanstack/react-query";
import type { KubeObject } from "@/lib/knative/types";
import type { KubeList, LiveMessage } from "./api-types";
import { type ListFilter, queryKeys } from "./keys";
import { applyWatchEvent, applyWatchEventToObject } from "./watch-events";

type ChangeMessage = Extract<LiveMessage, { type: "change" }>;

function filterOf(key: QueryKey): ListFilter | undefined {
  const filter = key[4];
  return typeof filter === "object" && filter !== null ? (filter as ListFilter) : undefined;
}

function applyChange(qc: QueryClient, cluster: string, { resource, event, object }: ChangeMessage): void {
  for (const [key, data] of qc.getQueriesData<KubeList<KubeObject>>({ queryKey: queryKeys.lists(cluster, resource) })) {
    const filter = filterOf(key);
    if (!data || !filter) continue;
    const next = applyWatchEvent(data, event, object, filter);
    if (next !== data) qc.setQueryData(key, next);
  }

  const { namespace, name } = object.metadata;
  if (namespace && name) {
    const key = queryKeys.detail(cluster, resource, namespace, name);
    const current = qc.getQueryData<KubeObject>(key);
    if (current) {
      const next = applyWatchEventToObject(current, event, object);
      // Gone: refetch, so the page shows the cluster's own 404 rather than stale data.
      if (next === undefined) void qc.invalidateQueries({ queryKey: key, exact: true });
      else if (next !== current) qc.setQueryData(key, next);
    }
  }

  if (resource === "deployments") void qc.invalidateQueries({ queryKey: queryKeys.components(cluster) });
}

/**
 * The changes of the last seconds, per cluster. A page's data is read on the server and reaches
 * the browser's cache a moment later; a change pushed in between finds no cached entry to
 * update. Replaying the recent changes when a new entry appears closes that gap (every change is
 * applied only if it is newer than what is cached, so replaying is harmless).
 */
const RECENT_MS = 10_000;
const RECENT_MAX = 500;
const recentChanges = new Map<string, Array<{ at: number; message: ChangeMessage }>>();

function remember(cluster: string, message: ChangeMessage, now: number): void {
  const list = (recentChanges.get(cluster) ?? []).filter((c) => now - c.at < RECENT_MS);
  list.push({ at: now, message });
  recentChanges.set(cluster, list.slice(-RECENT_MAX));
}

/** Applies the cluster's recent changes again, to entries that came into the cache after them. */
export function replayRecentChanges(qc: QueryClient, cluster: string, now = Date.now()): void {
  for (const { at, message } of recentChanges.get(cluster) ?? []) if (now - at < RECENT_MS) applyChange(qc, cluster, message);
}

export function applyLiveMessage(qc: QueryClient, cluster: string, message: LiveMessage, now = Date.now()): void {
  switch (message.type) {
    case "change":
      remember(cluster, message, now);
      applyChange(qc, cluster, message);
      return;
    case "resync":
      void qc.invalidateQueries({ queryKey: queryKeys.cluster(cluster) });
      void qc.invalidateQueries({ queryKey: queryKeys.clusters() });
      return;
    case "health":
      // Reachability is shown by the connection banner, not cached as data.
      return;
  }
}
