// Readiness (lib/k8s/readiness.ts): 200 when the console can serve, 503 with why otherwise.
// Served whatever the Host (lib/http/request-screen.ts); says nothing a user could not see.

import { currentTokenCluster, singleClusterMode } from "@/lib/k8s/cluster-registry";
import { tokenClusterReadiness } from "@/lib/k8s/readiness";
import { NO_STORE } from "@/lib/k8s/route-handler";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const readiness = singleClusterMode() ? await tokenClusterReadiness(currentTokenCluster()) : { ready: true, detail: "serving the kubeconfig's clusters" };
  return new Response(`${readiness.ready ? "ok" : "not ready"}: ${readiness.detail}\n`, {
    status: readiness.ready ? 200 : 503,
    headers: { ...NO_STORE, "Content-Type": "text/plain; charset=utf-8" },
  });
}
