import { getCluster } from "@/lib/k8s/cluster-registry";
import { listConfigMapKeys } from "@/lib/k8s/key-sources";
import { jsonRoute, namespaceParam } from "@/lib/k8s/route-handler";

export const dynamic = "force-dynamic";

/** The namespace's ConfigMaps: names and keys, for environment variables taken from them. */
export const GET = jsonRoute<{ cluster: string; namespace: string }>(async (_req, p) => listConfigMapKeys(getCluster(p.cluster), namespaceParam(p.namespace)));
