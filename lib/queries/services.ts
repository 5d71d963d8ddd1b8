import { queryOptions } from "@tanstack/react-query";
import type { Service } from "@/lib/knative/types";
import { apiGet, apiPath } from "./api-client";
import type { ServiceList } from "./api-types";
import { queryKeys } from "./keys";
import { keepNewerObject } from "./watch-events";

/** Services of a namespace, or of every namespace when `namespace` is null. */
export function servicesQuery(cluster: string, namespace: string | null) {
  const query = namespace ? `?namespace=${encodeURIComponent(namespace)}` : "";
  return queryOptions({
    queryKey: queryKeys.list(cluster, "services", { namespace }),
    queryFn: ({ signal }) => apiGet<ServiceList>(apiPath("clusters", cluster, "services") + query, signal),
  });
}

export function serviceQuery(cluster: string, namespace: string, name: string) {
  return queryOptions({
    queryKey: queryKeys.detail(cluster, "services", namespace, name),
    queryFn: ({ signal }) => apiGet<Service>(apiPath("clusters", cluster, "namespaces", namespace, "services", name), signal),
    structuralSharing: keepNewerObject,
  });
}
