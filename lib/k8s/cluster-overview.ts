// One line of the Clusters page: can the console reach the cluster, and what runs there.

import type { ClusterOverview } from "@/lib/queries/api-types";
import { apisFor, callOptions } from "./api-clients";
import { type ClusterRef, toSummary } from "./cluster-ref";
import { failureReason } from "./errors";
import { detectKnative } from "./knative-installation";

/** The Clusters page shows every cluster at once; one dead cluster must not hold it up long. */
const PROBE_TIMEOUT_MS = 3_000;

export async function describeCluster(cluster: ClusterRef): Promise<ClusterOverview> {
  const summary = toSummary(cluster);
  if (!cluster.kubeConfig) {
    return { ...summary, reachable: false, reason: cluster.unavailableReason, knative: { installed: "unknown" } };
  }
  try {
    const { version } = apisFor(cluster);
    const info = await version.getCode({}, callOptions(PROBE_TIMEOUT_MS));
    const knative = await detectKnative(cluster, PROBE_TIMEOUT_MS);
    return { ...summary, reachable: true, kubernetesVersion: info.gitVersion, knative };
  } catch (err) {
    return { ...summary, reachable: false, reason: failureReason(err), knative: { installed: "unknown" } };
  }
}

export function describeClusters(clusters: ClusterRef[]): Promise<ClusterOverview[]> {
  return Promise.all(clusters.map(describeCluster));
}
