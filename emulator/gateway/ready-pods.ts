// The pods each revision's requests are attributed to. A real ingress balances over the
// revision's ready endpoints and each request lands in one pod's queue-proxy; the embedded
// gateway picks one ready pod per request, round-robin, and records the request in that pod's
// numbers (emulator/runtime/pod-metrics.ts). So every pod's counters only grow while it lives,
// and summed over a revision's pods they are the revision's requests.
//
// Kept from Pod change events (./registry-sync.ts), so a request costs a map lookup and an
// array index. A pod is tracked from its first event and forgotten with its deletion; it takes
// requests while it is Ready and not terminating.

import { LABEL_REVISION } from "../../lib/knative/labels";
import { podRequestMetricsPort } from "../../lib/knative/observability-config";
import { queueProxyEnv } from "../../lib/knative/queue-proxy";
import type { Container, KubeObject } from "../../lib/knative/types";
import type { PodMetricsStore, PodRequestEnd } from "../runtime/pod-metrics";

interface Pod extends KubeObject {
  spec?: { containers?: Container[] };
  status?: { conditions?: Array<{ type: string; status: string }> };
}

/** A ready pod a request can go to. */
export interface PodTarget {
  readonly name: string;
  /** The request reached this pod's queue-proxy. */
  begin(): PodRequestEnd;
}

/** A revision's ready pods, taken in turn. */
class PodRing {
  private readonly pods: PodTarget[] = [];
  private cursor = 0;

  next(): PodTarget | undefined {
    if (this.pods.length === 0) return undefined;
    this.cursor %= this.pods.length;
    return this.pods[this.cursor++];
  }

  add(pod: PodTarget): void {
    if (!this.pods.some((p) => p.name === pod.name)) this.pods.push(pod);
  }

  remove(name: string): void {
    const i = this.pods.findIndex((p) => p.name === name);
    if (i >= 0) this.pods.splice(i, 1);
  }

  get size(): number {
    return this.pods.length;
  }
}

export class ReadyPods {
  private readonly rings = new Map<string, PodRing>();

  constructor(private readonly metrics: PodMetricsStore) {}

  /** The next ready pod of the revision, if it has one. */
  next(namespace: string, revision: string): PodTarget | undefined {
    return this.rings.get(revisionKey(namespace, revision))?.next();
  }

  /** A pod was added or changed. */
  set(object: KubeObject): void {
    const pod = object as Pod;
    const namespace = pod.metadata.namespace ?? "default";
    const name = pod.metadata.name ?? "";
    const revision = pod.metadata.labels?.[LABEL_REVISION];
    if (!revision) return;
    this.metrics.track(namespace, name, {
      requestMetrics: podRequestMetricsPort(pod) !== undefined,
      hasBreaker: Number(queueProxyEnv(pod).CONTAINER_CONCURRENCY ?? 0) > 0,
    });
    const key = revisionKey(namespace, revision);
    if (!isServing(pod)) return this.leaveRing(key, name);
    let ring = this.rings.get(key);
    if (!ring) this.rings.set(key, (ring = new PodRing()));
    ring.add({ name, begin: () => this.metrics.begin(namespace, name) });
  }

  /** A pod was deleted: it takes no more requests, and its numbers go with it. */
  delete(pod: KubeObject): void {
    const namespace = pod.metadata.namespace ?? "default";
    const name = pod.metadata.name ?? "";
    const revision = pod.metadata.labels?.[LABEL_REVISION];
    if (revision) this.leaveRing(revisionKey(namespace, revision), name);
    this.metrics.forget(namespace, name);
  }

  private leaveRing(key: string, name: string): void {
    const ring = this.rings.get(key);
    if (!ring) return;
    ring.remove(name);
    if (ring.size === 0) this.rings.delete(key);
  }
}

function isServing(pod: Pod): boolean {
  if (pod.metadata.deletionTimestamp) return false;
  return pod.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false;
}

const revisionKey = (namespace: string, revision: string) => `${namespace}/${revision}`;
