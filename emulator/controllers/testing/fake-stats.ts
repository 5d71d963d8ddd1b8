// TrafficStats whose numbers a test sets directly.

import type { TrafficStats } from "../../core/runtime";

interface RevisionTraffic {
  concurrency: number;
  inFlight: number;
  lastRequestAt?: number;
}

export class FakeStats implements TrafficStats {
  private readonly traffic = new Map<string, RevisionTraffic>();

  private of(namespace: string, revision: string): RevisionTraffic {
    const key = `${namespace}/${revision}`;
    let t = this.traffic.get(key);
    if (!t) this.traffic.set(key, (t = { concurrency: 0, inFlight: 0 }));
    return t;
  }

  /** Sets the average concurrency every window reports, and marks a request as just received. */
  setConcurrency(namespace: string, revision: string, concurrency: number, now = Date.now()): void {
    const t = this.of(namespace, revision);
    t.concurrency = concurrency;
    t.lastRequestAt = now;
  }

  begin(namespace: string, revision: string): () => void {
    const t = this.of(namespace, revision);
    t.inFlight++;
    t.lastRequestAt = Date.now();
    return () => {
      t.inFlight--;
    };
  }

  inFlight(namespace: string, revision: string): number {
    return this.of(namespace, revision).inFlight;
  }

  window(namespace: string, revision: string): { averageConcurrency: number; requestsPerSecond: number } {
    const t = this.of(namespace, revision);
    return { averageConcurrency: t.concurrency, requestsPerSecond: t.concurrency };
  }

  lastSecond(namespace: string, revision: string): { requestCount: number; averageConcurrency: number } {
    const t = this.of(namespace, revision);
    return { requestCount: t.concurrency, averageConcurrency: t.concurrency };
  }

  lastRequestAt(namespace: string, revision: string): number | undefined {
    return this.of(namespace, revision).lastRequestAt;
  }
}
