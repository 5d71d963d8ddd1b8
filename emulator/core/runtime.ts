// Contracts between the data plane (the gateway, which serves requests) and the control plane
// (the autoscaler, which runs pods): the same split as Knative's queue-proxy/activator and KPA.

/** Request statistics per revision, recorded by the gateway as queue-proxy would. */
export interface TrafficStats {
  /** A request reached the revision; call the returned function when its response is finished. */
  begin(namespace: string, revision: string): () => void;
  /** Requests in flight right now. */
  inFlight(namespace: string, revision: string): number;
  /** Time-weighted average concurrency and request rate over the last `windowMs`. */
  window(namespace: string, revision: string, windowMs: number): { averageConcurrency: number; requestsPerSecond: number };
  /** queue-proxy's 1-second report: requests received in the last full second, and its average concurrency. */
  lastSecond(namespace: string, revision: string): { requestCount: number; averageConcurrency: number };
  /** Epoch ms of the last request that reached the revision, if any. */
  lastRequestAt(namespace: string, revision: string): number | undefined;
}

/** The activator: holds a request for a revision scaled to zero until a pod is ready. */
export interface Activator {
  /** Resolves once the revision has a ready pod; rejects (with a message) if it cannot become ready. */
  activate(namespace: string, revision: string, signal?: AbortSignal): Promise<void>;
}

/** What `GET /api/v1/namespaces/{ns}/pods/{pod}:{port}/proxy/{path}` answers. */
export interface ProxyResponse {
  status: number;
  contentType: string;
  body: Uint8Array;
}

export type PodProxy = (namespace: string, pod: string, port: number, path: string) => ProxyResponse | undefined;
