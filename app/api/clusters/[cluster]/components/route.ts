import { getCluster } from "@/lib/k8s/cluster-registry";
import { listComponents } from "@/lib/k8s/components";
import { jsonRoute } from "@/lib/k8s/route-handler";

export const dynamic = "force-dynamic";

export const GET = jsonRoute<{ cluster: string }>(async (_req, { cluster }) => listComponents(getCluster(cluster)));
