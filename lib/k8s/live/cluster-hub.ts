// The live side of one cluster: its watches and its health, shared by every open page (each an
// SSE stream subscribed here). Watches run only while someone listens, and stop a little after
// the last page closes so navigating between pages does not restart them. When the cluster
// forbids this identity a cluster-wide watch (403: a Role in one namespace, no ClusterRole), that
// resource is watched in each namespace the console shows instead (the context's namespace and
// those the pages open), and a namespace the cluster forbids too is noted as unreadable. A
// resource with no per-namespace form (namespaces, Knative's own Deployments) that the cluster
// forbids is not watched at all: retrying a refusal would only load the API server.

import type { KubeObject } from "@/lib/knative/types";
import type { LiveMessage, WatchedResource } from "@/lib/queries/api-types";
import type { ClusterApis } from "../api-clients";
import { cleanObject } from "../clean-object";
import { failureReason } from "../errors";
import { ObjectCache } from "./object-cache";
import { type Probe, probeVersion } from "./health-probe";
import { type OpenWatch, ResourceWatch, type ResourceWatchListener, openClientNodeWatch } from "./resource-watch";
import { WATCH_TARGETS, type WatchTarget } from "./watch-targets";

export type LiveListener = (message: LiveMessage) => void;

export interface HubOptions {
  apis: () => ClusterApis;
  targets?: WatchTarget[];
  openWatch?: OpenWatch;
  probe?: Probe;
  probeIntervalMs?: number;
  idleStopMs?: number;
  /** Called when the hub has stopped for want of listeners: a per-user hub's owner forgets it then. */
  onIdleStop?: () => void;
  now?: () => Date;
  /** Namespaces to watch in from the start, should a cluster-wide watch be forbidden (the context's namespace). */
  namespaces?: () => string[];
}

/** How much of the cluster the live updates cover, for saying what a page may be missing. */
export interface WatchScope {
  /** Resources the cluster forbids watching cluster-wide, watched per namespace instead. */
  scopedResources: WatchedResource[];
  /** The namespaces they are watched in. */
  namespaces: string[];
  /** Namespaces the cluster forbids them in too. */
  forbiddenNamespaces: string[];
}

type Health = Extract<LiveMessage, { type: "health" }>;

export class ClusterHub {
  private readonly listeners = new Set<LiveListener>();
  private readonly watches: ResourceWatch[];
  /** Per-namespace watches of the targets forbidden cluster-wide, by resource, then namespace. */
  private readonly scoped = new Map<WatchedResource, Map<string, ResourceWatch>>();
  private readonly namespaces = new Set<string>();
  private readonly forbiddenNamespaces = new Set<string>();
  /** Resources the cluster forbids watching, with no per-namespace form to fall back on. */
  private readonly unwatched = new Set<WatchedResource>();
  private readonly openWatch: OpenWatch;
  /** Collections answered from memory (targets with a snapshot), by resource. */
  private readonly caches = new Map<WatchedResource, ObjectCache>();
  private health: Health | undefined;
  private probeTimer: ReturnType<typeof setInterval> | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private probing = false;
  private running = false;

  constructor(private readonly options: HubOptions) {
    this.openWatch = options.openWatch ?? openClientNodeWatch;
    this.watches = (options.targets ?? WATCH_TARGETS).map((target) => {
      const cache = target.snapshot ? new ObjectCache() : undefined;
      if (cache) this.caches.set(target.resource, cache);
      return new ResourceWatch(
        target,
        options.apis,
        {
          ...this.changeListener(target, cache),
          onSnapshot: (items, resourceVersion) => cache?.replace(items.map(cleanObject), resourceVersion),
          onForbidden: () => (target.inNamespace ? this.scopeDown(target) : this.unwatched.add(target.resource)),
        },
        this.openWatch,
      );
    });
  }

  private changeListener(target: WatchTarget, cache: ObjectCache | undefined): ResourceWatchListener {
    return {
      onChange: (event, object) => {
        const clean = cleanObject(object);
        cache?.apply(event, clean);
        this.broadcast({ type: "change", resource: target.resource, event, object: clean });
      },
      onResync: () => {
        cache?.invalidate();
        this.broadcast({ type: "resync" });
      },
      // A broken watch is the fastest sign of a lost cluster: ask right away.
      onError: () => {
        cache?.invalidate();
        void this.probeNow();
      },
    };
  }

  /** The cluster-wide watch of `target` is forbidden: watch it in each namespace of interest. */
  private scopeDown(target: WatchTarget): void {
    this.caches.get(target.resource)?.invalidate();
    if (!this.scoped.has(target.resource)) this.scoped.set(target.resource, new Map());
    for (const namespace of this.namespacesShown()) this.watchIn(target, namespace);
  }

  /** The context's namespace and those pages have shown. */
  namespacesShown(): string[] {
    return [...new Set([...(this.options.namespaces?.() ?? []), ...this.namespaces])];
  }

  private watchIn(target: WatchTarget, namespace: string): void {
    const byNamespace = this.scoped.get(target.resource);
    if (!byNamespace || byNamespace.has(namespace) || !target.inNamespace) return;
    const watch = new ResourceWatch(
      target.inNamespace(namespace),
      this.options.apis,
      {
        ...this.changeListener(target, undefined),
        onForbidden: () => {
          this.forbiddenNamespaces.add(namespace);
        },
      },
      this.openWatch,
    );
    byNamespace.set(namespace, watch);
    if (this.running) watch.start();
  }

  /**
   * A page shows `namespace`: should a cluster-wide watch be forbidden, watch there too. Cheap
   * when it is not (nothing to do) or already watched.
   */
  watchNamespace(namespace: string): void {
    if (this.namespaces.has(namespace)) return;
    this.namespaces.add(namespace);
    for (const w of this.watches) if (this.scoped.has(w.target.resource)) this.watchIn(w.target, namespace);
  }

  scope(): WatchScope {
    const namespaces = new Set<string>();
    for (const byNamespace of this.scoped.values()) for (const ns of byNamespace.keys()) if (!this.forbiddenNamespaces.has(ns)) namespaces.add(ns);
    return { scopedResources: [...this.scoped.keys()], namespaces: [...namespaces].sort(), forbiddenNamespaces: [...this.forbiddenNamespaces].sort() };
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  subscribe(listener: LiveListener): () => void {
    this.listeners.add(listener);
    clearTimeout(this.idleTimer);
    if (this.health) listener(this.health);
    this.start();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stopWhenIdle();
    };
  }

  /**
   * The collection in memory when the watch behind it is in sync (and the cluster answers);
   * undefined otherwise, and the caller asks the cluster. Asking keeps the watches running for a
   * while, as an open page does, so that the next list is answered from memory.
   */
  cachedCollection<T extends KubeObject>(resource: WatchedResource): ObjectCache<T> | undefined {
    this.keepWarm();
    if (this.health && !this.health.reachable) return undefined;
    const cache = this.caches.get(resource);
    return cache?.synced ? (cache as unknown as ObjectCache<T>) : undefined;
  }

  private keepWarm(): void {
    this.start();
    if (this.listeners.size === 0) this.stopWhenIdle();
  }

  /** Stops after the idle delay, unless someone listens or asks again before then. */
  private stopWhenIdle(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.stop();
      this.options.onIdleStop?.();
    }, this.options.idleStopMs ?? 30_000);
  }

  stop(): void {
    this.running = false;
    for (const cache of this.caches.values()) cache.invalidate();
    clearInterval(this.probeTimer);
    clearTimeout(this.idleTimer);
    for (const w of this.watches) w.stop();
    // Started afresh, the cluster-wide watches are tried again: a grant may have been added.
    for (const byNamespace of this.scoped.values()) for (const w of byNamespace.values()) w.stop();
    this.scoped.clear();
    this.forbiddenNamespaces.clear();
    this.unwatched.clear();
    this.health = undefined;
  }

  private start(): void {
    if (this.running) return;
    this.running = true;
    for (const w of this.watches) w.start();
    void this.probeNow();
    this.probeTimer = setInterval(() => void this.probeNow(), this.options.probeIntervalMs ?? 500);
  }

  private broadcast(message: LiveMessage): void {
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch (err) {
        console.error("[live] listener failed", err);
      }
    }
  }

  async probeNow(): Promise<void> {
    if (this.probing || !this.running) return;
    this.probing = true;
    try {
      let result: Awaited<ReturnType<Probe>>;
      try {
        result = await (this.options.probe ?? probeVersion)(this.options.apis());
      } catch (err) {
        // Resolving the cluster failed (it left the kubeconfig, its credentials cannot be used).
        result = { reachable: false, reason: failureReason(err) };
      }
      if (this.running) this.record(result.reachable, result.reachable ? undefined : result.reason);
    } finally {
      this.probing = false;
    }
  }

  private record(reachable: boolean, reason: string | undefined): void {
    const previous = this.health;
    if (previous && previous.reachable === reachable && previous.reason === reason) return;
    const now = (this.options.now ?? (() => new Date()))();
    this.health = {
      type: "health",
      reachable,
      ...(reason ? { reason } : {}),
      since: previous?.reachable === reachable ? previous.since : now.toISOString(),
    };
    this.broadcast(this.health);
    if (!reachable) for (const cache of this.caches.values()) cache.invalidate();
    if (reachable && previous && !previous.reachable) {
      // Back after an outage: watch from now and have every page refetch what it shows.
      for (const w of this.watches) if (!this.scoped.has(w.target.resource) && !this.unwatched.has(w.target.resource)) w.restart();
      for (const byNamespace of this.scoped.values()) for (const w of byNamespace.values()) w.restart();
      this.broadcast({ type: "resync" });
    }
  }
}
