// Stored RBAC objects for the unit tests of rule evaluation, held in a map: the ObjectReader the
// authorizer reads the registry through, without a registry.

import type { KubeObject } from "../../lib/knative/types";
import type { ResourceType } from "../core/resources";
import type { PolicyRule } from "./rules";
import type { ObjectReader } from "./rule-resolver";
import { CLUSTER_ROLE_BINDINGS, CLUSTER_ROLES, ROLE_BINDINGS, ROLES } from "./resource-types";
import type { Subject } from "./rbac-types";

export class Objects implements ObjectReader {
  private readonly byKey = new Map<string, KubeObject>();

  get(type: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.byKey.get(`${type.resource}/${type.namespaced ? (namespace ?? "") : ""}/${name}`);
  }

  list(type: ResourceType, namespace?: string): KubeObject[] {
    return [...this.byKey.entries()]
      .filter(([k, o]) => k.startsWith(`${type.resource}/`) && (namespace === undefined || o.metadata.namespace === namespace))
      .map(([, o]) => o)
      .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
  }

  add(type: ResourceType, object: KubeObject): this {
    this.byKey.set(`${type.resource}/${object.metadata.namespace ?? ""}/${object.metadata.name}`, object);
    return this;
  }

  clusterRole(name: string, rules: PolicyRule[]): this {
    return this.add(CLUSTER_ROLES, { metadata: { name }, rules });
  }

  role(namespace: string, name: string, rules: PolicyRule[]): this {
    return this.add(ROLES, { metadata: { name, namespace }, rules });
  }

  clusterRoleBinding(name: string, role: string, subjects: Subject[]): this {
    return this.add(CLUSTER_ROLE_BINDINGS, { metadata: { name }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: role }, subjects });
  }

  roleBinding(namespace: string, name: string, roleRef: { kind: "Role" | "ClusterRole"; name: string }, subjects: Subject[]): this {
    return this.add(ROLE_BINDINGS, { metadata: { name, namespace }, roleRef: { apiGroup: "rbac.authorization.k8s.io", ...roleRef }, subjects });
  }
}

export const userSubject = (name: string): Subject => ({ kind: "User", apiGroup: "rbac.authorization.k8s.io", name });
export const groupSubject = (name: string): Subject => ({ kind: "Group", apiGroup: "rbac.authorization.k8s.io", name });
