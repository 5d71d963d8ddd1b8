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

export function applyLiveMessage(qc: QueryClient, cluster: string, message: LiveMessage): void {
  switch (message.type) {
    case "change":
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
