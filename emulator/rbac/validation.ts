// What kube-apiserver refuses in an RBAC object before storing it (kubernetes
// pkg/apis/rbac/validation/validation.go), with its defaults applied first
// (pkg/apis/rbac/v1/defaults.go): a binding's roleRef.apiGroup, and the apiGroup of its User and
// Group subjects, default to rbac.authorization.k8s.io.

import type { KubeObject } from "../../lib/knative/types";
import { isDNS1123Subdomain } from "../../lib/knative/k8s-validation";
import type { StatusCause } from "../core/errors";
import type { ResourceType } from "../core/resources";
import { invalid, notSupported, required } from "./field-causes";
import { goQuote, goStringSliceLiteral } from "./go-format";
import type { BindingObject, RoleObject, RoleRef } from "./rbac-types";
import { CLUSTER_ROLE_BINDINGS, CLUSTER_ROLES, RBAC_GROUP, ROLE_BINDINGS, ROLES } from "./resource-types";
import type { PolicyRule } from "./rules";

/** path.IsValidPathSegmentName: RBAC names may be anything but `.`, `..`, or contain `/` or `%`. */
export function pathSegmentNameProblems(name: string): string[] {
  if (name === "." || name === "..") return [`may not be '${name}'`];
  return ["/", "%"].filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`);
}

export function setBindingDefaults(binding: BindingObject): void {
  if (binding.roleRef && typeof binding.roleRef === "object" && !binding.roleRef.apiGroup) binding.roleRef.apiGroup = RBAC_GROUP;
  for (const s of binding.subjects ?? []) {
    if (!s.apiGroup && (s.kind === "User" || s.kind === "Group")) s.apiGroup = RBAC_GROUP;
  }
}

function policyRuleCauses(rule: PolicyRule, namespaced: boolean, path: string): StatusCause[] {
  const causes: StatusCause[] = [];
  if ((rule.verbs ?? []).length === 0) causes.push(required(`${path}.verbs`, "verbs must contain at least one value"));
  const urls = rule.nonResourceURLs ?? [];
  if (urls.length > 0) {
    if (namespaced) causes.push(invalid(`${path}.nonResourceURLs`, goStringSliceLiteral(urls), "namespaced rules cannot apply to non-resource URLs"));
    if ((rule.apiGroups ?? []).length > 0 || (rule.resources ?? []).length > 0 || (rule.resourceNames ?? []).length > 0) {
      causes.push(invalid(`${path}.nonResourceURLs`, goStringSliceLiteral(urls), "rules cannot apply to both regular resources and non-resource URLs"));
    }
    return causes;
  }
  if ((rule.apiGroups ?? []).length === 0) causes.push(required(`${path}.apiGroups`, "resource rules must supply at least one api group"));
  if ((rule.resources ?? []).length === 0) causes.push(required(`${path}.resources`, "resource rules must supply at least one resource"));
  return causes;
}

function roleCauses(role: RoleObject, namespaced: boolean): StatusCause[] {
  const causes = (role.rules ?? []).flatMap((r, i) => policyRuleCauses(r, namespaced, `rules[${i}]`));
  if (!namespaced && role.aggregationRule) {
    const selectors = role.aggregationRule.clusterRoleSelectors ?? [];
    if (selectors.length === 0) causes.push(required("aggregationRule.clusterRoleSelectors", "at least one clusterRoleSelector required if aggregationRule is non-nil"));
  }
  return causes;
}

const renderRoleRef = (r: RoleRef) => `rbac.RoleRef{APIGroup:${goQuote(r.apiGroup ?? "")}, Kind:${goQuote(r.kind ?? "")}, Name:${goQuote(r.name ?? "")}}`;

function bindingCauses(binding: BindingObject, namespaced: boolean, old?: BindingObject): StatusCause[] {
  const causes: StatusCause[] = [];
  const ref: RoleRef = binding.roleRef ?? { apiGroup: "", kind: "", name: "" };
  if (ref.apiGroup !== RBAC_GROUP) causes.push(notSupported("roleRef.apiGroup", ref.apiGroup ?? "", [RBAC_GROUP]));
  const kinds = namespaced ? ["Role", "ClusterRole"] : ["ClusterRole"];
  if (!kinds.includes(ref.kind)) causes.push(notSupported("roleRef.kind", ref.kind ?? "", kinds));
  if (!ref.name) causes.push(required("roleRef.name"));
  else for (const p of pathSegmentNameProblems(ref.name)) causes.push(invalid("roleRef.name", goQuote(ref.name), p));
  (binding.subjects ?? []).forEach((s, i) => {
    const path = `subjects[${i}]`;
    if (!s.name) causes.push(required(`${path}.name`));
    switch (s.kind) {
      case "ServiceAccount":
        if (s.name) for (const p of isDNS1123Subdomain(s.name)) causes.push(invalid(`${path}.name`, goQuote(s.name), p));
        if (s.apiGroup) causes.push(notSupported(`${path}.apiGroup`, s.apiGroup, [""]));
        if (!namespaced && !s.namespace) causes.push(required(`${path}.namespace`));
        break;
      case "User":
      case "Group":
        if (s.apiGroup !== RBAC_GROUP) causes.push(notSupported(`${path}.apiGroup`, s.apiGroup ?? "", [RBAC_GROUP]));
        break;
      default:
        causes.push(notSupported(`${path}.kind`, s.kind ?? "", ["ServiceAccount", "User", "Group"]));
    }
  });
  const was = old?.roleRef;
  if (was && (was.apiGroup !== ref.apiGroup || was.kind !== ref.kind || was.name !== ref.name)) {
    causes.push(invalid("roleRef", renderRoleRef(ref), "cannot change roleRef"));
  }
  return causes;
}

/** The causes of a 422 for an RBAC object (after its defaults), empty when it may be stored. */
export function rbacCauses(type: ResourceType, object: KubeObject, old?: KubeObject): StatusCause[] {
  if (type === ROLES) return roleCauses(object as RoleObject, true);
  if (type === CLUSTER_ROLES) return roleCauses(object as RoleObject, false);
  if (type === ROLE_BINDINGS) return bindingCauses(object as BindingObject, true, old as BindingObject | undefined);
  if (type === CLUSTER_ROLE_BINDINGS) return bindingCauses(object as BindingObject, false, old as BindingObject | undefined);
  return [];
}
