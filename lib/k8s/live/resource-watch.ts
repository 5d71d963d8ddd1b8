// One long-lived Kubernetes watch that survives: it starts from the collection's current
// resourceVersion, resumes from the last version it saw when the server ends the stream, starts
// over (and asks pages to refetch) when that version has expired (410), and reconnects with
// backoff when the cluster is gone. client-node's Watch calls `done` once per connection.

import { Watch } from "@kubernetes/client-node";
import type { KubeObject } from "@/lib/knative/types";
import type { WatchEventType } from "@/lib/queries/api-types";
import type { ClusterApis } from "../api-clients";
import { Backoff } from "./backoff";
import type { WatchTarget } from "./watch-targets";

export interface ResourceWatchListener {
  onChange(type: WatchEventType, object: KubeObject): void;
  /** Events may have been lost: whoever caches this resource must refetch. */
  onResync(): void;
  /** The connection failed; it will be retried. */
  onError(err: unknown): void;
  /** A full list was taken (targets with `snapshot`): the collection as of `resourceVersion`. */
  onSnapshot?(items: KubeObject[], resourceVersion: string | undefined): void;
  /**
   * The cluster refuses this identity the list or the watch (403). With this callback the watch
   * stops instead of retrying: asking again would be refused again, until a grant changes.
   */
  onForbidden?(err: unknown): void;
}

/** A 403 from the cluster: client-node's ApiException (`code`) from the list, or the watch's own failure (`statusCode`). */
export function isForbidden(err: unknown): boolean {
  if (typeof err !== "object" || err === null) return false;
  const e = err as { code?: unknown; statusCode?: unknown };
  return e.code === 403 || e.statusCode === 403;
}

export type OpenWatch = (
  apis: ClusterApis,
  path: string,
  params: Record<string, string | boolean | undefined>,
  onEvent: (type: string, object: unknown) => void,
  onDone: (err: unknown) => void,
) => Promise<AbortController>;

export const openClientNodeWatch: OpenWatch = (apis, path, params, onEvent, onDone) =>
  new Watch(apis.kubeConfig).watch(path, params, onEvent, onDone);

const PROVEN_CONNECTION_MS = 5_000;
const CHANGE_TYPES = new Set(["ADDED", "MODIFIED", "DELETED"]);

export class ResourceWatch {
  private resourceVersion: string | undefined;
  private controller: AbortController | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  /** Bumped per connection so late callbacks of an old connection are ignored. */
  private connection = 0;
  /** When the current connection opened, and whether it has delivered anything: a connection that proved itself resets the backoff. */
  private openedAt = 0;
  private delivered = false;
  /** After a failure, a target with a snapshot lists afresh: events may have been missed meanwhile. */
  private needsSnapshot = true;

  constructor(
    readonly target: WatchTarget,
    private readonly apis: () => ClusterApis,
    private readonly listener: ResourceWatchListener,
    private readonly openWatch: OpenWatch = openClientNodeWatch,
    private readonly backoff = new Backoff(),
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.connect();
  }

  stop(): void {
    this.running = false;
    this.needsSnapshot = true;
    this.connection++;
    clearTimeout(this.retryTimer);
    this.controller?.abort();
    this.controller = undefined;
  }

  /** Drop the resume point and connect again now (after an outage the old version means little). */
  restart(): void {
    this.stop();
    this.resourceVersion = undefined;
    this.backoff.reset();
    this.start();
  }

  private async connect(): Promise<void> {
    const connection = ++this.connection;
    const current = () => this.running && connection === this.connection;
    let ended = false;
    try {
      const apis = this.apis();
      if (this.target.snapshot && (this.needsSnapshot || this.resourceVersion === undefined)) {
        const snapshot = await this.target.snapshot(apis);
        if (!current()) return;
        this.resourceVersion = snapshot.resourceVersion;
        this.needsSnapshot = false;
        this.listener.onSnapshot?.(snapshot.items, snapshot.resourceVersion);
      }
      this.resourceVersion ??= await this.target.currentResourceVersion(apis);
      if (!current()) return;
      const params = { resourceVersion: this.resourceVersion, allowWatchBookmarks: true, labelSelector: this.target.labelSelector };
      const onEvent = (type: string, object: unknown) => {
        if (current()) this.handleEvent(type, object);
      };
      const onDone = (err: unknown) => {
        ended = true;
        if (current()) this.handleDone(err);
      };
      const controller = await this.openWatch(apis, this.target.path, params, onEvent, onDone);
      if (!current()) {
        controller.abort();
        return;
      }
      this.controller = controller;
      if (!ended) {
        this.openedAt = Date.now();
        this.delivered = false;
      }
    } catch (err) {
      if (current()) this.handleDone(err ?? new Error("watch failed"));
    }
  }

  private handleEvent(type: string, object: unknown): void {
    const obj = object as KubeObject | undefined;
    if (type === "ERROR") {
      // The server gives up on this stream. A 410 Expired means our resume point is gone: start
      // from now and let pages refetch. Either way, retire this connection and open a new one.
      const status = object as { code?: number; message?: string } | undefined;
      const expired = status?.code === 410;
      if (expired) {
        this.resourceVersion = undefined;
        this.listener.onResync();
      }
      const controller = this.controller;
      this.connection++;
      controller?.abort();
      this.handleDone(expired ? null : new Error(status?.message ?? "watch error"));
      return;
    }
    this.delivered = true;
    const rv = obj?.metadata?.resourceVersion;
    if (rv) this.resourceVersion = rv;
    if (CHANGE_TYPES.has(type) && obj) this.listener.onChange(type as WatchEventType, obj);
  }

  private handleDone(err: unknown): void {
    this.controller = undefined;
    if (!this.running) return;
    if (this.delivered || (this.openedAt && Date.now() - this.openedAt >= PROVEN_CONNECTION_MS)) this.backoff.reset();
    this.openedAt = 0;
    this.delivered = false;
    if (err && isForbidden(err) && this.listener.onForbidden) {
      this.stop();
      this.listener.onForbidden(err);
      return;
    }
    if (err) {
      this.needsSnapshot = true;
      this.listener.onError(err);
    }
    // A clean end (the server's watch timeout) resumes at once; a failure waits.
    const delay = err ? this.backoff.next() : 0;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }
}
