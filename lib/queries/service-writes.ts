// Mutation hooks for the canary edits. On success the Service in the cache is replaced by the
// cluster's answer at once (live updates follow on their own); a failure is a StatusError the
// dialog shows: 409 "changed since you opened it", 422 with the fields named.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Service } from "@/lib/knative/types";
import { apiPath, apiSend } from "./api-client";
import { queryKeys } from "./keys";
import type { StatusError } from "./status";
import type { RevisionCreation, TrafficUpdate } from "./write-requests";

interface ServiceRef {
  cluster: string;
  namespace: string;
  name: string;
}

function useServiceWrite<Body>(ref: ServiceRef, send: (body: Body) => Promise<Service>) {
  const queryClient = useQueryClient();
  return useMutation<Service, StatusError, Body>({
    mutationFn: send,
    onSuccess: (service) => {
      queryClient.setQueryData(queryKeys.detail(ref.cluster, "services", ref.namespace, ref.name), service);
      void queryClient.invalidateQueries({ queryKey: queryKeys.resource(ref.cluster, "revisions") });
    },
  });
}

export function useUpdateTraffic(ref: ServiceRef) {
  return useServiceWrite<TrafficUpdate>(ref, (body) => apiSend<Service>("PUT", apiPath("clusters", ref.cluster, "namespaces", ref.namespace, "services", ref.name, "traffic"), body));
}

export function useCreateRevision(ref: ServiceRef) {
  return useServiceWrite<RevisionCreation>(ref, (body) =>
    apiSend<Service>("POST", apiPath("clusters", ref.cluster, "namespaces", ref.namespace, "services", ref.name, "revisions"), body),
  );
}
