// What the API server does with its default policy at every start (kube-apiserver's
// rbac/bootstrap-roles post-start hook, pkg/registry/rbac/reconciliation): a default ClusterRole or
// ClusterRoleBinding that is missing is created; one that exists gets back the rules, subjects,
// labels and annotations it lacks, and keeps what was added to it. One whose
// rbac.authorization.kubernetes.io/autoupdate annotation is "false" is left as it is. Data dirs
// made before the embedded cluster had RBAC get the defaults this way too.

import { isDeepStrictEqual } from "node:util";
import type { KubeObject } from "../../lib/knative/types";
import { CONTROLLER, type Registry } from "../core/registry";
import type { ResourceType } from "../core/resources";
import { aggregateClusterRoles } from "./aggregation";
import { AUTOUPDATE_ANNOTATION, BOOTSTRAP_CLUSTER_ROLE_BINDINGS, BOOTSTRAP_CLUSTER_ROLES } from "./bootstrap-policy";
import { covers } from "./covers";
import type { BindingObject, RoleObject } from "./rbac-types";
import { CLUSTER_ROLE_BINDINGS, CLUSTER_ROLES } from "./resource-types";

/** Existing values win; what the default adds is only what is missing. */
const mergeMaps = (expected?: Record<string, string>, existing?: Record<string, string>) => ({ ...(expected ?? {}), ...(existing ?? {}) });

function reconciledMeta(expected: KubeObject, existing: KubeObject): KubeObject["metadata"] {
  return {
    ...structuredClone(existing.metadata),
    labels: mergeMaps(expected.metadata.labels, existing.metadata.labels),
    annotations: mergeMaps(expected.metadata.annotations, existing.metadata.annotations),
  };
}

function reconciledRole(expected: RoleObject, existing: RoleObject): RoleObject {
  const out: RoleObject = { ...structuredClone(existing), metadata: reconciledMeta(expected, existing) };
  if (expected.aggregationRule) {
    const selectors = [...(existing.aggregationRule?.clusterRoleSelectors ?? [])];
    for (const s of expected.aggregationRule.clusterRoleSelectors ?? []) if (!selectors.some((x) => isDeepStrictEqual(x, s))) selectors.push(structuredClone(s));
    out.aggregationRule = { clusterRoleSelectors: selectors };
  } else {
    const { missing } = covers(existing.rules ?? [], expected.rules ?? []);
    if (missing.length > 0) out.rules = [...(existing.rules ?? []), ...missing];
  }
  return out;
}

function reconciledBinding(expected: BindingObject, existing: BindingObject): BindingObject {
  const subjects = [...(existing.subjects ?? [])];
  for (const s of expected.subjects ?? []) if (!subjects.some((x) => x.kind === s.kind && x.name === s.name && (x.namespace ?? "") === (s.namespace ?? ""))) subjects.push(structuredClone(s));
  return { ...structuredClone(existing), metadata: reconciledMeta(expected, existing), subjects };
}

function reconcile<T extends KubeObject>(registry: Registry, type: ResourceType, expected: T, merge: (expected: T, existing: T) => T): void {
  const existing = registry.get<T>(type, undefined, expected.metadata.name!);
  if (!existing) {
    registry.create(type, structuredClone(expected), CONTROLLER);
    return;
  }
  if (existing.metadata.annotations?.[AUTOUPDATE_ANNOTATION] === "false") return;
  const wanted = merge(expected, existing);
  if (!isDeepStrictEqual(wanted, existing)) registry.update(type, wanted, CONTROLLER);
}

export function ensureBootstrapPolicy(registry: Registry): void {
  for (const role of BOOTSTRAP_CLUSTER_ROLES) reconcile(registry, CLUSTER_ROLES, role, reconciledRole);
  for (const binding of BOOTSTRAP_CLUSTER_ROLE_BINDINGS as BindingObject[]) {
    // A roleRef cannot be changed: a default binding that points elsewhere is made anew.
    const existing = registry.get<BindingObject>(CLUSTER_ROLE_BINDINGS, undefined, binding.metadata.name!);
    if (existing && existing.metadata.annotations?.[AUTOUPDATE_ANNOTATION] !== "false" && !isDeepStrictEqual(existing.roleRef, binding.roleRef)) {
      registry.delete(CLUSTER_ROLE_BINDINGS, undefined, binding.metadata.name!, CONTROLLER);
    }
    reconcile(registry, CLUSTER_ROLE_BINDINGS, binding, reconciledBinding);
  }
  // admin, edit and view hold their rules from the start, before any controller runs.
  aggregateClusterRoles(registry);
}
