// Pure rules for folding a watch event into cached data (headlamp's KubeList.applyUpdate, with
// a numeric resourceVersion guard so a late event cannot undo a fresher read).

import type { KubeObject } from "@/lib/knative/types";
import type { KubeList, WatchEventType } from "./api-types";
import type { ListFilter } from "./keys";

function sameObject(a: KubeObject, b: KubeObject): boolean {
  if (a.metadata.uid && b.metadata.uid) return a.metadata.uid === b.metadata.uid;
  return a.metadata.name === b.metadata.name && a.metadata.namespace === b.metadata.namespace;
}

/** False only when both versions are numbers (as every apiserver we know writes them) and `incoming` is older. */
export function isNotOlder(incoming: KubeObject, existing: KubeObject): boolean {
  const a = incoming.metadata.resourceVersion;
  const b = existing.metadata.resourceVersion;
  if (!a || !b || !/^\d+$/.test(a) || !/^\d+$/.test(b)) return true;
  return BigInt(a) >= BigInt(b);
}

/**
 * For a single object's query: a fetch that answers with an older version than the cache holds
 * (the live stream delivered a newer one while the request was on its way) keeps the newer one.
 */
export function keepNewerObject(oldData: unknown, newData: unknown): unknown {
  const older = oldData as KubeObject | undefined;
  const incoming = newData as KubeObject | undefined;
  if (!older?.metadata || !incoming?.metadata || older.metadata.uid !== incoming.metadata.uid) return newData;
  return isNotOlder(incoming, older) ? newData : oldData;
}

export function matchesFilter(obj: KubeObject, filter: ListFilter): boolean {
  if (filter.namespace && obj.metadata.namespace !== filter.namespace) return false;
  const labels = obj.metadata.labels ?? {};
  return Object.entries(filter.labels ?? {}).every(([k, v]) => labels[k] === v);
}

function compareByNamespaceAndName(a: KubeObject, b: KubeObject): number {
  const ns = (a.metadata.namespace ?? "").localeCompare(b.metadata.namespace ?? "");
  return ns !== 0 ? ns : (a.metadata.name ?? "").localeCompare(b.metadata.name ?? "");
}

/**
 * The list after the event. Returns the same list object when nothing changed, so React Query
 * does not re-render for events that do not concern it.
 */
export function applyWatchEvent<T extends KubeObject>(list: KubeList<T>, type: WatchEventType, obj: T, filter: ListFilter): KubeList<T> {
  const index = list.items.findIndex((item) => sameObject(item, obj));
  const existing = index >= 0 ? list.items[index] : undefined;
  const belongs = type !== "DELETED" && matchesFilter(obj, filter);

  if (!belongs) {
    if (!existing) return list;
    if (type !== "DELETED" && !isNotOlder(obj, existing)) return list;
    return { ...list, items: list.items.filter((_, i) => i !== index) };
  }
  if (existing) {
    if (!isNotOlder(obj, existing)) return list;
    const items = list.items.slice();
    items[index] = obj;
    return { ...list, items };
  }
  const items = [...list.items, obj].sort(compareByNamespaceAndName);
  return { ...list, items };
}

/** A cached single object after the event: the new object, or undefined when it is gone. */
export function applyWatchEventToObject<T extends KubeObject>(current: T, type: WatchEventType, obj: T): T | undefined {
  if (!sameObject(current, obj) && current.metadata.name !== obj.metadata.name) return current;
  if (type === "DELETED") return undefined;
  return isNotOlder(obj, current) ? obj : current;
}
