import { getCluster } from "@/lib/k8s/cluster-registry";
import { getService } from "@/lib/k8s/knative-api";
import { jsonRoute, nameParam, namespaceParam } from "@/lib/k8s/route-handler";
import { deleteRecordedService } from "@/lib/k8s/service-edits";

export const dynamic = "force-dynamic";

export const GET = jsonRoute<{ cluster: string; namespace: string; name: string }>(async (_req, p) =>
  getService(getCluster(p.cluster), namespaceParam(p.namespace), nameParam(p.name)),
);

/** Deletes the Service and, with it, its Configuration, Route and Revisions (`?resourceVersion=` makes it conditional). */
export const DELETE = jsonRoute<{ cluster: string; namespace: string; name: string }>(async (request, p) => {
  const resourceVersion = new URL(request.url).searchParams.get("resourceVersion") ?? undefined;
  await deleteRecordedService(getCluster(p.cluster), namespaceParam(p.namespace), nameParam(p.name), resourceVersion);
  return { deleted: true };
});
