import { getCluster } from "@/lib/k8s/cluster-registry";
import { readJsonBody } from "@/lib/k8s/request-body";
import { jsonRoute, namespaceParam } from "@/lib/k8s/route-handler";
import { createNewService } from "@/lib/k8s/service-edits";
import { serviceCreationShape } from "@/lib/k8s/write-shapes";

export const dynamic = "force-dynamic";

/** A new Knative Service in the namespace, checked with Knative's rules first. */
export const POST = jsonRoute<{ cluster: string; namespace: string }>(async (request, p) => {
  const ref = getCluster(p.cluster);
  const namespace = namespaceParam(p.namespace);
  return createNewService(ref, namespace, await readJsonBody(request, serviceCreationShape));
});
