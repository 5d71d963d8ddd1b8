// Writes to Knative Serving objects, server-only. Every write that edits an existing Service
// carries the resourceVersion the user's dialog was opened with, so a change made meanwhile
// (kubectl, another browser) is a 409 Conflict, never silently overwritten. Merge patches set
// their content type explicitly: client-node's patch defaults to JSON Patch.

import { PatchStrategy, setHeaderOptions } from "@kubernetes/client-node";
import type { ObjectMeta, Service } from "@/lib/knative/types";
import { SERVING_API_VERSION } from "@/lib/knative/types";
import { apisFor, callOptions } from "./api-clients";
import type { ClusterRef } from "./cluster-ref";
import { cleanObject } from "./clean-object";
import { SERVING_CUSTOM_OBJECTS } from "./knative-api";

export interface WriteOptions {
  /** Ask the cluster to check the write without storing it (`dryRun=All`). */
  dryRun?: boolean;
}

const dryRunParam = (opts: WriteOptions) => (opts.dryRun ? { dryRun: "All" } : {});
const services = (namespace: string) => ({ ...SERVING_CUSTOM_OBJECTS, plural: "services", namespace });

/**
 * A JSON merge patch (RFC 7386) of a Service, conditional on `resourceVersion`: the API server
 * refuses it with 409 when the Service has changed since that version.
 */
export async function patchService(
  cluster: ClusterRef,
  namespace: string,
  name: string,
  patch: { metadata?: Record<string, unknown>; spec?: Record<string, unknown> },
  resourceVersion: string,
  opts: WriteOptions = {},
): Promise<Service> {
  const { custom } = apisFor(cluster);
  const body = { ...patch, metadata: { ...patch.metadata, resourceVersion } };
  const raw = await custom.patchNamespacedCustomObject(
    { ...services(namespace), name, body, ...dryRunParam(opts) },
    setHeaderOptions("Content-Type", PatchStrategy.MergePatch, callOptions()),
  );
  return cleanObject(raw as Service);
}

/** Replaces a Service whole (PUT); its metadata.resourceVersion is the precondition. */
export async function replaceService(cluster: ClusterRef, service: Service, opts: WriteOptions = {}): Promise<Service> {
  const { custom } = apisFor(cluster);
  const { namespace, name } = service.metadata;
  const raw = await custom.replaceNamespacedCustomObject({ ...services(namespace!), name: name!, body: service, ...dryRunParam(opts) }, callOptions());
  return cleanObject(raw as Service);
}

export async function createService(cluster: ClusterRef, namespace: string, service: Omit<Service, "apiVersion" | "kind">, opts: WriteOptions = {}): Promise<Service> {
  const { custom } = apisFor(cluster);
  const body = { apiVersion: SERVING_API_VERSION, kind: "Service", ...service, metadata: { ...(service.metadata as ObjectMeta), namespace } };
  const raw = await custom.createNamespacedCustomObject({ ...services(namespace), body, ...dryRunParam(opts) }, callOptions());
  return cleanObject(raw as Service);
}

/**
 * Deletes a Service (its Configuration, Route and Revisions go with it), if still at
 * `resourceVersion`. Answers the Service as the deletion left it (foreground: still there, with
 * its deletionTimestamp), or undefined when the cluster answered with a Status.
 */
export async function deleteService(cluster: ClusterRef, namespace: string, name: string, resourceVersion?: string): Promise<Service | undefined> {
  const { custom } = apisFor(cluster);
  const body = resourceVersion ? { preconditions: { resourceVersion } } : undefined;
  const answer = (await custom.deleteNamespacedCustomObject({ ...services(namespace), name, body, propagationPolicy: "Foreground" }, callOptions())) as Service | { kind?: string };
  return answer && answer.kind === "Service" ? cleanObject(answer as Service) : undefined;
}

export async function deleteRevision(cluster: ClusterRef, namespace: string, name: string, resourceVersion?: string): Promise<void> {
  const { custom } = apisFor(cluster);
  const body = resourceVersion ? { preconditions: { resourceVersion } } : undefined;
  await custom.deleteNamespacedCustomObject({ ...SERVING_CUSTOM_OBJECTS, plural: "revisions", namespace, name, body }, callOptions());
}
