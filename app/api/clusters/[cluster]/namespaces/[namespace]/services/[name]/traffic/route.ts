import { getCluster } from "@/lib/k8s/cluster-registry";
import { readJsonBody } from "@/lib/k8s/request-body";
import { jsonRoute, nameParam, namespaceParam } from "@/lib/k8s/route-handler";
import { updateTraffic } from "@/lib/k8s/service-edits";
import { trafficUpdateShape } from "@/lib/k8s/write-shapes";

export const dynamic = "force-dynamic";

/** A new traffic split, conditional on the resourceVersion the dialog was opened with. */
export const PUT = jsonRoute<{ cluster: string; namespace: string; name: string }>(async (request, p) => {
  const ref = getCluster(p.cluster);
  const namespace = namespaceParam(p.namespace);
  const name = nameParam(p.name);
  return updateTraffic(ref, namespace, name, await readJsonBody(request, trafficUpdateShape));
});
