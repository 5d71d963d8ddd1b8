import { getCluster } from "@/lib/k8s/cluster-registry";
import { findGateway } from "@/lib/k8s/gateway-address";
import { jsonRoute } from "@/lib/k8s/route-handler";

export const dynamic = "force-dynamic";

export const GET = jsonRoute<{ cluster: string }>(async (_req, { cluster }) => findGateway(getCluster(cluster)));
