// The ConfigMaps and Secrets of a namespace as the Create Revision wizard offers them for
// environment variables: names and the keys they hold, never a value (the server sends none).

import { queryOptions } from "@tanstack/react-query";
import { apiGet, apiPath } from "./api-client";
import { queryKeys } from "./keys";

export type KeySourceKind = "configmaps" | "secrets";

/** A ConfigMap or Secret, by name, with the keys of its data. */
export interface KeySource {
  name: string;
  keys: string[];
}

export interface KeySourceList {
  items: KeySource[];
}

export function keySourcesQuery(cluster: string, namespace: string, kind: KeySourceKind) {
  return queryOptions({
    // Under the cluster's key, so a resync after a reconnect refreshes it too.
    queryKey: [...queryKeys.cluster(cluster), kind, namespace] as const,
    queryFn: ({ signal }) => apiGet<KeySourceList>(apiPath("clusters", cluster, "namespaces", namespace, kind), signal),
  });
}
