import { getCluster } from "@/lib/k8s/cluster-registry";
import { listNamespaces } from "@/lib/k8s/core-api";
import { jsonRoute } from "@/lib/k8s/route-handler";

export const dynamic = "force-dynamic";

export const GET = jsonRoute<{ cluster: string }>(async (_req, { cluster }) => listNamespaces(getCluster(cluster)));
