// In-memory request statistics per revision: what queue-proxy measures, summed over the
// revision's pods, which is what the autoscaler decides on. The same class, keyed by pod name,
// holds each pod's own numbers (emulator/runtime/pod-metrics.ts).
//
// Per revision: the requests in flight, and a ring of 1-second buckets holding the number of
// requests that arrived in that second and the time-weighted concurrency integral (in-flight ×
// milliseconds) over it. Concurrency is integrated exactly: every change in the in-flight count
// first credits the elapsed time at the old level to the buckets it spans. The ring has a fixed
// size, so memory per revision is constant; a revision idle for longer than the ring keeps only
// its counters, not its buckets.

import type { TrafficStats } from "../core/runtime";

export interface TrafficStatsOptions {
  /** The clock, injectable for tests. Defaults to Date.now. */
  now?: () => number;
  /**
   * Seconds of history per revision. The autoscaler's longest window is the 60 s stable window
   * (knative/serving pkg/autoscaler/config: stable-window 60s); the default keeps twice that.
   */
  retainSeconds?: number;
}

const DEFAULT_RETAIN_SECONDS = 120;
const MS_PER_SECOND = 1000;

/** One revision's counters and its ring of per-second buckets. */
class RevisionTraffic {
  inFlight = 0;
  lastRequestAt: number | undefined;
  /** Time up to which the in-flight level has been credited to the buckets. */
  private creditedUntil: number;
  private ring: SecondRing | undefined;

  constructor(
    private readonly size: number,
    now: number,
  ) {
    this.creditedUntil = now;
  }

  arrive(now: number): void {
    this.advance(now);
    this.buckets().addRequest(Math.floor(now / MS_PER_SECOND));
    this.inFlight++;
    this.lastRequestAt = now;
  }

  leave(now: number): void {
    this.advance(now);
    this.inFlight--;
  }

  /** Sums the buckets for the seconds [fromSecond, toSecond]. */
  sum(now: number, fromSecond: number, toSecond: number): { requests: number; busyMs: number } {
    this.advance(now);
    return this.ring ? this.ring.sum(fromSecond, toSecond) : { requests: 0, busyMs: 0 };
  }

  /** Idle with no history worth keeping: the ring can go. */
  releaseIfStale(now: number): void {
    if (this.inFlight === 0 && this.ring && now - (this.lastRequestAt ?? 0) > this.size * MS_PER_SECOND) {
      this.advance(now);
      this.ring = undefined;
    }
  }

  /** Credits the current in-flight level for the time since the last change, second by second. */
  private advance(now: number): void {
    let from = this.creditedUntil;
    if (now <= from) return;
    this.creditedUntil = now;
    if (this.inFlight === 0) return;
    // Older than the ring would be overwritten anyway: start at the oldest second it can hold.
    from = Math.max(from, (Math.floor(now / MS_PER_SECOND) - this.size + 1) * MS_PER_SECOND);
    const ring = this.buckets();
    while (from < now) {
      const second = Math.floor(from / MS_PER_SECOND);
      const until = Math.min(now, (second + 1) * MS_PER_SECOND);
      ring.addBusy(second, this.inFlight * (until - from));
      from = until;
    }
  }

  private buckets(): SecondRing {
    return (this.ring ??= new SecondRing(this.size));
  }
}

/** A fixed ring of per-second buckets indexed by epoch second; a slot is reset when reused. */
class SecondRing {
  private readonly seconds: Float64Array;
  private readonly requests: Float64Array;
  private readonly busyMs: Float64Array;

  constructor(private readonly size: number) {
    this.seconds = new Float64Array(size).fill(-1);
    this.requests = new Float64Array(size);
    this.busyMs = new Float64Array(size);
  }

  addRequest(second: number): void {
    this.requests[this.slot(second)]! += 1;
  }

  addBusy(second: number, ms: number): void {
    this.busyMs[this.slot(second)]! += ms;
  }

  sum(fromSecond: number, toSecond: number): { requests: number; busyMs: number } {
    let requests = 0;
    let busyMs = 0;
    for (let s = Math.max(fromSecond, toSecond - this.size + 1); s <= toSecond; s++) {
      const i = s % this.size;
      if (this.seconds[i] !== s) continue;
      requests += this.requests[i]!;
      busyMs += this.busyMs[i]!;
    }
    return { requests, busyMs };
  }

  private slot(second: number): number {
    const i = second % this.size;
    if (this.seconds[i] !== second) {
      this.seconds[i] = second;
      this.requests[i] = 0;
      this.busyMs[i] = 0;
    }
    return i;
  }
}

export class InMemoryTrafficStats implements TrafficStats {
  private readonly now: () => number;
  private readonly retainSeconds: number;
  private readonly revisions = new Map<string, RevisionTraffic>();
  private lastSweepAt: number;

  constructor(opts: TrafficStatsOptions = {}) {
    this.now = opts.now ?? Date.now;
    this.retainSeconds = Math.max(2, Math.ceil(opts.retainSeconds ?? DEFAULT_RETAIN_SECONDS));
    this.lastSweepAt = this.now();
  }

  begin(namespace: string, revision: string): () => void {
    const now = this.now();
    this.sweep(now);
    const traffic = this.entry(namespace, revision, now);
    traffic.arrive(now);
    let finished = false;
    return () => {
      // Idempotent: a response can report both "finish" and "close".
      if (finished) return;
      finished = true;
      traffic.leave(this.now());
    };
  }

  inFlight(namespace: string, revision: string): number {
    return this.revisions.get(key(namespace, revision))?.inFlight ?? 0;
  }

  /**
   * Over [now - windowMs, now]: the whole seconds inside it plus the overlapped share of the
   * oldest one (its counts are assumed spread evenly over that second). The window is at least
   * one second and at most the retained history.
   */
  window(namespace: string, revision: string, windowMs: number): { averageConcurrency: number; requestsPerSecond: number } {
    const traffic = this.revisions.get(key(namespace, revision));
    if (!traffic) return { averageConcurrency: 0, requestsPerSecond: 0 };
    const now = this.now();
    const spanMs = Math.min((this.retainSeconds - 1) * MS_PER_SECOND, Math.max(MS_PER_SECOND, windowMs));
    const startMs = now - spanMs;
    const oldestSecond = Math.floor(startMs / MS_PER_SECOND);
    const currentSecond = Math.floor(now / MS_PER_SECOND);
    const newer = traffic.sum(now, oldestSecond + 1, currentSecond);
    const oldest = traffic.sum(now, oldestSecond, oldestSecond);
    const share = ((oldestSecond + 1) * MS_PER_SECOND - startMs) / MS_PER_SECOND;
    const requests = newer.requests + share * oldest.requests;
    const busyMs = newer.busyMs + share * oldest.busyMs;
    return { averageConcurrency: busyMs / spanMs, requestsPerSecond: (requests * MS_PER_SECOND) / spanMs };
  }

  /** The last complete second, as queue-proxy reports every second (its counts divided by 1 s). */
  lastSecond(namespace: string, revision: string): { requestCount: number; averageConcurrency: number } {
    const traffic = this.revisions.get(key(namespace, revision));
    if (!traffic) return { requestCount: 0, averageConcurrency: 0 };
    const now = this.now();
    const previous = Math.floor(now / MS_PER_SECOND) - 1;
    const { requests, busyMs } = traffic.sum(now, previous, previous);
    return { requestCount: requests, averageConcurrency: busyMs / MS_PER_SECOND };
  }

  lastRequestAt(namespace: string, revision: string): number | undefined {
    return this.revisions.get(key(namespace, revision))?.lastRequestAt;
  }

  /** Drops everything kept for the name (a pod that went away). */
  forget(namespace: string, revision: string): void {
    this.revisions.delete(key(namespace, revision));
  }

  private entry(namespace: string, revision: string, now: number): RevisionTraffic {
    const k = key(namespace, revision);
    let traffic = this.revisions.get(k);
    if (!traffic) {
      traffic = new RevisionTraffic(this.retainSeconds, now);
      this.revisions.set(k, traffic);
    }
    return traffic;
  }

  /** At most once per retention period, drop the rings of revisions idle for longer than it. */
  private sweep(now: number): void {
    if (now - this.lastSweepAt < this.retainSeconds * MS_PER_SECOND) return;
    this.lastSweepAt = now;
    for (const traffic of this.revisions.values()) traffic.releaseIfStale(now);
  }
}

export function createTrafficStats(opts?: TrafficStatsOptions): InMemoryTrafficStats {
  return new InMemoryTrafficStats(opts);
}

const key = (namespace: string, revision: string) => `${namespace}/${revision}`;
