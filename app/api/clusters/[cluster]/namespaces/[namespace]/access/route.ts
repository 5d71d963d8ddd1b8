import { namespaceAccess } from "@/lib/k8s/access-review";
import { getCluster } from "@/lib/k8s/cluster-registry";
import { jsonRoute, namespaceParam } from "@/lib/k8s/route-handler";

export const dynamic = "force-dynamic";

/** What the acting identity may do in the namespace: the console's actions, each as the cluster answers it. */
export const GET = jsonRoute<{ cluster: string; namespace: string }>(async (_req, p) => namespaceAccess(getCluster(p.cluster), namespaceParam(p.namespace)));
