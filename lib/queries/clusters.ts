import { queryOptions } from "@tanstack/react-query";
import { apiGet, apiPath } from "./api-client";
import type { ClusterOverview } from "./api-types";
import { queryKeys } from "./keys";

export function clustersQuery() {
  return queryOptions({
    queryKey: queryKeys.clusters(),
    queryFn: ({ signal }) => apiGet<ClusterOverview[]>(apiPath("clusters"), signal),
    // Reachability of clusters nobody has open is only polled here.
    refetchInterval: 15_000,
  });
}
