// The console's own HTTP contract: what its /api routes answer and what its server pages
// prefetch. Both sides share these shapes, so hydrated data and refetched data look the same.
// Kubernetes objects travel as they come from the cluster (minus managedFields).

import type { Condition, KubeObject, Revision, Service } from "@/lib/knative/types";

export type ClusterSource = "kubeconfig" | "in-cluster" | "embedded";

/** What the Clusters page knows about one cluster. Never carries a credential. */
export interface ClusterSummary {
  id: string;
  name: string;
  source: ClusterSource;
  /** The API server's URL without user info, for display. */
  server: string;
  /** The kubeconfig context's default namespace, if any. */
  namespace?: string;
}

export interface ClusterOverview extends ClusterSummary {
  reachable: boolean;
  /** Why the cluster could not be reached or read; present when `reachable` is false. */
  reason?: string;
  kubernetesVersion?: string;
  knative: KnativeInstallation;
}

export type KnativeInstallation =
  | { installed: true; version?: string }
  | { installed: false }
  | { installed: "unknown" };

export interface KubeList<T extends KubeObject> {
  items: T[];
  resourceVersion?: string;
}

/**
 * Services; for all namespaces, possibly only some of them: an identity the cluster refuses a
 * cluster-wide list gets the namespaces it may read, and says so in `partial`.
 */
export interface ServiceList extends KubeList<Service> {
  partial?: PartialList;
}

export interface PartialList {
  /** The cluster's refusal of the cluster-wide list, in its own words. */
  reason: string;
  /** The namespaces listed instead. */
  namespaces: string[];
  /** Namespaces tried that the cluster refused too. */
  forbiddenNamespaces: string[];
}
export type RevisionList = KubeList<Revision>;

export interface Pod extends KubeObject {
  spec?: {
    nodeName?: string;
    containers?: Array<{ name: string; image?: string }>;
  };
  status?: {
    phase?: string;
    podIP?: string;
    startTime?: string;
    conditions?: Condition[];
    containerStatuses?: Array<{
      name: string;
      ready: boolean;
      restartCount: number;
      state?: Record<string, { reason?: string; message?: string } | undefined>;
    }>;
  };
}
export type PodList = KubeList<Pod>;

export interface Namespace extends KubeObject {
  status?: { phase?: string };
}
export type NamespaceList = KubeList<Namespace> & {
  /** The cluster's refusal of the list, when only the context's namespace could be given. */
  forbidden?: string;
};

/** The ingress gateway's address, found the way ACK's "Gateway" column shows it. */
export interface GatewayInfo {
  /** IP or host name (with port when it is not 80) clients send requests to. */
  address: string | null;
  /** The Kubernetes Service it came from, e.g. `kourier-system/kourier`, or the environment variable that configures it. */
  source: string | null;
  /** When none was found: the cluster's refusals of the gateway Services it would not let us read. */
  forbidden?: string[];
}

export type ComponentHealth = "Ready" | "Progressing" | "Unavailable" | "Not deployed";

export interface KnativeComponent {
  name: string;
  namespace: string;
  kind: "Deployment" | "Gateway";
  version?: string;
  readyReplicas: number;
  replicas: number;
  health: ComponentHealth;
  /** The condition message or address that explains `health`. */
  detail?: string;
  creationTimestamp?: string;
}

export interface ComponentsOverview {
  knative: KnativeInstallation;
  components: KnativeComponent[];
}

/** Kubernetes resources the console watches and pushes to open pages. */
export type WatchedResource = "services" | "revisions" | "pods" | "namespaces" | "deployments";

export type WatchEventType = "ADDED" | "MODIFIED" | "DELETED";

/** One message on a cluster's Server-Sent Events stream. */
export type LiveMessage =
  | { type: "change"; resource: WatchedResource; event: WatchEventType; object: KubeObject }
  /** Events may have been missed (a watch expired or the cluster came back): refetch everything. */
  | { type: "resync" }
  | { type: "health"; reachable: boolean; reason?: string; since: string };
