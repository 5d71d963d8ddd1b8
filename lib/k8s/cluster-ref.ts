import type { KubeConfig } from "@kubernetes/client-node";
import type { ClusterSummary } from "@/lib/queries/api-types";

/** A cluster as the server knows it: its public summary plus the credentials to reach it. */
export interface ClusterRef extends ClusterSummary {
  /** Null while the cluster cannot be configured yet (e.g. the embedded cluster is still starting). */
  kubeConfig: KubeConfig | null;
  /** Why `kubeConfig` is null. */
  unavailableReason?: string;
}

/** The part of a ClusterRef that may leave the server. */
export function toSummary(ref: ClusterRef): ClusterSummary {
  return {
    id: ref.id,
    name: ref.name,
    source: ref.source,
    server: ref.server,
    ...(ref.namespace ? { namespace: ref.namespace } : {}),
  };
}
