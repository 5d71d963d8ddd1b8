// The Services of "all namespaces" for an identity that may not list them cluster-wide (a Role
// in some namespaces, no ClusterRole): Kubernetes cannot say which namespaces it may read (a
// SelfSubjectRulesReview answers for one namespace at a time, and listing namespaces is itself
// usually forbidden), so the console lists those it knows of (the context's namespace, those
// its pages have shown) one by one, and says which it could not read.

import type { ServiceList } from "@/lib/queries/api-types";
import type { ClusterRef } from "./cluster-ref";
import { toKubeStatus } from "./errors";
import { listServices } from "./knative-api";
import { hubFor } from "./live/hubs";

export async function listReadableServices(cluster: ClusterRef, namespaces: () => string[]): Promise<ServiceList> {
  try {
    return await listServices(cluster, null);
  } catch (err) {
    const refusal = toKubeStatus(err);
    if (refusal.code !== 403) throw err;
    const tried = [...new Set(namespaces())].sort();
    const answers = await Promise.allSettled(tried.map((ns) => listServices(cluster, ns)));
    const readable = tried.filter((_, i) => answers[i]!.status === "fulfilled");
    const forbidden = tried.filter((_, i) => {
      const a = answers[i]!;
      return a.status === "rejected" && toKubeStatus(a.reason).code === 403;
    });
    // Anything but a refusal (the cluster went away meanwhile) fails the list as a whole.
    const failed = answers.find((a, i) => a.status === "rejected" && !forbidden.includes(tried[i]!));
    if (failed?.status === "rejected") throw failed.reason;
    if (readable.length === 0) throw err;
    const items = answers.flatMap((a) => (a.status === "fulfilled" ? a.value.items : []));
    return { items, partial: { reason: refusal.message, namespaces: readable, forbiddenNamespaces: forbidden } };
  }
}

/**
 * Services as a page shows them: one namespace (watched, should this identity be watched per
 * namespace), or all it may read.
 */
export function listShownServices(cluster: ClusterRef, namespace: string | null): Promise<ServiceList> {
  const hub = hubFor(cluster.id);
  if (!namespace) return listReadableServices(cluster, () => hub.namespacesShown());
  hub.watchNamespace(namespace);
  return listServices(cluster, namespace);
}
