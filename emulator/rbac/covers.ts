// Whether one set of rules holds every permission of another, and the ones it lacks, as the
// escalation check and bootstrap reconciliation compute it (kubernetes
// staging/src/k8s.io/component-helpers/auth/rbac/validation/policy_comparator.go Covers and
// BreakdownRule; pkg/registry/rbac/validation/policy_compact.go CompactRules).

import { isDeepStrictEqual } from "node:util";
import type { PolicyRule } from "./rules";

const ALL = "*";

/** One verb, one group, one resource, at most one name each; non-resource URLs pair only with verbs. */
export function breakdownRule(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      for (const verb of rule.verbs ?? []) {
        const names = rule.resourceNames ?? [];
        if (names.length > 0) for (const name of names) out.push({ apiGroups: [group], resources: [resource], verbs: [verb], resourceNames: [name] });
        else out.push({ apiGroups: [group], resources: [resource], verbs: [verb] });
      }
    }
  }
  for (const url of rule.nonResourceURLs ?? []) for (const verb of rule.verbs ?? []) out.push({ nonResourceURLs: [url], verbs: [verb] });
  return out;
}

const has = (set: readonly string[] | undefined, value: string) => (set ?? []).includes(value);
const hasAll = (set: readonly string[] | undefined, values: readonly string[] | undefined) => (values ?? []).every((v) => has(set, v));

function resourceCoversAll(owned: readonly string[] | undefined, wanted: readonly string[] | undefined): boolean {
  if (has(owned, ALL) || hasAll(owned, wanted)) return true;
  return (wanted ?? []).every((path) => {
    if (has(owned, path)) return true;
    const slash = path.indexOf("/");
    return slash >= 0 && has(owned, `*/${path.slice(slash + 1)}`);
  });
}

const nonResourceURLCovers = (owner: string, path: string) => owner === path || (owner.endsWith("*") && path.startsWith(owner.replace(/\*+$/, "")));

function ruleCovers(owner: PolicyRule, sub: PolicyRule): boolean {
  const verbs = has(owner.verbs, ALL) || hasAll(owner.verbs, sub.verbs);
  const groups = has(owner.apiGroups, ALL) || hasAll(owner.apiGroups, sub.apiGroups);
  const resources = resourceCoversAll(owner.resources, sub.resources);
  const urls = (sub.nonResourceURLs ?? []).every((path) => (owner.nonResourceURLs ?? []).some((o) => nonResourceURLCovers(o, path)));
  const ownerNames = owner.resourceNames ?? [];
  const names = (sub.resourceNames ?? []).length === 0 ? ownerNames.length === 0 : ownerNames.length === 0 || hasAll(ownerNames, sub.resourceNames);
  return verbs && groups && resources && names && urls;
}

/** Whether `owned` covers every rule of `wanted`, and the broken-down rules it does not. */
export function covers(owned: readonly PolicyRule[], wanted: readonly PolicyRule[]): { covered: boolean; missing: PolicyRule[] } {
  const missing = wanted.flatMap(breakdownRule).filter((sub) => !owned.some((o) => ruleCovers(o, sub)));
  return { covered: missing.length === 0, missing };
}

/** Merges rules that differ only in their verb (one group, one resource, at most one name, nothing else). */
export function compactRules(rules: readonly PolicyRule[]): PolicyRule[] {
  const compacted: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule & { verbs: string[] }>();
  for (const r of rules) {
    const key = simpleKey(r);
    if (key === undefined) {
      compacted.push(r);
      continue;
    }
    const existing = simple.get(key);
    if (existing) {
      for (const v of r.verbs ?? []) if (!existing.verbs.includes(v)) existing.verbs.push(v);
    } else {
      simple.set(key, { ...structuredClone(r), verbs: [...(r.verbs ?? [])] });
    }
  }
  return [...compacted, ...simple.values()];
}

function simpleKey(r: PolicyRule): string | undefined {
  if ((r.resourceNames ?? []).length > 1 || (r.nonResourceURLs ?? []).length > 0) return undefined;
  if ((r.apiGroups ?? []).length !== 1 || (r.resources ?? []).length !== 1) return undefined;
  const only: PolicyRule = { apiGroups: r.apiGroups, resources: r.resources, verbs: r.verbs, resourceNames: r.resourceNames };
  const present = (o: PolicyRule) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  if (!isDeepStrictEqual(present(only), present(r))) return undefined;
  return JSON.stringify([r.apiGroups![0], r.resources![0], (r.resourceNames ?? [])[0] ?? null]);
}
