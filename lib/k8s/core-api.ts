// Core Kubernetes reads the console needs around Knative: namespaces (the selector) and pods
// (per revision). Typed client-node results are flattened to the wire JSON.

import { LABEL_REVISION } from "@/lib/knative/labels";
import type { NamespaceList, Pod, PodList, Namespace } from "@/lib/queries/api-types";
import { apisFor, callOptions, toPlainJson } from "./api-clients";
import type { ClusterRef } from "./cluster-ref";
import { cleanList, cleanObject } from "./clean-object";
import { toKubeStatus } from "./errors";

/**
 * The namespaces, for the selector. Someone the cluster refuses the list (a Role in one
 * namespace, no ClusterRole) still gets their context's namespace when the cluster lets them read
 * it, with the refusal said beside it; otherwise the refusal stands (a console's own namespace,
 * as in-cluster, means nothing to a user who may not even read it).
 */
export async function listNamespaces(cluster: ClusterRef): Promise<NamespaceList> {
  const { core } = apisFor(cluster);
  try {
    const raw = await core.listNamespace({}, callOptions());
    return cleanList(toPlainJson<{ items: Namespace[]; metadata?: { resourceVersion?: string } }>(raw));
  } catch (err) {
    const refusal = toKubeStatus(err);
    if (refusal.code !== 403 || !cluster.namespace) throw err;
    const own = await core.readNamespace({ name: cluster.namespace }, callOptions()).catch(() => undefined);
    if (!own) throw err;
    return { items: [cleanObject(toPlainJson<Namespace>(own))], forbidden: refusal.message };
  }
}

/** The pods Knative runs for one revision (it labels them with the revision's name). */
export async function listRevisionPods(cluster: ClusterRef, namespace: string, revision: string): Promise<PodList> {
  const { core } = apisFor(cluster);
  const raw = await core.listNamespacedPod({ namespace, labelSelector: `${LABEL_REVISION}=${revision}` }, callOptions());
  return cleanList(toPlainJson<{ items: Pod[]; metadata?: { resourceVersion?: string } }>(raw));
}
