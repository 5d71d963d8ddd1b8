// The typed, server-only gateway to Knative Serving objects. The only place that knows the
// serving.knative.dev REST coordinates; callers get plain typed JSON.

import { SERVING_API_VERSION, SERVING_GROUP, SERVING_VERSION, type KubeObject, type Revision, type Service } from "@/lib/knative/types";
import { LABEL_SERVICE } from "@/lib/knative/labels";
import type { RevisionList, ServiceList } from "@/lib/queries/api-types";
import { kubeStatus, StatusError } from "@/lib/queries/status";
import { apisFor, callOptions } from "./api-clients";
import type { ClusterRef } from "./cluster-ref";
import { cleanList, cleanObject } from "./clean-object";
import { rawGet } from "./raw-get";

/** Knative Serving's coordinates for client-node's CustomObjectsApi. */
export const SERVING_CUSTOM_OBJECTS = { group: SERVING_GROUP, version: SERVING_VERSION } as const;

interface RawList<T> {
  items?: T[];
  metadata?: { resourceVersion?: string };
}

async function listServing<T extends KubeObject>(cluster: ClusterRef, plural: string, namespace: string | null, labelSelector?: string) {
  const { custom } = apisFor(cluster);
  const raw = (
    namespace
      ? await custom.listNamespacedCustomObject({ ...SERVING_CUSTOM_OBJECTS, plural, namespace, labelSelector }, callOptions())
      : await custom.listClusterCustomObject({ ...SERVING_CUSTOM_OBJECTS, plural, labelSelector }, callOptions())
  ) as RawList<T>;
  return cleanList(raw);
}

async function getServing<T extends KubeObject>(cluster: ClusterRef, plural: string, namespace: string, name: string): Promise<T> {
  const { custom } = apisFor(cluster);
  const raw = (await custom.getNamespacedCustomObject({ ...SERVING_CUSTOM_OBJECTS, plural, namespace, name }, callOptions())) as T;
  return cleanObject(raw);
}

/** Services in one namespace, or in all of them when `namespace` is null. */
export function listServices(cluster: ClusterRef, namespace: string | null): Promise<ServiceList> {
  return listServing<Service>(cluster, "services", namespace);
}

export function getService(cluster: ClusterRef, namespace: string, name: string): Promise<Service> {
  return getServing<Service>(cluster, "services", namespace, name);
}

/** Revisions in a namespace, optionally only those a Service owns (by Knative's service label). */
export function listRevisions(cluster: ClusterRef, namespace: string, service?: string): Promise<RevisionList> {
  return listServing<Revision>(cluster, "revisions", namespace, service ? `${LABEL_SERVICE}=${service}` : undefined);
}

export function getRevision(cluster: ClusterRef, namespace: string, name: string): Promise<Revision> {
  return getServing<Revision>(cluster, "revisions", namespace, name);
}

/**
 * Cheap existence check used to tell "Knative not installed" from "cannot tell": the API group's
 * discovery document, which kube-apiserver's system:discovery role lets every signed-in user read,
 * so it answers for someone whose rights end at one namespace too. A 404 Status means no Knative.
 */
export async function servesKnative(cluster: ClusterRef, timeoutMs: number): Promise<boolean> {
  const { kubeConfig } = apisFor(cluster);
  const res = await rawGet(kubeConfig, `/apis/${SERVING_API_VERSION}`, { timeoutMs, accept: "application/json" });
  if (res.status === 200) return true;
  throw new StatusError(kubeStatus(res.status, `discovery of ${SERVING_API_VERSION} answered ${res.status}`));
}
