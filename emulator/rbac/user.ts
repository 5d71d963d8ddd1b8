// Who a request is made by, as k8s.io/apiserver/pkg/authentication/user.Info describes it, and the
// names Kubernetes gives to its well-known users and groups
// (staging/src/k8s.io/apiserver/pkg/authentication/user/user.go, .../serviceaccount/util.go).

import { isDNS1123Label, isDNS1123Subdomain } from "../../lib/knative/k8s-validation";

export interface UserInfo {
  name: string;
  uid?: string;
  groups: readonly string[];
  extra?: Readonly<Record<string, readonly string[]>>;
}

/** Members may do anything, whatever RBAC says (kube-apiserver's privileged-group authorizer). */
export const SYSTEM_MASTERS = "system:masters";
export const ALL_AUTHENTICATED = "system:authenticated";
export const ALL_UNAUTHENTICATED = "system:unauthenticated";
export const ANONYMOUS = "system:anonymous";

const SERVICE_ACCOUNT_PREFIX = "system:serviceaccount:";
const SERVICE_ACCOUNTS_GROUP = "system:serviceaccounts";

/** What an unauthenticated request is, where anonymous requests are allowed at all. */
export const ANONYMOUS_USER: UserInfo = { name: ANONYMOUS, groups: [ALL_UNAUTHENTICATED] };

export function serviceAccountUsername(namespace: string, name: string): string {
  return `${SERVICE_ACCOUNT_PREFIX}${namespace}:${name}`;
}

/** The groups every ServiceAccount of `namespace` is in (serviceaccount.MakeGroupNames). */
export function serviceAccountGroups(namespace: string): string[] {
  return [SERVICE_ACCOUNTS_GROUP, `${SERVICE_ACCOUNTS_GROUP}:${namespace}`];
}

/**
 * `system:serviceaccount:{namespace}:{name}` split, or undefined when the name is not a
 * ServiceAccount's (serviceaccount.SplitUsername: a DNS-1123 label namespace, a subdomain name).
 */
export function splitServiceAccountUsername(username: string): { namespace: string; name: string } | undefined {
  if (!username.startsWith(SERVICE_ACCOUNT_PREFIX)) return undefined;
  const parts = username.slice(SERVICE_ACCOUNT_PREFIX.length).split(":");
  if (parts.length !== 2) return undefined;
  const [namespace, name] = parts as [string, string];
  if (isDNS1123Label(namespace).length > 0 || isDNS1123Subdomain(name).length > 0) return undefined;
  return { namespace, name };
}
