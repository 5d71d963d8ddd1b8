// The pods whose queue-proxy does not serve request metrics on 9091, remembered so that the
// poller does not ask them again every second: a pod whose env says nothing of request metrics
// and that answers 9090 but not 9091 (the API server's 503 "dial tcp …:9091: connect: connection
// refused") has no listener there and will answer the same way the next second. (A pod whose env
// turns them off is never asked; one that answers 9091 is asked every second.)
//
// Remembered by pod UID, not name, and forgotten when the pod goes. Asked again every
// RECHECK_MS all the same: in Knative turning request metrics on in config-observability rolls
// the revisions' pods (the revision reconciler watches the config and the queue-proxy's
// OBSERVABILITY_CONFIG env is part of the pod template: pkg/reconciler/revision/resources/
// queue.go), so new pods with new UIDs are read at once; the re-check covers a queue-proxy that
// refused while starting, and anything that serves 9091 later without a new pod.

/** How long a refusal stands before the pod is asked again. */
export const RECHECK_MS = 30_000;

export class RequestMetricsRefusals {
  /** Pod UID → when it last refused. */
  private readonly refusedAt = new Map<string, number>();

  /** Whether 9091 is worth reading at `now`: the pod has not refused, or refused long enough ago. */
  shouldRead(podUid: string, now: number): boolean {
    const at = this.refusedAt.get(podUid);
    return at === undefined || now - at >= RECHECK_MS;
  }

  refused(podUid: string, now: number): void {
    this.refusedAt.set(podUid, now);
  }

  served(podUid: string): void {
    this.refusedAt.delete(podUid);
  }

  /** Forgets the pods that are not in `podUids` any more. */
  keepOnly(podUids: ReadonlySet<string>): void {
    for (const uid of this.refusedAt.keys()) if (!podUids.has(uid)) this.refusedAt.delete(uid);
  }

  clear(): void {
    this.refusedAt.clear();
  }
}
