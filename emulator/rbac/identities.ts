// The people the embedded cluster knows besides its admin, each signing in with a bearer token of
// its own (DATA_DIR/token-{key}, owner-only, as kube-apiserver's --token-auth-file users) and each a
// context of the kubeconfig the cluster writes:
//
// - knative-local-viewer, User knative-viewer: reads everything everywhere, as Kubernetes' `view`
//   ClusterRole grants it (Knative's resources included, through knative-serving-namespaced-view;
//   no Secrets), plus `get` on pods/proxy, which `view` leaves out but the console's live request
//   chart needs (it reads queue-proxy's statistics through the pod proxy).
// - knative-local-developer, User knative-developer: changes Knative resources in `default` and
//   reads what the console shows there, through a Role and a RoleBinding in `default`; nothing in
//   any other namespace, nothing cluster-wide (not even the list of namespaces).
//
// Their grants are made when the identity is new to the data dir (its token file did not exist),
// so a grant deleted later stays deleted.

import type { KubeObject } from "../../lib/knative/types";
import { CONTROLLER, type Registry } from "../core/registry";
import { NAMESPACES, type ResourceType } from "../core/resources";
import { clusterRoleBinding, rule, user } from "./bootstrap-policy";
import { CLUSTER_ROLE_BINDINGS, CLUSTER_ROLES, ROLE_BINDINGS, ROLES } from "./resource-types";
import { ALL_AUTHENTICATED, SYSTEM_MASTERS, type UserInfo } from "./user";

export interface Identity {
  /** The kubeconfig context (and user entry) that carries its token. */
  context: string;
  /** Where its token is kept, in the data dir. */
  tokenFile: string;
  user: UserInfo;
}

/** The admin: the data dir's original token, cluster-admin through system:masters. */
export const ADMIN_IDENTITY: Identity = { context: "knative-local", tokenFile: "token", user: { name: "kubernetes-admin", groups: [SYSTEM_MASTERS, ALL_AUTHENTICATED] } };
export const VIEWER: Identity = { context: "knative-local-viewer", tokenFile: "token-viewer", user: { name: "knative-viewer", groups: [ALL_AUTHENTICATED] } };
export const DEVELOPER: Identity = { context: "knative-local-developer", tokenFile: "token-developer", user: { name: "knative-developer", groups: [ALL_AUTHENTICATED] } };

export const SEEDED_IDENTITIES: readonly Identity[] = [VIEWER, DEVELOPER];

/** Where the developer may work. */
export const DEVELOPER_NAMESPACE = "default";
const READ = ["get", "list", "watch"];

const METRICS_READER: KubeObject = {
  apiVersion: "rbac.authorization.k8s.io/v1",
  kind: "ClusterRole",
  metadata: { name: "knative-console-metrics-reader" },
  rules: [rule(["get"], [""], ["pods/proxy"])],
};

const DEVELOPER_ROLE: KubeObject = {
  apiVersion: "rbac.authorization.k8s.io/v1",
  kind: "Role",
  metadata: { name: "knative-developer", namespace: DEVELOPER_NAMESPACE },
  rules: [
    // Knative's edit and view (knative-serving-namespaced-edit, -view), in this namespace.
    rule([...READ, "create", "update", "patch", "delete"], ["serving.knative.dev"], ["*"]),
    // What the console reads beside them: the pods, their events, the ConfigMaps and Secrets a
    // revision's environment may refer to, and the namespace itself.
    rule(READ, [""], ["pods", "pods/log", "events", "configmaps", "secrets", "services", "serviceaccounts", "namespaces"]),
    rule(READ, ["apps"], ["deployments"]),
    rule(["get"], [""], ["pods/proxy"]),
  ],
};

const roleBinding = (name: string, namespace: string, roleKind: "Role" | "ClusterRole", role: string, subject: string): KubeObject => ({
  apiVersion: "rbac.authorization.k8s.io/v1",
  kind: "RoleBinding",
  metadata: { name, namespace },
  roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: roleKind, name: role },
  subjects: [user(subject)],
});

/** What each identity is granted, in the order it must be created. */
export function grantsOf(identity: Identity): Array<[ResourceType, KubeObject]> {
  if (identity === VIEWER) {
    return [
      [CLUSTER_ROLE_BINDINGS, clusterRoleBinding("knative-local-viewer", "view", [user(VIEWER.user.name)])],
      [CLUSTER_ROLES, METRICS_READER],
      [CLUSTER_ROLE_BINDINGS, clusterRoleBinding("knative-local-viewer-metrics", "knative-console-metrics-reader", [user(VIEWER.user.name)])],
    ];
  }
  if (identity === DEVELOPER) {
    return [
      [ROLES, DEVELOPER_ROLE],
      [ROLE_BINDINGS, roleBinding("knative-developer", DEVELOPER_NAMESPACE, "Role", "knative-developer", DEVELOPER.user.name)],
    ];
  }
  return [];
}

/** Creates what is missing of an identity's grants; a namespace that is gone is said, and skipped. */
export function grantAccess(registry: Registry, identity: Identity): void {
  for (const [type, object] of grantsOf(identity)) {
    const { namespace, name } = object.metadata;
    if (namespace && !registry.get(NAMESPACES, undefined, namespace)) {
      console.log(`embedded cluster: namespace ${namespace} does not exist; ${identity.context} gets no ${type.kind} ${name} there`);
      continue;
    }
    if (!registry.get(type, namespace, name!)) registry.create(type, structuredClone(object), CONTROLLER);
  }
}
