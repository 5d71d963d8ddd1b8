import { getCluster } from "@/lib/k8s/cluster-registry";
import { getService } from "@/lib/k8s/knative-api";
import { jsonRoute, nameParam, namespaceParam } from "@/lib/k8s/route-handler";

export const dynamic = "force-dynamic";

export const GET = jsonRoute<{ cluster: string; namespace: string; name: string }>(async (_req, p) =>
  getService(getCluster(p.cluster), namespaceParam(p.namespace), nameParam(p.name)),
);
