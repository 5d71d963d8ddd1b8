// Aggregated ClusterRoles, as kube-controller-manager's clusterrole-aggregation controller keeps
// them (kubernetes pkg/controller/clusterroleaggregation): a ClusterRole with an aggregationRule
// holds the rules of every other ClusterRole its selectors match, taken in name order, each rule
// once. `admin`, `edit` and `view` are such roles, and so Knative's
// knative-serving-namespaced-{admin,edit,view} extend them. Rules written into an aggregated
// role by hand are replaced at the next change.

import { isDeepStrictEqual } from "node:util";
import { matchesRequirements, type Requirement } from "../core/label-selector";
import type { Registry } from "../core/registry";
import type { LabelSelector, RoleObject } from "./rbac-types";
import { CLUSTER_ROLES } from "./resource-types";
import type { PolicyRule } from "./rules";

const AGGREGATOR = { username: "system:serviceaccount:kube-system:clusterrole-aggregation-controller" };
/** More passes than this means selectors that feed each other without settling; the next change tries again. */
const MAX_PASSES = 10;

function requirementsOf(selector: LabelSelector): Requirement[] {
  const reqs: Requirement[] = Object.entries(selector.matchLabels ?? {}).map(([key, value]) => ({ key, op: "=" as const, value }));
  for (const e of selector.matchExpressions ?? []) {
    if (e.operator === "In") reqs.push({ key: e.key, op: "in", values: e.values ?? [] });
    else if (e.operator === "NotIn") reqs.push({ key: e.key, op: "notin", values: e.values ?? [] });
    else if (e.operator === "Exists") reqs.push({ key: e.key, op: "exists" });
    else if (e.operator === "DoesNotExist") reqs.push({ key: e.key, op: "!" });
    else return []; // an operator it cannot read selects nothing
  }
  return reqs;
}

/** Empty lists and absent ones are the same rule (equality.Semantic). */
const normalized = (r: PolicyRule) => Object.fromEntries(Object.entries(r).filter(([, v]) => Array.isArray(v) && v.length > 0));
const sameRules = (a: readonly PolicyRule[], b: readonly PolicyRule[]) => isDeepStrictEqual(a.map(normalized), b.map(normalized));

function aggregatedRules(role: RoleObject, all: readonly RoleObject[]): PolicyRule[] {
  const rules: PolicyRule[] = [];
  for (const selector of role.aggregationRule?.clusterRoleSelectors ?? []) {
    const reqs = requirementsOf(selector);
    if (reqs.length === 0) continue; // an empty selector would select every role
    for (const other of all) {
      if (other.metadata.name === role.metadata.name || !matchesRequirements(other.metadata.labels, reqs)) continue;
      for (const rule of other.rules ?? []) if (!rules.some((r) => isDeepStrictEqual(normalized(r), normalized(rule)))) rules.push(structuredClone(rule) as PolicyRule);
    }
  }
  return rules;
}

/** Brings every aggregated ClusterRole up to date; returns how many were written. */
export function aggregateClusterRoles(registry: Registry): number {
  let written = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changed = false;
    for (const role of registry.view<RoleObject>(CLUSTER_ROLES)) {
      if (!role.aggregationRule) continue;
      const rules = aggregatedRules(role, registry.view<RoleObject>(CLUSTER_ROLES));
      if (sameRules(rules, role.rules ?? [])) continue;
      registry.update(CLUSTER_ROLES, { ...structuredClone(role), rules, metadata: { ...structuredClone(role.metadata), resourceVersion: undefined } }, AGGREGATOR);
      changed = true;
      written++;
    }
    if (!changed) break;
  }
  return written;
}

/** Aggregates now and after every ClusterRole change; returns a function that stops it. */
export function startClusterRoleAggregation(registry: Registry): () => void {
  aggregateClusterRoles(registry);
  let scheduled = false;
  const unsubscribe = registry.subscribe((e) => {
    if (e.resourceType !== CLUSTER_ROLES || scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      try {
        aggregateClusterRoles(registry);
      } catch (err) {
        console.error("embedded cluster: aggregating ClusterRoles failed:", err);
      }
    });
  });
  return unsubscribe;
}
