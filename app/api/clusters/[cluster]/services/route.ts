import { getCluster } from "@/lib/k8s/cluster-registry";
import { listServices } from "@/lib/k8s/knative-api";
import { jsonRoute, optionalNamespaceParam } from "@/lib/k8s/route-handler";

export const dynamic = "force-dynamic";

/** Services of one namespace (`?namespace=`) or of all namespaces. */
export const GET = jsonRoute<{ cluster: string }>(async (req, { cluster }) => {
  const namespace = optionalNamespaceParam(new URL(req.url).searchParams.get("namespace"));
  return listServices(getCluster(cluster), namespace);
});
