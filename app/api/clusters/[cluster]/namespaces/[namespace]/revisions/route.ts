import { getCluster } from "@/lib/k8s/cluster-registry";
import { listRevisions } from "@/lib/k8s/knative-api";
import { jsonRoute, nameParam, namespaceParam } from "@/lib/k8s/route-handler";

export const dynamic = "force-dynamic";

/** Revisions of a namespace; `?service=` keeps those one Knative Service owns. */
export const GET = jsonRoute<{ cluster: string; namespace: string }>(async (req, p) => {
  const service = new URL(req.url).searchParams.get("service");
  return listRevisions(getCluster(p.cluster), namespaceParam(p.namespace), service ? nameParam(service) : undefined);
});
