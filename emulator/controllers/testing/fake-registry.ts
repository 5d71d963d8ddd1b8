// An in-memory Registry for controller tests, with the API machinery rules controllers rely on:
// one global resourceVersion, uid and creationTimestamp on create, generation bumped on spec
// changes, the status subresource, 409 on stale writes, no-op writes that keep their version,
// events delivered asynchronously in commit order, and background garbage collection of
// objects whose controller owner was deleted. No admission.

import { isDeepStrictEqual } from "node:util";
import type { KubeObject } from "../../../lib/knative/types";
import { ApiError } from "../../core/errors";
import type { Actor, ChangeEvent, ChangeType, DeleteOptions, Registry, WriteOptions } from "../../core/registry";
import { apiVersionOf, RESOURCE_TYPES, type ResourceType } from "../../core/resources";

const typeKey = (t: ResourceType) => `${t.group}/${t.version}/${t.resource}`;
const objectKey = (namespace: string | undefined, name: string) => `${namespace ?? ""}/${name}`;
const timestamp = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

export class FakeRegistry implements Registry {
  private readonly buckets = new Map<string, Map<string, KubeObject>>();
  private readonly listeners = new Set<(e: ChangeEvent) => void>();
  private rv = 0;
  private uids = 0;
  /** Every write the registry accepted, for assertions. */
  readonly writes: Array<{ type: ChangeType; resource: string; name: string; actor: string; subresource?: string }> = [];

  get<T extends KubeObject = KubeObject>(type: ResourceType, namespace: string | undefined, name: string): T | undefined {
    const obj = this.bucket(type).get(objectKey(namespace, name));
    return obj ? (structuredClone(obj) as T) : undefined;
  }

  list<T extends KubeObject = KubeObject>(type: ResourceType, namespace?: string, labels?: Record<string, string>): T[] {
    return [...this.bucket(type).values()]
      .filter((o) => namespace === undefined || o.metadata.namespace === namespace)
      .filter((o) => !labels || Object.entries(labels).every(([k, v]) => o.metadata.labels?.[k] === v))
      .sort((a, b) => objectKey(a.metadata.namespace, a.metadata.name!).localeCompare(objectKey(b.metadata.namespace, b.metadata.name!)))
      .map((o) => structuredClone(o) as T);
  }

  create<T extends KubeObject = KubeObject>(type: ResourceType, input: KubeObject, actor: Actor): T {
    const obj = structuredClone(input);
    const name = obj.metadata.name;
    if (!name) throw ApiError.invalid(type.group, type.kind, "", [{ field: "metadata.name", message: "Required value: name or generateName is required" }]);
    const key = objectKey(obj.metadata.namespace, name);
    if (this.bucket(type).has(key)) throw ApiError.alreadyExists(type, name);
    if (type.statusSubresource && type.group === "serving.knative.dev") delete obj.status;
    obj.apiVersion = apiVersionOf(type);
    obj.kind = type.kind;
    obj.metadata = {
      ...obj.metadata,
      uid: `00000000-0000-4000-8000-${String(++this.uids).padStart(12, "0")}`,
      creationTimestamp: timestamp(),
      generation: 1,
      resourceVersion: String(++this.rv),
    };
    this.bucket(type).set(key, obj);
    this.record(type, "ADDED", obj, actor);
    return structuredClone(obj) as T;
  }

  update<T extends KubeObject = KubeObject>(type: ResourceType, input: KubeObject, actor: Actor, opts: WriteOptions = {}): T {
    const name = input.metadata.name!;
    const key = objectKey(input.metadata.namespace, name);
    const old = this.bucket(type).get(key);
    if (!old) throw ApiError.notFound(type, name);
    const wanted = input.metadata.resourceVersion;
    if (wanted && wanted !== old.metadata.resourceVersion) throw ApiError.conflict(type, name);

    let obj: KubeObject;
    if (opts.subresource === "status") {
      obj = structuredClone(old);
      obj.status = structuredClone(input.status);
    } else {
      obj = structuredClone(input);
      obj.apiVersion = old.apiVersion;
      obj.kind = old.kind;
      if (type.statusSubresource) obj.status = structuredClone(old.status);
    }
    obj.metadata = {
      ...obj.metadata,
      uid: old.metadata.uid,
      creationTimestamp: old.metadata.creationTimestamp,
      generation: old.metadata.generation,
      resourceVersion: old.metadata.resourceVersion,
    };
    if (!isDeepStrictEqual(obj.spec, old.spec)) obj.metadata.generation = (old.metadata.generation ?? 1) + 1;
    if (isDeepStrictEqual(obj, old)) return structuredClone(old) as T;
    obj.metadata.resourceVersion = String(++this.rv);
    this.bucket(type).set(key, obj);
    this.record(type, "MODIFIED", obj, actor, opts.subresource);
    return structuredClone(obj) as T;
  }

  delete(type: ResourceType, namespace: string | undefined, name: string, actor: Actor, opts: DeleteOptions = {}): KubeObject {
    const key = objectKey(namespace, name);
    const old = this.bucket(type).get(key);
    if (!old) throw ApiError.notFound(type, name);
    if (opts.preconditions?.resourceVersion && opts.preconditions.resourceVersion !== old.metadata.resourceVersion) throw ApiError.conflict(type, name);
    this.bucket(type).delete(key);
    const deleted = structuredClone(old);
    deleted.metadata.resourceVersion = String(++this.rv);
    this.record(type, "DELETED", deleted, actor);
    setImmediate(() => this.collectGarbage(old));
    return deleted;
  }

  subscribe(listener: (event: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  resourceVersion(): number {
    return this.rv;
  }

  private bucket(type: ResourceType): Map<string, KubeObject> {
    let bucket = this.buckets.get(typeKey(type));
    if (!bucket) this.buckets.set(typeKey(type), (bucket = new Map()));
    return bucket;
  }

  private record(type: ResourceType, change: ChangeType, obj: KubeObject, actor: Actor, subresource?: string): void {
    this.writes.push({ type: change, resource: type.resource, name: obj.metadata.name!, actor: actor.username, subresource });
    const event: ChangeEvent = { type: change, resourceType: type, object: structuredClone(obj), resourceVersion: Number(obj.metadata.resourceVersion) };
    setImmediate(() => {
      for (const listener of this.listeners) listener(event);
    });
  }

  private collectGarbage(owner: KubeObject): void {
    for (const type of RESOURCE_TYPES) {
      for (const obj of this.list(type, owner.metadata.namespace)) {
        if (!obj.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid)) continue;
        try {
          this.delete(type, obj.metadata.namespace, obj.metadata.name!, { username: "system:serviceaccount:kube-system:generic-garbage-collector" });
        } catch (e) {
          if (!(e instanceof ApiError && e.code === 404)) throw e;
        }
      }
    }
  }
}
