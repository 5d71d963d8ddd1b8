import { getCluster } from "@/lib/k8s/cluster-registry";
import { listRevisionPods } from "@/lib/k8s/core-api";
import { jsonRoute, nameParam, namespaceParam } from "@/lib/k8s/route-handler";

export const dynamic = "force-dynamic";

export const GET = jsonRoute<{ cluster: string; namespace: string; name: string }>(async (_req, p) =>
  listRevisionPods(getCluster(p.cluster), namespaceParam(p.namespace), nameParam(p.name)),
);
