import { queryOptions } from "@tanstack/react-query";
import { LABEL_REVISION, LABEL_SERVICE } from "@/lib/knative/labels";
import type { Revision } from "@/lib/knative/types";
import { apiGet, apiPath } from "./api-client";
import type { PodList, RevisionList } from "./api-types";
import { queryKeys } from "./keys";
import { keepNewerObject } from "./watch-events";

/** The revisions a Knative Service owns (Knative labels them with the service's name). */
export function serviceRevisionsQuery(cluster: string, namespace: string, service: string) {
  return queryOptions({
    queryKey: queryKeys.list(cluster, "revisions", { namespace, labels: { [LABEL_SERVICE]: service } }),
    queryFn: ({ signal }) =>
      apiGet<RevisionList>(`${apiPath("clusters", cluster, "namespaces", namespace, "revisions")}?service=${encodeURIComponent(service)}`, signal),
  });
}

export function revisionQuery(cluster: string, namespace: string, name: string) {
  return queryOptions({
    queryKey: queryKeys.detail(cluster, "revisions", namespace, name),
    queryFn: ({ signal }) => apiGet<Revision>(apiPath("clusters", cluster, "namespaces", namespace, "revisions", name), signal),
    structuralSharing: keepNewerObject,
  });
}

export function revisionPodsQuery(cluster: string, namespace: string, revision: string) {
  return queryOptions({
    queryKey: queryKeys.list(cluster, "pods", { namespace, labels: { [LABEL_REVISION]: revision } }),
    queryFn: ({ signal }) => apiGet<PodList>(apiPath("clusters", cluster, "namespaces", namespace, "revisions", revision, "pods"), signal),
  });
}
