// Core Kubernetes reads the console needs around Knative: namespaces (the selector) and pods
// (per revision). Typed client-node results are flattened to the wire JSON.

import { LABEL_REVISION } from "@/lib/knative/labels";
import type { NamespaceList, Pod, PodList, Namespace } from "@/lib/queries/api-types";
import { apisFor, callOptions, toPlainJson } from "./api-clients";
import type { ClusterRef } from "./cluster-ref";
import { cleanList } from "./clean-object";

export async function listNamespaces(cluster: ClusterRef): Promise<NamespaceList> {
  const { core } = apisFor(cluster);
  const raw = await core.listNamespace({}, callOptions());
  return cleanList(toPlainJson<{ items: Namespace[]; metadata?: { resourceVersion?: string } }>(raw));
}

/** The pods Knative runs for one revision (it labels them with the revision's name). */
export async function listRevisionPods(cluster: ClusterRef, namespace: string, revision: string): Promise<PodList> {
  const { core } = apisFor(cluster);
  const raw = await core.listNamespacedPod({ namespace, labelSelector: `${LABEL_REVISION}=${revision}` }, callOptions());
  return cleanList(toPlainJson<{ items: Pod[]; metadata?: { resourceVersion?: string } }>(raw));
}
