// Readiness: whether the console can reach the cluster it serves. With --auth token (or proxy)
// that is the one cluster users reach, asked for GET /version with the console's own service account
// token: kube-apiserver's bootstrap role system:public-info-viewer lets every authenticated (and
// unauthenticated) identity read it, so the console's identity needs no RBAC rule of its own.
// With --auth local the clusters are the user's kubeconfig's: the console is ready when it is up.

import { VersionApi } from "@kubernetes/client-node";
import type { TokenCluster } from "@/lib/auth/token-cluster";
import { ExplainedKubeConfig } from "./explained-kubeconfig";
import { callOptions } from "./api-clients";
import { failureReason } from "./errors";

export type Readiness = { ready: true; detail: string } | { ready: false; detail: string };

const PROBE_TIMEOUT_MS = 3_000;

export async function tokenClusterReadiness(target: TokenCluster | null): Promise<Readiness> {
  if (!target) return { ready: false, detail: "no cluster to serve: not in a pod, and neither KNATIVE_CONSOLE_TOKEN_CONTEXT nor the embedded cluster is configured" };
  const kc = new ExplainedKubeConfig();
  const token = target.ownToken?.();
  kc.loadFromOptions({
    clusters: [target.cluster],
    users: [token ? { name: "console", token } : { name: "console" }],
    contexts: [{ name: "console", cluster: target.cluster.name, user: "console" }],
    currentContext: "console",
  });
  try {
    const version = await kc.makeApiClient(VersionApi).getCode(callOptions(PROBE_TIMEOUT_MS));
    return { ready: true, detail: `cluster ${target.name} answers (Kubernetes ${version.gitVersion})` };
  } catch (err) {
    return { ready: false, detail: `cluster ${target.name}: ${failureReason(err)}` };
  }
}
