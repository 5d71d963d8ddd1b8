// What the acting identity may do in one namespace, as the cluster answers it (one
// SelfSubjectAccessReview per check, made by the server): the UI disables an action the cluster
// would refuse and says why, in terms of the permission, never guessed from role names. The
// checks are the console's actions, each the request the cluster authorizes for it.

import { queryOptions, useQuery } from "@tanstack/react-query";
import { SERVING_GROUP } from "@/lib/knative/types";
import { apiGet, apiPath } from "./api-client";
import { queryKeys } from "./keys";

/** A resource request's attributes, as a SelfSubjectAccessReview's resourceAttributes names them. */
export interface ResourceCheck {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
}

export const ACCESS_CHECKS = {
  /** Split Traffic: a merge patch of the Service. */
  splitTraffic: { verb: "patch", group: SERVING_GROUP, resource: "services" },
  /** Create Revision: the Service replaced with its new template. */
  createRevision: { verb: "update", group: SERVING_GROUP, resource: "services" },
  createService: { verb: "create", group: SERVING_GROUP, resource: "services" },
  deleteService: { verb: "delete", group: SERVING_GROUP, resource: "services" },
  deleteRevision: { verb: "delete", group: SERVING_GROUP, resource: "revisions" },
  /**
   * Send requests: the console reads the Service for its URL before it sends anything, so an
   * identity that may not read the Service may not have the console call it either.
   */
  sendRequests: { verb: "get", group: SERVING_GROUP, resource: "services" },
  /** Live Traffic reads queue-proxy's statistics through the pod proxy. */
  liveTraffic: { verb: "get", group: "", resource: "pods", subresource: "proxy" },
  listPods: { verb: "list", group: "", resource: "pods" },
  /** The Create Revision wizard's pickers for environment variables. */
  listConfigMaps: { verb: "list", group: "", resource: "configmaps" },
  listSecrets: { verb: "list", group: "", resource: "secrets" },
  /** The audit trail: each change is recorded as an Event on the object. */
  recordChanges: { verb: "create", group: "", resource: "events" },
} as const satisfies Record<string, ResourceCheck>;

export type AccessAction = keyof typeof ACCESS_CHECKS;

export const ACCESS_ACTIONS = Object.keys(ACCESS_CHECKS) as AccessAction[];

export interface NamespaceAccess {
  namespace: string;
  /** The acting identity's user name (SelfSubjectReview); null when the cluster does not say. */
  user: string | null;
  allowed: Record<AccessAction, boolean>;
}

/** "services.serving.knative.dev", "pods/proxy": the resource as kubectl and RBAC rules spell it. */
export function resourceLabel(check: ResourceCheck): string {
  const resource = check.subresource ? `${check.resource}/${check.subresource}` : check.resource;
  return check.group ? `${resource}.${check.group}` : resource;
}

/**
 * Why the cluster refuses `action`, or undefined when it allows it (or the answer is not in yet:
 * the cluster still decides, and its 403 shows in the dialog).
 */
export function denialOf(access: NamespaceAccess | undefined, action: AccessAction): string | undefined {
  if (!access || access.allowed[action]) return undefined;
  const check: ResourceCheck = ACCESS_CHECKS[action];
  const who = access.user ? `User "${access.user}"` : "this identity";
  return `the cluster does not allow ${who} to ${check.verb} ${resourceLabel(check)} in namespace ${access.namespace}`;
}

export function namespaceAccessQuery(cluster: string, namespace: string) {
  return queryOptions({
    // Under the cluster's key, so a resync after a reconnect asks again (a grant may have changed).
    queryKey: [...queryKeys.cluster(cluster), "access", namespace] as const,
    queryFn: ({ signal }) => apiGet<NamespaceAccess>(apiPath("clusters", cluster, "namespaces", namespace, "access"), signal),
    staleTime: 10_000,
  });
}

export interface AccessAnswers {
  /** The sentence a disabled action shows: "You cannot {what}: the cluster does not allow …"; undefined while allowed. */
  denial(action: AccessAction, what: string): string | undefined;
  /** Allowed, or not answered yet (the cluster still decides, and its 403 shows in the dialog). */
  allows(action: AccessAction): boolean;
}

export function useAccess(cluster: string, namespace: string): AccessAnswers {
  const { data } = useQuery(namespaceAccessQuery(cluster, namespace));
  return {
    denial: (action, what) => {
      const why = denialOf(data, action);
      return why ? `You cannot ${what}: ${why}.` : undefined;
    },
    allows: (action) => denialOf(data, action) === undefined,
  };
}
