// The access-control resources the embedded cluster serves, as kube-apiserver's discovery
// describes them: RBAC (rbac.authorization.k8s.io/v1), ServiceAccounts with their token
// subresource, and the review APIs (authorization.k8s.io/v1, authentication.k8s.io/v1), which
// are created and answered, never stored.

import type { ResourceType } from "../core/resources";

export const RBAC_GROUP = "rbac.authorization.k8s.io";
export const AUTHORIZATION_GROUP = "authorization.k8s.io";
export const AUTHENTICATION_GROUP = "authentication.k8s.io";

const ALL_VERBS = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

function resource(group: string, resource: string, kind: string, namespaced: boolean, opts: Partial<ResourceType> = {}): ResourceType {
  return {
    group,
    version: "v1",
    resource,
    singular: kind.toLowerCase(),
    kind,
    listKind: `${kind}List`,
    namespaced,
    shortNames: [],
    categories: [],
    verbs: ALL_VERBS,
    statusSubresource: false,
    printerColumns: [],
    ...opts,
  };
}

export const ROLES = resource(RBAC_GROUP, "roles", "Role", true);
export const ROLE_BINDINGS = resource(RBAC_GROUP, "rolebindings", "RoleBinding", true);
export const CLUSTER_ROLES = resource(RBAC_GROUP, "clusterroles", "ClusterRole", false);
export const CLUSTER_ROLE_BINDINGS = resource(RBAC_GROUP, "clusterrolebindings", "ClusterRoleBinding", false);

export const SERVICE_ACCOUNTS = resource("", "serviceaccounts", "ServiceAccount", true, {
  shortNames: ["sa"],
  // POST …/serviceaccounts/{name}/token: a TokenRequest (kubectl create token).
  subresources: [{ name: "token", group: AUTHENTICATION_GROUP, version: "v1", kind: "TokenRequest", verbs: ["create"] }],
});

/** A review: POSTed, evaluated and answered; nothing is stored (verbs: create only). */
const review = (group: string, plural: string, kind: string, namespaced = false) => resource(group, plural, kind, namespaced, { verbs: ["create"] });

export const SELF_SUBJECT_ACCESS_REVIEWS = review(AUTHORIZATION_GROUP, "selfsubjectaccessreviews", "SelfSubjectAccessReview");
export const SELF_SUBJECT_RULES_REVIEWS = review(AUTHORIZATION_GROUP, "selfsubjectrulesreviews", "SelfSubjectRulesReview");
export const SUBJECT_ACCESS_REVIEWS = review(AUTHORIZATION_GROUP, "subjectaccessreviews", "SubjectAccessReview");
export const LOCAL_SUBJECT_ACCESS_REVIEWS = review(AUTHORIZATION_GROUP, "localsubjectaccessreviews", "LocalSubjectAccessReview", true);
export const SELF_SUBJECT_REVIEWS = review(AUTHENTICATION_GROUP, "selfsubjectreviews", "SelfSubjectReview");

export const REVIEW_TYPES: readonly ResourceType[] = [
  SELF_SUBJECT_ACCESS_REVIEWS,
  SELF_SUBJECT_RULES_REVIEWS,
  SUBJECT_ACCESS_REVIEWS,
  LOCAL_SUBJECT_ACCESS_REVIEWS,
  SELF_SUBJECT_REVIEWS,
];

export const ACCESS_CONTROL_TYPES: readonly ResourceType[] = [SERVICE_ACCOUNTS, ROLES, ROLE_BINDINGS, CLUSTER_ROLES, CLUSTER_ROLE_BINDINGS, ...REVIEW_TYPES];

export const isReview = (t: ResourceType) => REVIEW_TYPES.includes(t);
