// Who a bearer token belongs to, in the cluster's own words: a SelfSubjectReview
// (authentication.k8s.io/v1, as `kubectl auth whoami` sends it). A token the cluster does not
// accept comes back as its own 401 Status, which the sign-in page shows as it is. Sent raw:
// client-node's typed call drops the body of a 401 and with it the cluster's Status.

import { rawGet } from "@/lib/k8s/raw-get";
import { isKubeStatus, kubeStatus, StatusError } from "@/lib/queries/status";
import type { SessionUser } from "./session-cookie";
import { type TokenCluster, kubeConfigWithToken } from "./token-cluster";

const REVIEW_PATH = "/apis/authentication.k8s.io/v1/selfsubjectreviews";
const TIMEOUT_MS = 10_000;

interface UserInfo {
  username?: string;
  uid?: string;
  groups?: string[];
}

export async function reviewToken(target: TokenCluster, token: string): Promise<SessionUser> {
  const res = await rawGet(kubeConfigWithToken(target, token), REVIEW_PATH, {
    accept: "application/json",
    timeoutMs: TIMEOUT_MS,
    postJson: { apiVersion: "authentication.k8s.io/v1", kind: "SelfSubjectReview" },
  });
  let body: unknown;
  try {
    body = JSON.parse(res.body.toString("utf8"));
  } catch {
    body = undefined;
  }
  if (res.status >= 300) {
    if (isKubeStatus(body)) throw new StatusError(kubeStatus(body.code || res.status, body.message ?? "", body.reason, body.details));
    throw new StatusError(kubeStatus(res.status >= 400 ? res.status : 502, `The cluster answered the SelfSubjectReview with HTTP ${res.status}, without a Kubernetes Status.`));
  }
  const info = (body as { status?: { userInfo?: UserInfo } } | undefined)?.status?.userInfo;
  if (!info?.username) throw new StatusError(kubeStatus(502, "The cluster accepted the token but did not say whose it is.", "BadGateway"));
  return { username: info.username, ...(info.uid ? { uid: info.uid } : {}), ...(info.groups?.length ? { groups: info.groups } : {}) };
}
