// The objects of one watched collection, kept current by its watch (an informer's store): a
// snapshot from a full list, then every change. Lists can be answered from memory while it is
// in sync; after a lost connection it says so until the next snapshot, and callers ask the
// cluster instead.

import type { KubeObject } from "@/lib/knative/types";
import type { KubeList, WatchEventType } from "@/lib/queries/api-types";

const keyOf = (o: KubeObject) => `${o.metadata.namespace ?? ""}/${o.metadata.name ?? ""}`;

function byNamespaceAndName(a: KubeObject, b: KubeObject): number {
  const ns = (a.metadata.namespace ?? "").localeCompare(b.metadata.namespace ?? "");
  return ns !== 0 ? ns : (a.metadata.name ?? "").localeCompare(b.metadata.name ?? "");
}

export class ObjectCache<T extends KubeObject = KubeObject> {
  private readonly objects = new Map<string, T>();
  private resourceVersion: string | undefined;
  private inSync = false;
  private changes = 0;

  /** A full list: replaces everything, and the cache is in sync from here on. */
  replace(items: T[], resourceVersion: string | undefined): void {
    this.objects.clear();
    for (const o of items) this.objects.set(keyOf(o), o);
    this.resourceVersion = resourceVersion;
    this.inSync = true;
    this.changes++;
  }

  apply(type: WatchEventType, object: T): void {
    if (type === "DELETED") this.objects.delete(keyOf(object));
    else this.objects.set(keyOf(object), object);
    this.resourceVersion = object.metadata.resourceVersion ?? this.resourceVersion;
    this.changes++;
  }

  /** Events may have been missed (connection lost, watch stopped): stop answering. */
  invalidate(): void {
    this.inSync = false;
  }

  get synced(): boolean {
    return this.inSync;
  }

  /** Changes with every snapshot and event: what was derived from an equal version is still current. */
  get version(): number {
    return this.changes;
  }

  /** The collection (or one namespace of it), sorted as the API routes sort; undefined when out of sync. */
  list(namespace: string | null): KubeList<T> | undefined {
    if (!this.inSync) return undefined;
    const items = [...this.objects.values()].filter((o) => namespace === null || o.metadata.namespace === namespace).sort(byNamespaceAndName);
    return this.resourceVersion ? { items, resourceVersion: this.resourceVersion } : { items };
  }
}
