// Who a bearer token belongs to, in the cluster's own words: a SelfSubjectReview
// (authentication.k8s.io/v1, as `kubectl auth whoami` sends it). A token the cluster does not
// accept comes back as its own 401 Status, which the sign-in page shows as it is.

import { AuthenticationV1Api } from "@kubernetes/client-node";
import { callOptions } from "@/lib/k8s/api-clients";
import { kubeStatus, StatusError } from "@/lib/queries/status";
import type { SessionUser } from "./session-cookie";
import { type TokenCluster, kubeConfigWithToken } from "./token-cluster";

export async function reviewToken(target: TokenCluster, token: string): Promise<SessionUser> {
  const api = kubeConfigWithToken(target, token).makeApiClient(AuthenticationV1Api);
  const review = await api.createSelfSubjectReview({ body: { apiVersion: "authentication.k8s.io/v1", kind: "SelfSubjectReview" } }, callOptions());
  const info = review.status?.userInfo;
  if (!info?.username) throw new StatusError(kubeStatus(401, "The cluster accepted the token but did not say whose it is.", "Unauthorized"));
  return { username: info.username, ...(info.uid ? { uid: info.uid } : {}), ...(info.groups?.length ? { groups: info.groups } : {}) };
}
