import { getCluster } from "@/lib/k8s/cluster-registry";
import { listSecretKeys } from "@/lib/k8s/key-sources";
import { jsonRoute, namespaceParam } from "@/lib/k8s/route-handler";

export const dynamic = "force-dynamic";

/** The namespace's Secrets: names and keys only, never a value. */
export const GET = jsonRoute<{ cluster: string; namespace: string }>(async (_req, p) => listSecretKeys(getCluster(p.cluster), namespaceParam(p.namespace)));
