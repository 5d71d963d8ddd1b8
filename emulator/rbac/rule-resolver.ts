// Which rules apply to a user in a namespace: every ClusterRoleBinding naming the user (or one of
// its groups, or its ServiceAccount), then every RoleBinding in the namespace, each resolved to
// the rules of the Role or ClusterRole it refers to. Follows kubernetes
// pkg/registry/rbac/validation/rule.go (DefaultRuleResolver), including its wording for the
// sources ("RBAC: allowed by …") and for bindings whose role does not exist.

import type { KubeObject } from "../../lib/knative/types";
import type { ObjectRegistry } from "../core/object-registry";
import type { ResourceType } from "../core/resources";
import { goQuote } from "./go-format";
import type { BindingObject, RoleObject, RoleRef, Subject } from "./rbac-types";
import { CLUSTER_ROLE_BINDINGS, CLUSTER_ROLES, RBAC_GROUP, ROLE_BINDINGS, ROLES } from "./resource-types";
import type { PolicyRule } from "./rules";
import { serviceAccountUsername, type UserInfo } from "./user";

/** Read access to stored objects, without copies (the registry's frozen objects). */
export interface ObjectReader {
  get(type: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined;
  list(type: ResourceType, namespace?: string): readonly KubeObject[];
}

/** The registry's own frozen objects, read without copies. */
export function registryReader(registry: ObjectRegistry): ObjectReader {
  return { get: (t, ns, name) => registry.getShared(t, ns, name), list: (t, ns) => registry.listShared(t, ns) };
}

/** Called per rule (source describes the binding) and per resolution error; false stops the visit. */
export type RuleVisitor = (source: string | undefined, rule: PolicyRule | undefined, error: string | undefined) => boolean;

/** A binding whose role cannot be had; the message is the one kube-apiserver gives. */
export class RoleResolutionError extends Error {}

/** How listers word a missing role: the singular resource, `clusterrole.rbac.authorization.k8s.io "x" not found`. */
const notFound = (singular: string, name: string) => new RoleResolutionError(`${singular}.${RBAC_GROUP} ${goQuote(name)} not found`);

export class RuleResolver {
  constructor(private readonly objects: ObjectReader) {}

  /** The rules of the role a binding refers to; throws a RoleResolutionError when there is none. */
  roleRefRules(roleRef: RoleRef, bindingNamespace: string): readonly PolicyRule[] {
    switch (roleRef.kind) {
      case "Role": {
        const role = bindingNamespace ? (this.objects.get(ROLES, bindingNamespace, roleRef.name) as RoleObject | undefined) : undefined;
        if (!role) throw notFound("role", roleRef.name);
        return role.rules ?? [];
      }
      case "ClusterRole": {
        const role = this.objects.get(CLUSTER_ROLES, undefined, roleRef.name) as RoleObject | undefined;
        if (!role) throw notFound("clusterrole", roleRef.name);
        return role.rules ?? [];
      }
      default:
        throw new RoleResolutionError(`unsupported role reference kind: ${goQuote(roleRef.kind)}`);
    }
  }

  visitRulesFor(user: UserInfo, namespace: string, visit: RuleVisitor): void {
    for (const binding of this.objects.list(CLUSTER_ROLE_BINDINGS) as readonly BindingObject[]) {
      if (!this.visitBinding(user, binding, "", visit)) return;
    }
    if (!namespace) return;
    for (const binding of this.objects.list(ROLE_BINDINGS, namespace) as readonly BindingObject[]) {
      if (!this.visitBinding(user, binding, namespace, visit)) return;
    }
  }

  /** Every rule that applies, and the resolution errors met on the way (rules are additive, so the rest still count). */
  rulesFor(user: UserInfo, namespace: string): { rules: PolicyRule[]; errors: string[] } {
    const rules: PolicyRule[] = [];
    const errors: string[] = [];
    this.visitRulesFor(user, namespace, (_, rule, error) => {
      if (rule) rules.push(rule);
      if (error) errors.push(error);
      return true;
    });
    return { rules, errors };
  }

  private visitBinding(user: UserInfo, binding: BindingObject, namespace: string, visit: RuleVisitor): boolean {
    const subject = (binding.subjects ?? []).find((s) => appliesTo(user, s, namespace));
    if (!subject || !binding.roleRef) return true;
    let rules: readonly PolicyRule[];
    try {
      rules = this.roleRefRules(binding.roleRef, namespace);
    } catch (err) {
      if (!(err instanceof RoleResolutionError)) throw err;
      return visit(undefined, undefined, err.message);
    }
    const source = describeSource(binding, subject, namespace);
    for (const rule of rules) if (!visit(source, rule, undefined)) return false;
    return true;
  }
}

function appliesTo(user: UserInfo, subject: Subject, namespace: string): boolean {
  switch (subject.kind) {
    case "User":
      return user.name === subject.name;
    case "Group":
      return user.groups.includes(subject.name);
    case "ServiceAccount": {
      // A RoleBinding's ServiceAccount subject without a namespace means one in the binding's.
      const saNamespace = subject.namespace || namespace;
      return saNamespace !== "" && user.name === serviceAccountUsername(saNamespace, subject.name);
    }
    default:
      return false;
  }
}

function describeSubject(s: Subject, bindingNamespace: string): string {
  if (s.kind === "ServiceAccount") return `${s.kind} ${goQuote(`${s.name}/${s.namespace || bindingNamespace}`)}`;
  return `${s.kind} ${goQuote(s.name)}`;
}

/** `ClusterRoleBinding "x" of ClusterRole "view" to Group "g"`, `RoleBinding "x/ns" of Role "r" to User "u"`. */
function describeSource(binding: BindingObject, subject: Subject, namespace: string): string {
  const name = namespace ? `${binding.metadata.name}/${namespace}` : binding.metadata.name!;
  const kind = namespace ? "RoleBinding" : "ClusterRoleBinding";
  return `${kind} ${goQuote(name)} of ${binding.roleRef.kind} ${goQuote(binding.roleRef.name)} to ${describeSubject(subject, namespace)}`;
}
