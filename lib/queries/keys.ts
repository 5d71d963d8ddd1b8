// Every React Query key the console uses, from one factory. Keys are
// hierarchical, so invalidating ['cluster', id] refreshes everything shown for a cluster, and
// list keys carry their filter, so a live change can be matched against each cached list.

import type { WatchedResource } from "./api-types";

export interface ListFilter {
  /** null: all namespaces. */
  namespace: string | null;
  /** Equality label selector, e.g. { "serving.knative.dev/service": "helloworld-go" }. */
  labels?: Record<string, string>;
}

export const queryKeys = {
  clusters: () => ["clusters"] as const,
  cluster: (cluster: string) => ["cluster", cluster] as const,
  resource: (cluster: string, resource: WatchedResource) => ["cluster", cluster, resource] as const,
  lists: (cluster: string, resource: WatchedResource) => ["cluster", cluster, resource, "list"] as const,
  list: (cluster: string, resource: WatchedResource, filter: ListFilter) => ["cluster", cluster, resource, "list", filter] as const,
  details: (cluster: string, resource: WatchedResource) => ["cluster", cluster, resource, "detail"] as const,
  detail: (cluster: string, resource: WatchedResource, namespace: string, name: string) =>
    ["cluster", cluster, resource, "detail", namespace, name] as const,
  components: (cluster: string) => ["cluster", cluster, "components"] as const,
  gateway: (cluster: string) => ["cluster", cluster, "gateway"] as const,
};
