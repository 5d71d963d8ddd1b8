import { queryOptions } from "@tanstack/react-query";
import { apiGet, apiPath } from "./api-client";
import type { ComponentsOverview, GatewayInfo, NamespaceList } from "./api-types";
import { queryKeys } from "./keys";

export function namespacesQuery(cluster: string) {
  return queryOptions({
    queryKey: queryKeys.list(cluster, "namespaces", { namespace: null }),
    queryFn: ({ signal }) => apiGet<NamespaceList>(apiPath("clusters", cluster, "namespaces"), signal),
  });
}

export function componentsQuery(cluster: string) {
  return queryOptions({
    queryKey: queryKeys.components(cluster),
    queryFn: ({ signal }) => apiGet<ComponentsOverview>(apiPath("clusters", cluster, "components"), signal),
  });
}

export function gatewayQuery(cluster: string) {
  return queryOptions({
    queryKey: queryKeys.gateway(cluster),
    queryFn: ({ signal }) => apiGet<GatewayInfo>(apiPath("clusters", cluster, "gateway"), signal),
    staleTime: 60_000,
  });
}
