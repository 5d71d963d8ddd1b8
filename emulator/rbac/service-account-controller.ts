// The `default` ServiceAccount of every namespace, as kube-controller-manager's serviceaccount
// controller keeps it (pkg/controller/serviceaccount/serviceaccounts_controller.go): made when a
// namespace appears, made again when it is deleted, never in a namespace being deleted.

import { ApiError } from "../core/errors";
import type { Registry } from "../core/registry";
import { NAMESPACES } from "../core/resources";
import { SERVICE_ACCOUNTS } from "./resource-types";

const CONTROLLER = { username: "system:serviceaccount:kube-system:service-account-controller" };
export const DEFAULT_SERVICE_ACCOUNT = "default";

function ensureDefault(registry: Registry, namespace: string): void {
  const ns = registry.get(NAMESPACES, undefined, namespace);
  if (!ns || ns.metadata.deletionTimestamp) return;
  if (registry.get(SERVICE_ACCOUNTS, namespace, DEFAULT_SERVICE_ACCOUNT)) return;
  try {
    registry.create(SERVICE_ACCOUNTS, { metadata: { name: DEFAULT_SERVICE_ACCOUNT, namespace } }, CONTROLLER);
  } catch (err) {
    // The namespace went away, or someone made it first: nothing to do.
    if (!(err instanceof ApiError && (err.code === 404 || err.code === 409))) throw err;
  }
}

/** Ensures them now and on every change that could remove one; returns a function that stops it. */
export function startServiceAccountController(registry: Registry): () => void {
  for (const ns of registry.view(NAMESPACES)) ensureDefault(registry, ns.metadata.name!);
  return registry.subscribe((e) => {
    try {
      if (e.resourceType === NAMESPACES && e.type !== "DELETED") ensureDefault(registry, e.object.metadata.name!);
      if (e.resourceType === SERVICE_ACCOUNTS && e.type === "DELETED" && e.object.metadata.name === DEFAULT_SERVICE_ACCOUNT) ensureDefault(registry, e.object.metadata.namespace!);
    } catch (err) {
      console.error("embedded cluster: the serviceaccount controller failed:", err);
    }
  });
}
