// The contract between the embedded cluster's API machinery and everything that runs inside it
// (admission plugins, controllers, the gateway's runtime). The HTTP API server is a thin layer
// over a Registry; controllers use the same Registry in-process, as Knative's controllers use
// the API server, so every write goes through the same admission and versioning rules.

import type { KubeObject } from "../../lib/knative/types";
import type { ResourceType } from "./resources";

export type Operation = "CREATE" | "UPDATE" | "DELETE";

export interface Actor {
  /** The user name as the API server authenticated it; Knative copies it into creator/lastModifier. */
  username: string;
  /**
   * The groups of a user who wrote through the API (emulator/rbac checks what they may grant);
   * absent for the cluster's own writes (seeding, controllers), which nothing restricts.
   */
  groups?: readonly string[];
  uid?: string;
  extra?: Readonly<Record<string, readonly string[]>>;
}

/** Who kubectl and the console are, as far as the embedded cluster is concerned (no authentication). */
export const ADMIN: Actor = { username: "kubernetes-admin" };
/** Knative's controllers. Their writes are not user edits. */
export const CONTROLLER: Actor = { username: "system:serviceaccount:knative-serving:controller" };

export interface AdmissionRequest {
  type: ResourceType;
  operation: Operation;
  /** The object being written; mutating plugins change it in place. */
  object: KubeObject;
  /** The stored object, on UPDATE and DELETE. */
  oldObject?: KubeObject;
  actor: Actor;
  subresource?: "status";
  /** kubectl's `fieldValidation` query parameter: what to do with fields the schema does not declare. */
  fieldValidation?: "Strict" | "Warn" | "Ignore";
}

export interface AdmissionPlugin {
  name: string;
  /** Defaulting: change `req.object` in place. Runs before schema checks and validation. */
  mutate?(req: AdmissionRequest): void;
  /** Validation: throw an ApiError to deny; return warnings (kubectl prints them) to allow. */
  validate?(req: AdmissionRequest): string[] | void;
}

export type ChangeType = "ADDED" | "MODIFIED" | "DELETED";

export interface ChangeEvent {
  type: ChangeType;
  resourceType: ResourceType;
  object: KubeObject;
  /** The object before a MODIFIED change (lets a filtered watch turn it into ADDED or DELETED). */
  oldObject?: KubeObject;
  resourceVersion: number;
}

export interface WriteOptions {
  /** Status writes go through the /status subresource: only `status` changes. */
  subresource?: "status";
  dryRun?: boolean;
  fieldValidation?: "Strict" | "Warn" | "Ignore";
  /** Admission warnings are appended here. */
  warnings?: string[];
}

export interface DeleteOptions {
  preconditions?: { resourceVersion?: string; uid?: string };
  dryRun?: boolean;
}

export interface Registry {
  get<T extends KubeObject = KubeObject>(type: ResourceType, namespace: string | undefined, name: string): T | undefined;
  /** Sorted by namespace, then name. `namespace` undefined lists across all namespaces. */
  list<T extends KubeObject = KubeObject>(type: ResourceType, namespace?: string, labels?: Record<string, string>): T[];
  /**
   * The stored objects themselves, deep-frozen, without copying: for readers that only look
   * (controllers scanning for references, the gateway's caches). Mutating one throws.
   */
  view<T extends KubeObject = KubeObject>(type: ResourceType, namespace?: string, labels?: Record<string, string>): ReadonlyArray<Readonly<T>>;
  /** Throws ApiError (AlreadyExists, Invalid, BadRequest from admission, NotFound for a missing namespace). */
  create<T extends KubeObject = KubeObject>(type: ResourceType, object: KubeObject, actor: Actor, opts?: WriteOptions): T;
  /**
   * Replaces the object. With `metadata.resourceVersion` set, a stale version throws 409 Conflict;
   * without it the write is unconditional. A write that changes nothing returns the stored object unchanged.
   */
  update<T extends KubeObject = KubeObject>(type: ResourceType, object: KubeObject, actor: Actor, opts?: WriteOptions): T;
  /** Deletes the object; objects it owns (controller ownerReferences) are garbage-collected after it. */
  delete(type: ResourceType, namespace: string | undefined, name: string, actor: Actor, opts?: DeleteOptions): KubeObject;
  /** Events are delivered asynchronously, in commit order, after the write has been committed. */
  subscribe(listener: (event: ChangeEvent) => void): () => void;
  /** The newest resourceVersion committed. */
  resourceVersion(): number;
}
