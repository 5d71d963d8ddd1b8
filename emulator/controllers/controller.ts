// A keyed work queue in the manner of knative.dev/pkg controller.Impl: keys are
// `namespace/name`, a key queued twice is reconciled once, one key is never reconciled twice at
// the same time, a key queued while it is being reconciled runs again afterwards, and a failed
// reconcile is retried — at once after a 409 Conflict (the next read sees the newer object),
// with exponential backoff after anything else.

import { ApiError } from "../core/errors";
import type { ChangeEvent } from "../core/registry";

export type Reconcile = (namespace: string, name: string) => void | Promise<void>;

export interface ControllerOptions {
  name: string;
  reconcile: Reconcile;
  /** Which keys a registry change concerns. */
  keysFor(event: ChangeEvent): string[];
  /** Every key to reconcile at start: the store survives restarts, queues and timers do not. */
  resync(): string[];
  /** Called when the queue drains, so that waiters on idleness can look again. */
  onDrained?(): void;
}

const IMMEDIATE_CONFLICT_RETRIES = 10;
const BASE_BACKOFF_MS = 5;
// client-go workqueue.DefaultControllerRateLimiter: 5 ms doubling up to 1000 s.
const MAX_BACKOFF_MS = 1_000_000;

/**
 * A failure the reconciler has already reported (in status and as a Warning event): retried with
 * backoff like any error, but not logged.
 */
export class ReportedError extends Error {}

export function isConflict(err: unknown): boolean {
  return err instanceof ApiError && err.code === 409 && err.status.reason === "Conflict";
}

export const keyOf = (namespace: string | undefined, name: string) => `${namespace ?? ""}/${name}`;

export function splitKey(key: string): [string, string] {
  const slash = key.indexOf("/");
  return [key.slice(0, slash), key.slice(slash + 1)];
}

export class Controller {
  readonly name: string;
  private readonly queue = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private running = false;
  private stopped = false;

  constructor(private readonly opts: ControllerOptions) {
    this.name = opts.name;
  }

  handle(event: ChangeEvent): void {
    for (const key of this.opts.keysFor(event)) this.enqueue(key);
  }

  start(): void {
    for (const key of this.opts.resync()) this.enqueue(key);
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.queue.clear();
  }

  enqueue(key: string): void {
    if (this.stopped) return;
    this.queue.add(key);
    if (!this.running) {
      this.running = true;
      queueMicrotask(() => void this.drain());
    }
  }

  /** Queues the key after a delay (a timer; not counted by `isIdle`). */
  enqueueAfter(key: string, delayMs: number): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.enqueue(key);
    }, delayMs);
    this.timers.add(timer);
  }

  isIdle(): boolean {
    return !this.running && this.queue.size === 0;
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopped && this.queue.size > 0) {
        const key = this.queue.values().next().value as string;
        this.queue.delete(key);
        await this.process(key);
      }
    } finally {
      this.running = false;
      this.opts.onDrained?.();
    }
  }

  private async process(key: string): Promise<void> {
    const [namespace, name] = splitKey(key);
    try {
      await this.opts.reconcile(namespace, name);
      this.failures.delete(key);
    } catch (err) {
      const failures = (this.failures.get(key) ?? 0) + 1;
      this.failures.set(key, failures);
      const conflict = isConflict(err);
      if (conflict && failures <= IMMEDIATE_CONFLICT_RETRIES) {
        this.queue.add(key);
        return;
      }
      if (!conflict && !(err instanceof ReportedError)) console.warn(`${this.name}: reconciling ${key} failed (attempt ${failures}): ${(err as Error).message}`);
      this.enqueueAfter(key, Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** failures));
    }
  }
}
