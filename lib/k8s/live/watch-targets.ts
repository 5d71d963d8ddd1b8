// What the console watches in each cluster, cluster-wide, so one connection per resource serves
// every open page: Knative Services and Revisions, the pods Knative runs, namespaces (for the
// selector) and the knative-serving Deployments (the Components tab). An identity the cluster
// refuses a cluster-wide watch (a Role in one namespace, no ClusterRole) is watched per
// namespace instead, with each target's `inNamespace` variant.

import { LABEL_REVISION } from "@/lib/knative/labels";
import { SERVING_API_VERSION, type KubeObject } from "@/lib/knative/types";
import type { WatchedResource } from "@/lib/queries/api-types";
import { type ClusterApis, callOptions } from "../api-clients";
import { SERVING_CUSTOM_OBJECTS } from "../knative-api";
import { KNATIVE_NAMESPACE } from "../knative-installation";

export interface WatchTarget {
  resource: WatchedResource;
  /** The REST path client-node's Watch appends `?watch=true` to. */
  path: string;
  labelSelector?: string;
  /** The collection's current resourceVersion: the watch starts from there, so it sends changes only. */
  currentResourceVersion(apis: ClusterApis): Promise<string | undefined>;
  /**
   * For collections the console also answers lists of from memory: a full list, taken instead of
   * `currentResourceVersion` whenever the watch starts afresh, to prime an ObjectCache.
   */
  snapshot?(apis: ClusterApis): Promise<{ resourceVersion?: string; items: KubeObject[] }>;
  /** The same collection in one namespace, for when the cluster-wide watch is forbidden. */
  inNamespace?(namespace: string): WatchTarget;
}

const LIST_TIMEOUT_MS = 5_000;

function servingInNamespace(resource: "services" | "revisions", namespace: string): WatchTarget {
  return {
    resource,
    path: `/apis/${SERVING_API_VERSION}/namespaces/${namespace}/${resource}`,
    async currentResourceVersion({ custom }) {
      const list = (await custom.listNamespacedCustomObject({ ...SERVING_CUSTOM_OBJECTS, plural: resource, namespace, limit: 1 }, callOptions(LIST_TIMEOUT_MS))) as {
        metadata?: { resourceVersion?: string };
      };
      return list.metadata?.resourceVersion;
    },
  };
}

function servingTarget(resource: "services" | "revisions", cached = false): WatchTarget {
  return {
    ...(cached
      ? {
          async snapshot({ custom }: ClusterApis) {
            const list = (await custom.listClusterCustomObject({ ...SERVING_CUSTOM_OBJECTS, plural: resource }, callOptions(LIST_TIMEOUT_MS))) as {
              metadata?: { resourceVersion?: string };
              items?: KubeObject[];
            };
            return { resourceVersion: list.metadata?.resourceVersion, items: list.items ?? [] };
          },
        }
      : {}),
    resource,
    path: `/apis/${SERVING_API_VERSION}/${resource}`,
    async currentResourceVersion({ custom }) {
      const list = (await custom.listClusterCustomObject({ ...SERVING_CUSTOM_OBJECTS, plural: resource, limit: 1 }, callOptions(LIST_TIMEOUT_MS))) as {
        metadata?: { resourceVersion?: string };
      };
      return list.metadata?.resourceVersion;
    },
    inNamespace: (namespace) => servingInNamespace(resource, namespace),
  };
}

export const WATCH_TARGETS: WatchTarget[] = [
  // The Services list is the console's biggest and most asked-for: it is answered from memory.
  servingTarget("services", true),
  servingTarget("revisions"),
  {
    resource: "pods",
    path: "/api/v1/pods",
    labelSelector: LABEL_REVISION,
    async currentResourceVersion({ core }) {
      const list = await core.listPodForAllNamespaces({ labelSelector: LABEL_REVISION, limit: 1 }, callOptions(LIST_TIMEOUT_MS));
      return list.metadata?.resourceVersion;
    },
    inNamespace: (namespace) => ({
      resource: "pods",
      path: `/api/v1/namespaces/${namespace}/pods`,
      labelSelector: LABEL_REVISION,
      async currentResourceVersion({ core }) {
        const list = await core.listNamespacedPod({ namespace, labelSelector: LABEL_REVISION, limit: 1 }, callOptions(LIST_TIMEOUT_MS));
        return list.metadata?.resourceVersion;
      },
    }),
  },
  {
    resource: "namespaces",
    path: "/api/v1/namespaces",
    async currentResourceVersion({ core }) {
      return (await core.listNamespace({ limit: 1 }, callOptions(LIST_TIMEOUT_MS))).metadata?.resourceVersion;
    },
  },
  {
    resource: "deployments",
    path: `/apis/apps/v1/namespaces/${KNATIVE_NAMESPACE}/deployments`,
    async currentResourceVersion({ apps }) {
      const list = await apps.listNamespacedDeployment({ namespace: KNATIVE_NAMESPACE, limit: 1 }, callOptions(LIST_TIMEOUT_MS));
      return list.metadata?.resourceVersion;
    },
  },
];
