// Applies a cluster's live messages (see lib/k8s/live) to the React Query cache: changes update
// the cached lists and objects they concern in place, so an open page follows kubectl within a
// second without refetching; a resync refetches everything shown for the cluster.

import { type QueryClient, type QueryKey, hashKey } from "@tanstack/react-query";
import type { KubeObject } from "@/lib/knative/types";
import type { KubeList, LiveMessage } from "./api-types";
import { type ListFilter, queryKeys } from "./keys";
import { applyWatchEvent, applyWatchEventToObject } from "./watch-events";

type ChangeMessage = Extract<LiveMessage, { type: "change" }>;

function filterOf(key: QueryKey): ListFilter | undefined {
  const filter = key[4];
  return typeof filter === "object" && filter !== null ? (filter as ListFilter) : undefined;
}

function isListOf(key: QueryKey, cluster: string, resource: string): boolean {
  return key[0] === "cluster" && key[1] === cluster && key[2] === resource && key[3] === "list";
}

/** Applies a change to the cached lists and object it concerns; with `only`, to that query alone. */
function applyChange(qc: QueryClient, cluster: string, { resource, event, object }: ChangeMessage, only?: QueryKey): void {
  const lists = only ? (isListOf(only, cluster, resource) ? [only] : []) : qc.getQueriesData({ queryKey: queryKeys.lists(cluster, resource) }).map(([key]) => key);
  for (const key of lists) {
    const data = qc.getQueryData<KubeList<KubeObject>>(key);
    const filter = filterOf(key);
    if (!data || !filter) continue;
    const next = applyWatchEvent(data, event, object, filter);
    if (next !== data) qc.setQueryData(key, next);
  }

  const { namespace, name } = object.metadata;
  if (namespace && name) {
    const key = queryKeys.detail(cluster, resource, namespace, name);
    const current = only && hashKey(only) !== hashKey(key) ? undefined : qc.getQueryData<KubeObject>(key);
    if (current) {
      const next = applyWatchEventToObject(current, event, object);
      // Gone: refetch, so the page shows the cluster's own 404 rather than stale data.
      if (next === undefined) void qc.invalidateQueries({ queryKey: key, exact: true });
      else if (next !== current) qc.setQueryData(key, next);
    }
  }

  if (resource === "deployments" && !only) void qc.invalidateQueries({ queryKey: queryKeys.components(cluster) });
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

/**
 * Applies the cluster's recent changes again, to entries that came into the cache after them
 * (with `only`, to that entry alone).
 */
export function replayRecentChanges(qc: QueryClient, cluster: string, now = Date.now(), only?: QueryKey): void {
  for (const { at, message } of recentChanges.get(cluster) ?? []) if (now - at < RECENT_MS) applyChange(qc, cluster, message, only);
}

/**
 * Keeps fetched data from undoing pushed changes. A page's data read on the server reaches the
 * cache a moment later: when it is hydrated, and whenever a refetch settles (after a write, a
 * refocus). A change pushed in between was applied to the copy the fetch then replaces, so the
 * older state would stay on screen until the next change. Replaying the recent changes into each
 * entry as it arrives closes that gap. Returns the unsubscribe function.
 */
export function replayIntoArrivingData(qc: QueryClient, cluster: string): () => void {
  return qc.getQueryCache().subscribe((event) => {
    const key = event.query.queryKey;
    if (key[0] !== "cluster" || key[1] !== cluster) return;
    // Not the cache's own writes (setQueryData is "manual"): those are the changes themselves.
    const fetched = event.type === "added" || (event.type === "updated" && event.action.type === "success" && !event.action.manual);
    if (fetched) queueMicrotask(() => replayRecentChanges(qc, cluster, Date.now(), key));
  });
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
