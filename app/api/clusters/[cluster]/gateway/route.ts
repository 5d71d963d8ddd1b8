import { getCluster } from "@/lib/k8s/cluster-registry";
import { jsonRoute } from "@/lib/k8s/route-handler";
import { gatewayInfo } from "@/lib/k8s/test-traffic/gateway-endpoint";

export const dynamic = "force-dynamic";

export const GET = jsonRoute<{ cluster: string }>(async (_req, { cluster }) => gatewayInfo(getCluster(cluster)));
