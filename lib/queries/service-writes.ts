// Mutation hooks for the canary edits. On success the Service is read again rather than
// replaced by the write's answer: the controllers' status update often reaches the page over the
// live stream before that answer does, and the answer (an older version) must not overwrite it.
// A failure is a StatusError the dialog shows: 409 "changed since you opened it", 422 with the
// fields named.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Service } from "@/lib/knative/types";
import { apiPath, apiSend } from "./api-client";
import { queryKeys } from "./keys";
import { serviceRevisionsQuery } from "./revisions";
import { serviceQuery } from "./services";
import type { StatusError } from "./status";
import type { RevisionCreation, ServiceCreation, TrafficUpdate } from "./write-requests";

interface ServiceRef {
  cluster: string;
  namespace: string;
  name: string;
}

function useServiceWrite<Body>(ref: ServiceRef, send: (body: Body) => Promise<Service>) {
  const queryClient = useQueryClient();
  return useMutation<Service, StatusError, Body>({
    mutationFn: send,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.detail(ref.cluster, "services", ref.namespace, ref.name) });
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

/**
 * A new Service, in the namespace the Create Service dialog chose. The page the dialog opens
 * next finds it in the cache with an empty revision list: the live stream only updates what is
 * cached, and the new Service's first changes (its revision, Ready) come while that page is
 * still on its way; they land here instead of being missed. The page's server render replaces
 * both only with a read made after them.
 */
export function useCreateService(cluster: string) {
  const queryClient = useQueryClient();
  return useMutation<Service, StatusError, { namespace: string; service: ServiceCreation }>({
    mutationFn: ({ namespace, service }) => apiSend<Service>("POST", apiPath("clusters", cluster, "namespaces", namespace, "services"), service),
    onSuccess: (service, { namespace }) => {
      const name = service.metadata.name ?? "";
      queryClient.setQueryData(serviceQuery(cluster, namespace, name).queryKey, service);
      queryClient.setQueryData(serviceRevisionsQuery(cluster, namespace, name).queryKey, { items: [] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.lists(cluster, "services") });
    },
  });
}

/**
 * Deletes the Service (its Configuration, Route and Revisions go with it). With the
 * resourceVersion the user confirmed, a Service changed meanwhile is a 409, not deleted.
 */
export function useDeleteService(ref: ServiceRef) {
  const queryClient = useQueryClient();
  return useMutation<unknown, StatusError, { resourceVersion?: string }>({
    mutationFn: ({ resourceVersion }) => {
      const query = resourceVersion ? `?resourceVersion=${encodeURIComponent(resourceVersion)}` : "";
      return apiSend<unknown>("DELETE", apiPath("clusters", ref.cluster, "namespaces", ref.namespace, "services", ref.name) + query);
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.lists(ref.cluster, "services") }),
  });
}

/**
 * Deletes one revision. The server checks again that nothing uses it and answers 422 with the
 * reasons when something does (traffic, a tag, a pin, or being the latest).
 */
export function useDeleteRevision(ref: Omit<ServiceRef, "name">) {
  const queryClient = useQueryClient();
  return useMutation<unknown, StatusError, { revisionName: string }>({
    mutationFn: ({ revisionName }) => apiSend<unknown>("DELETE", apiPath("clusters", ref.cluster, "namespaces", ref.namespace, "revisions", revisionName)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.lists(ref.cluster, "revisions") }),
  });
}
