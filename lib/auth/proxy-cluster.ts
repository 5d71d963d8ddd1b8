// The KubeConfig --auth proxy reaches its cluster with: the cluster token mode would serve
// (lib/auth/token-cluster.ts), the console's own credentials there (the service account's token,
// or the context's), and the proxied user impersonated on every request
// (lib/k8s/impersonating-kubeconfig.ts). So the cluster's RBAC decides what each user may do,
// while the console itself needs only the `impersonate` verb
// (deploy/proxy-impersonation-clusterrole.yaml).

import type { ClusterRef } from "@/lib/k8s/cluster-ref";
import { ImpersonatingKubeConfig } from "@/lib/k8s/impersonating-kubeconfig";
import type { ProxiedUser } from "./proxy-identity";
import { identityKey, proxiedIdentityKey } from "./request-session";
import { type TokenCluster, keptKubeConfig, targetClusterRef } from "./token-cluster";

export function impersonatingKubeConfig(target: TokenCluster, user: ProxiedUser): ImpersonatingKubeConfig {
  const kc = new ImpersonatingKubeConfig({ user: user.username, groups: user.groups });
  const own = target.ownUser ?? { name: "console" };
  kc.loadFromOptions({
    clusters: [target.cluster],
    users: [{ ...own, name: "console" }],
    contexts: [{ name: "console", cluster: target.cluster.name, user: "console", ...(target.namespace ? { namespace: target.namespace } : {}) }],
    currentContext: "console",
  });
  return kc;
}

/** The cluster as a ClusterRef acting as `user`, or unavailable when the request has no proxied user. */
export function proxyClusterRef(target: TokenCluster, user: ProxiedUser | null): ClusterRef {
  // Keyed by the console's credentials too: a kubeconfig rewritten with new ones gets a new KubeConfig.
  const key = () => `proxy:${proxiedIdentityKey(user!)}:${identityKey(JSON.stringify(target.ownUser ?? null))}`;
  const kc = user ? keptKubeConfig(target, key(), () => impersonatingKubeConfig(target, user)) : null;
  return targetClusterRef(target, kc, "the authenticating proxy named no user");
}
