// The default ClusterRoles and ClusterRoleBindings kube-apiserver creates on start, with their
// real rules (kubernetes plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go, as its
// testdata/cluster-roles.yaml and cluster-role-bindings.yaml print them). `admin`, `edit` and
// `view` are aggregated: they gather the rules of every ClusterRole labelled
// rbac.authorization.k8s.io/aggregate-to-{admin,edit,view} (./aggregation.ts), and `view` is
// itself part of `edit`, which is part of `admin`.

import type { KubeObject } from "../../lib/knative/types";
import type { RoleObject, Subject } from "./rbac-types";
import type { PolicyRule } from "./rules";
import { ALL_AUTHENTICATED, ALL_UNAUTHENTICATED, SYSTEM_MASTERS } from "./user";

export const AUTOUPDATE_ANNOTATION = "rbac.authorization.kubernetes.io/autoupdate";
const BOOTSTRAP_LABELS = { "kubernetes.io/bootstrapping": "rbac-defaults" };
export const AGGREGATE_TO = (role: "admin" | "edit" | "view") => `rbac.authorization.k8s.io/aggregate-to-${role}`;

const READ = ["get", "list", "watch"];
const WRITE = ["create", "delete", "deletecollection", "patch", "update"];
const READ_WRITE = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

export const rule = (verbs: string[], apiGroups: string[], resources: string[]): PolicyRule => ({ verbs, apiGroups, resources });
const urls = (verbs: string[], nonResourceURLs: string[]): PolicyRule => ({ verbs, nonResourceURLs });

function clusterRole(name: string, rules: PolicyRule[], labels: Record<string, string> = {}): RoleObject {
  return {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRole",
    metadata: { name, labels: { ...BOOTSTRAP_LABELS, ...labels }, annotations: { [AUTOUPDATE_ANNOTATION]: "true" } },
    rules,
  };
}

/** A role whose rules are those of every ClusterRole labelled aggregate-to-{name} (filled in by ./aggregation.ts). */
function aggregatedRole(name: "admin" | "edit" | "view", labels: Record<string, string> = {}): RoleObject {
  const role = clusterRole(name, [], labels);
  role.aggregationRule = { clusterRoleSelectors: [{ matchLabels: { [AGGREGATE_TO(name)]: "true" } }] };
  return role;
}

export const BOOTSTRAP_CLUSTER_ROLES: readonly RoleObject[] = [
  clusterRole("cluster-admin", [rule(["*"], ["*"], ["*"]), urls(["*"], ["*"])]),
  aggregatedRole("admin"),
  aggregatedRole("edit", { [AGGREGATE_TO("admin")]: "true" }),
  aggregatedRole("view", { [AGGREGATE_TO("edit")]: "true" }),
  clusterRole(
    "system:aggregate-to-admin",
    [rule(["create"], ["authorization.k8s.io"], ["localsubjectaccessreviews"]), rule(READ_WRITE, ["rbac.authorization.k8s.io"], ["rolebindings", "roles"])],
    { [AGGREGATE_TO("admin")]: "true" },
  ),
  clusterRole(
    "system:aggregate-to-edit",
    [
      rule(READ, [""], ["pods/attach", "pods/exec", "pods/portforward", "pods/proxy", "secrets", "services/proxy"]),
      rule(["impersonate"], [""], ["serviceaccounts"]),
      rule(WRITE, [""], ["pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy"]),
      rule(["create"], [""], ["pods/eviction"]),
      rule(WRITE, [""], ["configmaps", "persistentvolumeclaims", "replicationcontrollers", "replicationcontrollers/scale", "secrets", "serviceaccounts", "services", "services/proxy"]),
      rule(["create"], [""], ["serviceaccounts/token"]),
      rule(WRITE, ["", "events.k8s.io"], ["events"]),
      rule(WRITE, ["apps"], ["daemonsets", "deployments", "deployments/rollback", "deployments/scale", "replicasets", "replicasets/scale", "statefulsets", "statefulsets/scale"]),
      rule(WRITE, ["autoscaling"], ["horizontalpodautoscalers"]),
      rule(WRITE, ["batch"], ["cronjobs", "jobs"]),
      rule(WRITE, ["extensions"], ["daemonsets", "deployments", "deployments/rollback", "deployments/scale", "ingresses", "networkpolicies", "replicasets", "replicasets/scale", "replicationcontrollers/scale"]),
      rule(WRITE, ["policy"], ["poddisruptionbudgets"]),
      rule(WRITE, ["networking.k8s.io"], ["ingresses", "networkpolicies"]),
      rule(READ_WRITE, ["coordination.k8s.io"], ["leases"]),
      rule(WRITE, ["resource.k8s.io"], ["resourceclaims", "resourceclaimtemplates"]),
    ],
    { [AGGREGATE_TO("edit")]: "true" },
  ),
  clusterRole(
    "system:aggregate-to-view",
    [
      rule(READ, [""], ["configmaps", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status", "pods", "replicationcontrollers", "replicationcontrollers/scale", "serviceaccounts", "services", "services/status"]),
      rule(READ, [""], ["bindings", "limitranges", "namespaces/status", "pods/log", "pods/status", "replicationcontrollers/status", "resourcequotas", "resourcequotas/status"]),
      rule(READ, [""], ["namespaces"]),
      rule(READ, ["", "events.k8s.io"], ["events"]),
      rule(READ, ["discovery.k8s.io"], ["endpointslices"]),
      rule(READ, ["apps"], ["controllerrevisions", "daemonsets", "daemonsets/status", "deployments", "deployments/scale", "deployments/status", "replicasets", "replicasets/scale", "replicasets/status", "statefulsets", "statefulsets/scale", "statefulsets/status"]),
      rule(READ, ["autoscaling"], ["horizontalpodautoscalers", "horizontalpodautoscalers/status"]),
      rule(READ, ["batch"], ["cronjobs", "cronjobs/status", "jobs", "jobs/status"]),
      rule(READ, ["extensions"], ["daemonsets", "daemonsets/status", "deployments", "deployments/scale", "deployments/status", "ingresses", "ingresses/status", "networkpolicies", "replicasets", "replicasets/scale", "replicasets/status", "replicationcontrollers/scale"]),
      rule(READ, ["policy"], ["poddisruptionbudgets", "poddisruptionbudgets/status"]),
      rule(READ, ["networking.k8s.io"], ["ingresses", "ingresses/status", "networkpolicies"]),
      rule(READ, ["resource.k8s.io"], ["resourceclaims", "resourceclaims/status", "resourceclaimtemplates"]),
    ],
    { [AGGREGATE_TO("view")]: "true" },
  ),
  clusterRole("system:basic-user", [
    rule(["create"], ["authorization.k8s.io"], ["selfsubjectaccessreviews", "selfsubjectrulesreviews"]),
    rule(["create"], ["authentication.k8s.io"], ["selfsubjectreviews"]),
  ]),
  clusterRole("system:discovery", [urls(["get"], ["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi", "/openapi/*", "/readyz", "/version", "/version/"])]),
  clusterRole("system:public-info-viewer", [urls(["get"], ["/healthz", "/livez", "/readyz", "/version", "/version/"])]),
];

export const group = (name: string): Subject => ({ kind: "Group", apiGroup: "rbac.authorization.k8s.io", name });
export const user = (name: string): Subject => ({ kind: "User", apiGroup: "rbac.authorization.k8s.io", name });

/** A binding of a ClusterRole (at the cluster scope, or in `namespace` as a RoleBinding). */
export function clusterRoleBinding(name: string, role: string, subjects: Subject[], meta: Partial<KubeObject["metadata"]> = {}): KubeObject {
  return {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRoleBinding",
    metadata: { name, ...meta },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: role },
    subjects,
  };
}

const bootstrapBinding = (role: string, subjects: Subject[]) =>
  clusterRoleBinding(role, role, subjects, { labels: { ...BOOTSTRAP_LABELS }, annotations: { [AUTOUPDATE_ANNOTATION]: "true" } });

export const BOOTSTRAP_CLUSTER_ROLE_BINDINGS: readonly KubeObject[] = [
  bootstrapBinding("cluster-admin", [group(SYSTEM_MASTERS)]),
  bootstrapBinding("system:basic-user", [group(ALL_AUTHENTICATED)]),
  bootstrapBinding("system:discovery", [group(ALL_AUTHENTICATED)]),
  bootstrapBinding("system:public-info-viewer", [group(ALL_AUTHENTICATED), group(ALL_UNAUTHENTICATED)]),
];
