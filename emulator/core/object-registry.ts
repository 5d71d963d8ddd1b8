// The embedded cluster's registry: Kubernetes object semantics over an ObjectStore.
// uid, generation, resourceVersion, the status subresource, admission, namespace existence,
// owner-reference garbage collection and change events — the rules of kube-apiserver's generic
// registry, which the API server (HTTP) and the controllers (in-process) share.

import { randomUUID } from "node:crypto";
import type { KubeObject } from "../../lib/knative/types";
import { ApiError } from "./errors";
import { isDeepStrictEqual } from "node:util";
import type {
  Actor,
  AdmissionPlugin,
  AdmissionRequest,
  ChangeEvent,
  ChangeType,
  DeleteOptions,
  Registry,
  WriteOptions,
} from "./registry";
import { apiVersionOf, NAMESPACES, RESOURCE_TYPES, type ResourceType } from "./resources";
import { SERVING_GROUP } from "../../lib/knative/types";
import { apiKey, objectKey } from "./keys";
import type { ObjectStore, StoredChange } from "../store/sqlite-store";
import { matchesLabels } from "./label-selector";

type Write = Parameters<ObjectStore["commit"]>[0][number];

/**
 * Looks at each stored object as the cluster starts: what the running build would refuse, and
 * the copy to serve (malformed fields dropped). Injected, so that the registry does not depend
 * on the decoding rules of the kinds it stores.
 */
export type StoredObjectChecker = (type: ResourceType, object: KubeObject) => { object: KubeObject; problems: string[] };

export class ObjectRegistry implements Registry {
  private readonly objects: Map<string, Map<string, KubeObject>>;
  private readonly listeners = new Set<(e: ChangeEvent) => void>();
  private pending: ChangeEvent[] = [];
  private flushScheduled = false;

  constructor(
    private readonly store: ObjectStore,
    private readonly admission: AdmissionPlugin[] = [],
    checkStored?: StoredObjectChecker,
  ) {
    this.objects = store.loadAll();
    for (const [api, bucket] of this.objects) {
      const type = typeOfApi(api);
      for (const [key, stored] of bucket) {
        let o = stored;
        if (type && checkStored) {
          const { object, problems } = checkStored(type, stored);
          if (problems.length > 0) {
            const name = `${stored.metadata?.namespace ? `${stored.metadata.namespace}/` : ""}${stored.metadata?.name ?? key}`;
            console.warn(`embedded cluster: stored ${type.kind} ${name} would be refused by this build: ${problems.join("; ")}`);
          }
          o = object;
          bucket.set(key, o);
        }
        deepFreeze(o);
      }
    }
  }

  // ---- reads ------------------------------------------------------------------------------

  get<T extends KubeObject = KubeObject>(type: ResourceType, namespace: string | undefined, name: string): T | undefined {
    const obj = this.bucket(type).get(objectKey(type.namespaced ? namespace : undefined, name));
    return obj ? (structuredClone(obj) as T) : undefined;
  }

  list<T extends KubeObject = KubeObject>(type: ResourceType, namespace?: string, labels?: Record<string, string>): T[] {
    return this.listShared(type, namespace, labels).map((o) => structuredClone(o) as T);
  }

  view<T extends KubeObject = KubeObject>(type: ResourceType, namespace?: string, labels?: Record<string, string>): ReadonlyArray<Readonly<T>> {
    return this.listShared(type, namespace, labels) as unknown as T[];
  }

  /** Like list, but returns the stored (frozen) objects themselves: the HTTP layer only serialises them. */
  listShared(type: ResourceType, namespace?: string, labels?: Record<string, string>): KubeObject[] {
    const out: KubeObject[] = [];
    for (const obj of this.bucket(type).values()) {
      if (namespace !== undefined && type.namespaced && obj.metadata.namespace !== namespace) continue;
      if (labels && !matchesLabels(obj.metadata.labels, labels)) continue;
      out.push(obj);
    }
    return out.sort(compareObjects);
  }

  getShared(type: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.bucket(type).get(objectKey(type.namespaced ? namespace : undefined, name));
  }

  resourceVersion(): number {
    return this.store.currentResourceVersion();
  }

  changesSince(rv: number): ChangeEvent[] | "expired" {
    const changes = this.store.changesSince(rv);
    if (changes === "expired") return changes;
    return changes.flatMap((c) => {
      const type = typeOfApi(c.api);
      return type ? [{ type: c.type, resourceType: type, object: c.object, oldObject: c.oldObject, resourceVersion: c.rv }] : [];
    });
  }

  subscribe(listener: (event: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---- writes -----------------------------------------------------------------------------

  create<T extends KubeObject = KubeObject>(type: ResourceType, input: KubeObject, actor: Actor, opts: WriteOptions = {}): T {
    const obj = structuredClone(input);
    obj.apiVersion = apiVersionOf(type);
    obj.kind = type.kind;
    obj.metadata = { ...(obj.metadata ?? {}) };
    const meta = obj.metadata;
    if (!type.namespaced) delete meta.namespace;
    else if (!meta.namespace) throw ApiError.badRequest("the namespace of the provided object does not match the namespace sent on the request");
    if (!meta.name && meta.generateName) meta.name = generateName(meta.generateName, (n) => !!this.getShared(type, meta.namespace, n));
    if (!meta.name) {
      throw ApiError.invalid(type.group, type.kind, "", [
        { reason: "FieldValueRequired", message: "Required value: name or generateName is required", field: "metadata.name" },
      ]);
    }
    if (type.namespaced && type !== NAMESPACES && !this.getShared(NAMESPACES, undefined, meta.namespace!)) {
      throw ApiError.notFound({ group: "", resource: "namespaces" }, meta.namespace!);
    }
    if (this.getShared(type, meta.namespace, meta.name)) throw ApiError.alreadyExists(type, meta.name);
    // The status subresource means status is not writable on create (as for CRDs).
    if (type.statusSubresource && type.group === SERVING_GROUP) delete obj.status;
    if (type === NAMESPACES) obj.status = { phase: "Active" };

    this.admit({ type, operation: "CREATE", object: obj, actor, fieldValidation: opts.fieldValidation }, opts.warnings);

    for (const k of ["uid", "resourceVersion", "creationTimestamp", "deletionTimestamp", "generation"] as const) delete meta[k];
    meta.uid = randomUUID();
    meta.creationTimestamp = now();
    meta.generation = 1;
    if (opts.dryRun) return structuredClone(obj) as T;
    const rv = this.store.nextResourceVersion();
    meta.resourceVersion = String(rv);
    const ordered = orderFields(obj);
    this.commit([this.write(type, ordered, "ADDED", rv)]);
    return structuredClone(ordered) as T;
  }

  update<T extends KubeObject = KubeObject>(type: ResourceType, input: KubeObject, actor: Actor, opts: WriteOptions = {}): T {
    const name = input.metadata?.name;
    const namespace = type.namespaced ? input.metadata?.namespace : undefined;
    if (!name) {
      throw ApiError.invalid(type.group, type.kind, "", [{ reason: "FieldValueRequired", message: "Required value: name is required", field: "metadata.name" }]);
    }
    const old = this.getShared(type, namespace, name);
    if (!old) throw ApiError.notFound(type, name);
    const wanted = input.metadata.resourceVersion;
    if (wanted !== undefined && wanted !== "" && wanted !== old.metadata.resourceVersion) throw ApiError.conflict(type, name);
    if (input.metadata.uid && input.metadata.uid !== old.metadata.uid) {
      throw ApiError.conflict(type, name);
    }

    let obj: KubeObject;
    if (opts.subresource === "status") {
      // PUT .../status changes status only.
      obj = structuredClone(old);
      obj.status = structuredClone(input.status);
    } else {
      obj = structuredClone(input);
      obj.apiVersion = apiVersionOf(type);
      obj.kind = type.kind;
      obj.metadata = { ...obj.metadata };
      if (type.statusSubresource) obj.status = structuredClone(old.status);
      if (!type.namespaced) delete obj.metadata.namespace;
    }
    const meta = obj.metadata;
    meta.uid = old.metadata.uid;
    meta.creationTimestamp = old.metadata.creationTimestamp;
    meta.generation = old.metadata.generation;
    meta.resourceVersion = old.metadata.resourceVersion;
    if (old.metadata.deletionTimestamp) meta.deletionTimestamp = old.metadata.deletionTimestamp;

    this.admit({ type, operation: "UPDATE", object: obj, oldObject: structuredClone(old), actor, subresource: opts.subresource, fieldValidation: opts.fieldValidation }, opts.warnings);

    if (specOf(obj) !== undefined || specOf(old) !== undefined) {
      if (!isDeepStrictEqual(specOf(obj), specOf(old))) meta.generation = (old.metadata.generation ?? 1) + 1;
    }
    const ordered = orderFields(obj);
    if (isDeepStrictEqual(ordered, old)) return structuredClone(old) as T; // a no-op write keeps its resourceVersion
    if (opts.dryRun) return structuredClone(ordered) as T;
    const rv = this.store.nextResourceVersion();
    meta.resourceVersion = String(rv);
    this.commit([this.write(type, ordered, "MODIFIED", rv, old)]);
    return structuredClone(ordered) as T;
  }

  delete(type: ResourceType, namespace: string | undefined, name: string, actor: Actor, opts: DeleteOptions = {}): KubeObject {
    const ns = type.namespaced ? namespace : undefined;
    const old = this.getShared(type, ns, name);
    if (!old) throw ApiError.notFound(type, name);
    const pre = opts.preconditions;
    if (pre?.resourceVersion && pre.resourceVersion !== old.metadata.resourceVersion) throw ApiError.conflict(type, name);
    if (pre?.uid && pre.uid !== old.metadata.uid) throw ApiError.conflict(type, name);
    this.admit({ type, operation: "DELETE", object: structuredClone(old), oldObject: structuredClone(old), actor });
    if (opts.dryRun) return structuredClone(old);

    const writes: Write[] = [];
    const deleted = structuredClone(old);
    const rv = this.store.nextResourceVersion();
    deleted.metadata.resourceVersion = String(rv);
    writes.push(this.write(type, deleted, "DELETED", rv));
    // Deleting a namespace deletes what lives in it (the namespace controller, done at once).
    if (type === NAMESPACES) {
      for (const t of RESOURCE_TYPES) {
        if (!t.namespaced) continue;
        for (const o of this.listShared(t, name)) {
          const d = structuredClone(o);
          const orv = this.store.nextResourceVersion();
          d.metadata.resourceVersion = String(orv);
          writes.push(this.write(t, d, "DELETED", orv));
        }
      }
    }
    this.commit(writes);
    // Background garbage collection of dependents, as kube-controller-manager does it.
    setImmediate(() => this.collectGarbage(old));
    return deleted;
  }

  // ---- internals --------------------------------------------------------------------------

  private collectGarbage(owner: KubeObject): void {
    const uid = owner.metadata.uid;
    for (const t of RESOURCE_TYPES) {
      if (!t.namespaced) continue;
      for (const o of this.listShared(t, owner.metadata.namespace)) {
        if (!o.metadata.ownerReferences?.some((r) => r.uid === uid)) continue;
        try {
          this.delete(t, o.metadata.namespace, o.metadata.name!, { username: "system:serviceaccount:kube-system:generic-garbage-collector" });
        } catch (err) {
          // Runs outside any request: a failure here is logged, never thrown into the event loop.
          if (!(err instanceof ApiError && err.code === 404)) console.error(`embedded cluster: garbage collection of ${t.kind} ${o.metadata.name} failed:`, err);
        }
      }
    }
  }

  private admit(req: AdmissionRequest, warnings?: string[]): void {
    for (const p of this.admission) p.mutate?.(req);
    for (const p of this.admission) {
      const w = p.validate?.(req);
      if (w && warnings) warnings.push(...w);
    }
  }

  private bucket(type: ResourceType): Map<string, KubeObject> {
    const key = apiKey(type);
    let m = this.objects.get(key);
    if (!m) this.objects.set(key, (m = new Map()));
    return m;
  }

  private write(type: ResourceType, object: KubeObject, kind: ChangeType, rv: number, oldObject?: KubeObject): Write {
    const key = objectKey(object.metadata.namespace, object.metadata.name!);
    const change: StoredChange = { rv, api: apiKey(type), type: kind, object, ...(oldObject ? { oldObject } : {}) };
    return { api: change.api, key, object: kind === "DELETED" ? undefined : object, change };
  }

  private commit(writes: Write[]): void {
    this.store.commit(writes); // durable before anything is acknowledged or announced
    for (const w of writes) {
      deepFreeze(w.change.object);
      const type = typeOfApi(w.api)!;
      const bucket = this.bucket(type);
      if (w.object) bucket.set(w.key, w.object);
      else bucket.delete(w.key);
      this.pending.push({ type: w.change.type, resourceType: type, object: w.change.object, oldObject: w.change.oldObject, resourceVersion: w.change.rv });
    }
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    this.flushScheduled = false;
    const events = this.pending;
    this.pending = [];
    for (const e of events) {
      for (const l of this.listeners) {
        try {
          l(e);
        } catch (err) {
          console.error("embedded cluster: a change listener failed:", err);
        }
      }
    }
  }
}

const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

function typeOfApi(api: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => apiKey(t) === api);
}

/** What generation tracks: everything but metadata and status (spec, and data for ConfigMaps). */
function specOf(obj: KubeObject): unknown {
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (!["metadata", "status", "apiVersion", "kind"].includes(k)) rest[k] = v;
  return Object.keys(rest).length ? rest : undefined;
}

/** apiVersion, kind, metadata, spec, ..., status — the order kubectl users are used to reading. */
function orderFields(obj: KubeObject): KubeObject {
  const { apiVersion: av, kind, metadata, status, ...rest } = obj;
  const out: KubeObject = { apiVersion: av, kind, metadata, ...rest };
  if (status !== undefined) out.status = status;
  return out;
}

/** Stored objects are shared with readers (view, watches, events): freezing makes a stray write throw. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function compareObjects(a: KubeObject, b: KubeObject): number {
  const an = a.metadata.namespace ?? "";
  const bn = b.metadata.namespace ?? "";
  if (an !== bn) return an < bn ? -1 : 1;
  const x = a.metadata.name ?? "";
  const y = b.metadata.name ?? "";
  return x < y ? -1 : x > y ? 1 : 0;
}

const ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789"; // k8s.io/apiserver names.SimpleNameGenerator alphabet
function generateName(prefix: string, taken: (n: string) => boolean): string {
  for (;;) {
    let suffix = "";
    for (let i = 0; i < 5; i++) suffix += ALPHANUMS[Math.floor(Math.random() * ALPHANUMS.length)];
    const name = `${prefix.slice(0, 58)}${suffix}`;
    if (!taken(name)) return name;
  }
}
