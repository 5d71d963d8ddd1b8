import type { Service } from "@/lib/knative/types";
import { getCluster } from "@/lib/k8s/cluster-registry";
import { listServices } from "@/lib/k8s/knative-api";
import { hubFor } from "@/lib/k8s/live/hubs";
import { jsonRoute, optionalNamespaceParam } from "@/lib/k8s/route-handler";

export const dynamic = "force-dynamic";

/**
 * Services of one namespace (`?namespace=`) or of all namespaces: from the cluster's watch cache
 * when it is in sync (as an informer serves a controller), else from the cluster itself.
 */
export const GET = jsonRoute<{ cluster: string }>(async (req, { cluster }) => {
  const namespace = optionalNamespaceParam(new URL(req.url).searchParams.get("namespace"));
  const ref = getCluster(cluster);
  return hubFor(ref.id).cachedList<Service>("services", namespace) ?? listServices(ref, namespace);
});
