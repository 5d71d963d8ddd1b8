import { getCluster } from "@/lib/k8s/cluster-registry";
import { readJsonBody } from "@/lib/k8s/request-body";
import { jsonRoute, nameParam, namespaceParam } from "@/lib/k8s/route-handler";
import { createRevision } from "@/lib/k8s/service-edits";
import { revisionCreationShape } from "@/lib/k8s/write-shapes";

export const dynamic = "force-dynamic";

/** A new revision and its traffic split, as one update of the Service. */
export const POST = jsonRoute<{ cluster: string; namespace: string; name: string }>(async (request, p) => {
  const ref = getCluster(p.cluster);
  const namespace = namespaceParam(p.namespace);
  const name = nameParam(p.name);
  return createRevision(ref, namespace, name, await readJsonBody(request, revisionCreationShape));
});
