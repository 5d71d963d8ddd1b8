import { getCluster } from "@/lib/k8s/cluster-registry";
import { getRevision } from "@/lib/k8s/knative-api";
import { jsonRoute, nameParam, namespaceParam } from "@/lib/k8s/route-handler";
import { deleteUnusedRevision } from "@/lib/k8s/service-edits";

export const dynamic = "force-dynamic";

export const GET = jsonRoute<{ cluster: string; namespace: string; name: string }>(async (_req, p) =>
  getRevision(getCluster(p.cluster), namespaceParam(p.namespace), nameParam(p.name)),
);

/** Deletes a revision nothing depends on; one with traffic, a tag, a pin, or the latest is refused with the reason. */
export const DELETE = jsonRoute<{ cluster: string; namespace: string; name: string }>(async (_req, p) => {
  await deleteUnusedRevision(getCluster(p.cluster), namespaceParam(p.namespace), nameParam(p.name));
  return { deleted: true };
});
