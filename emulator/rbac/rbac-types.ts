// The shapes of the stored RBAC objects (k8s.io/api/rbac/v1 types.go), as the rule resolver reads them.

import type { KubeObject } from "../../lib/knative/types";
import type { PolicyRule } from "./rules";

export interface Subject {
  kind: string;
  apiGroup?: string;
  name: string;
  namespace?: string;
}

export interface RoleRef {
  apiGroup: string;
  kind: string;
  name: string;
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

export interface RoleObject extends KubeObject {
  rules?: PolicyRule[];
  aggregationRule?: { clusterRoleSelectors?: LabelSelector[] };
}

export interface BindingObject extends KubeObject {
  subjects?: Subject[];
  roleRef: RoleRef;
}
