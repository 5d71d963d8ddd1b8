import { describeClusters } from "@/lib/k8s/cluster-overview";
import { listClusters } from "@/lib/k8s/cluster-registry";
import { jsonRoute } from "@/lib/k8s/route-handler";

export const dynamic = "force-dynamic";

export const GET = jsonRoute(async () => describeClusters(listClusters()));
