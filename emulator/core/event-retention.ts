// Events do not live forever: kube-apiserver stores them with a one-hour lease (--event-ttl=1h).
// The embedded cluster does the same, and also keeps at most `maxEvents` of them (oldest go
// first), so that a long-running cluster with busy controllers stays small.

import type { KubeObject } from "../../lib/knative/types";
import { ApiError } from "./errors";
import { CONTROLLER, type Registry } from "./registry";
import { EVENTS } from "./resources";

export interface EventRetentionOptions {
  ttlMs?: number;
  maxEvents?: number;
  intervalMs?: number;
  now?: () => number;
}

const lastSeen = (e: Readonly<KubeObject>) => Date.parse(((e.lastTimestamp as string | undefined) ?? e.metadata.creationTimestamp) || "0");

export function sweepEvents(registry: Registry, opts: EventRetentionOptions = {}): number {
  const ttl = opts.ttlMs ?? 3_600_000;
  const max = opts.maxEvents ?? 5_000;
  const now = (opts.now ?? Date.now)();
  const events = [...registry.view(EVENTS)].sort((a, b) => lastSeen(a) - lastSeen(b));
  const expired = events.filter((e) => now - lastSeen(e) > ttl);
  const overflow = events.length - expired.length - max;
  const doomed = [...expired, ...events.slice(expired.length, expired.length + Math.max(0, overflow))];
  for (const e of doomed) {
    try {
      registry.delete(EVENTS, e.metadata.namespace, e.metadata.name!, CONTROLLER);
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 404)) throw err;
    }
  }
  return doomed.length;
}

export function startEventRetention(registry: Registry, opts: EventRetentionOptions = {}): () => void {
  const timer = setInterval(() => sweepEvents(registry, opts), opts.intervalMs ?? 30_000);
  timer.unref();
  return () => clearInterval(timer);
}
