import type { Service } from "@/lib/knative/types";
import { getCluster } from "@/lib/k8s/cluster-registry";
import { memoizedJsonResponse } from "@/lib/k8s/memoized-json";
import { listServices } from "@/lib/k8s/knative-api";
import { hubFor } from "@/lib/k8s/live/hubs";
import { readerIdentity } from "@/lib/auth/request-session";
import { NO_STORE, optionalNamespaceParam, statusResponse } from "@/lib/k8s/route-handler";

export const dynamic = "force-dynamic";

/**
 * Services of one namespace (`?namespace=`) or of all namespaces: from the cluster's watch cache
 * when it is in sync (as an informer serves a controller), else from the cluster itself.
 */
export async function GET(request: Request, context: { params: Promise<{ cluster: string }> }): Promise<Response> {
  try {
    const namespace = optionalNamespaceParam(new URL(request.url).searchParams.get("namespace"));
    const ref = getCluster((await context.params).cluster);
    const cache = hubFor(ref.id).cachedCollection<Service>("services");
    if (!cache) return Response.json(await listServices(ref, namespace), { headers: NO_STORE });
    // Per identity, as the hub is (--auth token): one user's cached answer never serves another.
    return memoizedJsonResponse(`${readerIdentity(ref.id).key}\u0000services\u0000${namespace ?? "*"}`, cache.version, () => cache.list(namespace));
  } catch (err) {
    return statusResponse(err);
  }
}
