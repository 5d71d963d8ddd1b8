// The Go shapes of the access-control kinds a client may send (k8s.io/api rbac/v1, core/v1
// ServiceAccount, authentication/v1 and authorization/v1 types.go), so that their bodies are
// decoded, and refused, as kube-apiserver's decoder does (emulator/decoding/go-json.ts).

import { OBJECT_META } from "../decoding/core-types";
import { goBool, goInt64, goRaw, goString, goTime, mapOf, sliceOf, struct, type GoType } from "../decoding/go-json";

const strings = sliceOf(goString);
const typeMeta = { apiVersion: goString, kind: goString };

const POLICY_RULE = struct("v1", "PolicyRule", () => ({
  verbs: strings,
  apiGroups: strings,
  resources: strings,
  resourceNames: strings,
  nonResourceURLs: strings,
}));

const LABEL_SELECTOR = struct("v1", "LabelSelector", () => ({
  matchLabels: mapOf(goString),
  matchExpressions: sliceOf(struct("v1", "LabelSelectorRequirement", () => ({ key: goString, operator: goString, values: strings }))),
}));

const SUBJECT = struct("v1", "Subject", () => ({ kind: goString, apiGroup: goString, name: goString, namespace: goString }));
const ROLE_REF = struct("v1", "RoleRef", () => ({ apiGroup: goString, kind: goString, name: goString }));

const ROLE = struct("v1", "Role", () => ({ ...typeMeta, metadata: OBJECT_META, rules: sliceOf(POLICY_RULE) }));
const CLUSTER_ROLE = struct("v1", "ClusterRole", () => ({
  ...typeMeta,
  metadata: OBJECT_META,
  rules: sliceOf(POLICY_RULE),
  aggregationRule: struct("v1", "AggregationRule", () => ({ clusterRoleSelectors: sliceOf(LABEL_SELECTOR) })),
}));
const ROLE_BINDING = struct("v1", "RoleBinding", () => ({ ...typeMeta, metadata: OBJECT_META, subjects: sliceOf(SUBJECT), roleRef: ROLE_REF }));
const CLUSTER_ROLE_BINDING = struct("v1", "ClusterRoleBinding", () => ({ ...typeMeta, metadata: OBJECT_META, subjects: sliceOf(SUBJECT), roleRef: ROLE_REF }));

const SERVICE_ACCOUNT = struct("v1", "ServiceAccount", () => ({
  ...typeMeta,
  metadata: OBJECT_META,
  secrets: sliceOf(
    struct("v1", "ObjectReference", () => ({ kind: goString, namespace: goString, name: goString, uid: goString, apiVersion: goString, resourceVersion: goString, fieldPath: goString })),
  ),
  imagePullSecrets: sliceOf(struct("v1", "LocalObjectReference", () => ({ name: goString }))),
  automountServiceAccountToken: goBool,
}));

const TOKEN_REQUEST = struct("v1", "TokenRequest", () => ({
  ...typeMeta,
  metadata: OBJECT_META,
  spec: struct("v1", "TokenRequestSpec", () => ({
    audiences: strings,
    expirationSeconds: goInt64,
    boundObjectRef: struct("v1", "BoundObjectReference", () => ({ kind: goString, apiVersion: goString, name: goString, uid: goString })),
  })),
  status: struct("v1", "TokenRequestStatus", () => ({ token: goString, expirationTimestamp: goTime })),
}));

const RESOURCE_ATTRIBUTES = struct("v1", "ResourceAttributes", () => ({
  namespace: goString,
  verb: goString,
  group: goString,
  version: goString,
  resource: goString,
  subresource: goString,
  name: goString,
  fieldSelector: goRaw,
  labelSelector: goRaw,
}));
const NON_RESOURCE_ATTRIBUTES = struct("v1", "NonResourceAttributes", () => ({ path: goString, verb: goString }));
const ACCESS_REVIEW_STATUS = struct("v1", "SubjectAccessReviewStatus", () => ({ allowed: goBool, denied: goBool, reason: goString, evaluationError: goString }));

const SELF_SUBJECT_ACCESS_REVIEW = struct("v1", "SelfSubjectAccessReview", () => ({
  ...typeMeta,
  metadata: OBJECT_META,
  spec: struct("v1", "SelfSubjectAccessReviewSpec", () => ({ resourceAttributes: RESOURCE_ATTRIBUTES, nonResourceAttributes: NON_RESOURCE_ATTRIBUTES })),
  status: ACCESS_REVIEW_STATUS,
}));

const SUBJECT_ACCESS_REVIEW_SPEC = struct("v1", "SubjectAccessReviewSpec", () => ({
  resourceAttributes: RESOURCE_ATTRIBUTES,
  nonResourceAttributes: NON_RESOURCE_ATTRIBUTES,
  user: goString,
  groups: strings,
  extra: mapOf(strings),
  uid: goString,
}));
const subjectAccessReview = (kind: string) => struct("v1", kind, () => ({ ...typeMeta, metadata: OBJECT_META, spec: SUBJECT_ACCESS_REVIEW_SPEC, status: ACCESS_REVIEW_STATUS }));

const SELF_SUBJECT_RULES_REVIEW = struct("v1", "SelfSubjectRulesReview", () => ({
  ...typeMeta,
  metadata: OBJECT_META,
  spec: struct("v1", "SelfSubjectRulesReviewSpec", () => ({ namespace: goString })),
  status: goRaw,
}));

const SELF_SUBJECT_REVIEW = struct("v1", "SelfSubjectReview", () => ({ ...typeMeta, metadata: OBJECT_META, status: goRaw }));

/** The Go type of each access-control kind a client may write, by Kind. */
export const ACCESS_CONTROL_KINDS: Record<string, GoType> = {
  Role: ROLE,
  ClusterRole: CLUSTER_ROLE,
  RoleBinding: ROLE_BINDING,
  ClusterRoleBinding: CLUSTER_ROLE_BINDING,
  ServiceAccount: SERVICE_ACCOUNT,
  TokenRequest: TOKEN_REQUEST,
  SelfSubjectAccessReview: SELF_SUBJECT_ACCESS_REVIEW,
  SubjectAccessReview: subjectAccessReview("SubjectAccessReview"),
  LocalSubjectAccessReview: subjectAccessReview("LocalSubjectAccessReview"),
  SelfSubjectRulesReview: SELF_SUBJECT_RULES_REVIEW,
  SelfSubjectReview: SELF_SUBJECT_REVIEW,
};
