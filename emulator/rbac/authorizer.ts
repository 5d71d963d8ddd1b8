// The embedded cluster's authorizer, as kube-apiserver's chain with --authorization-mode=RBAC:
// members of system:masters are allowed everything first (authorizerfactory.NewPrivilegedGroups),
// then RBAC decides (plugin/pkg/auth/authorizer/rbac/rbac.go). RBAC never denies, it has no
// opinion; the reason of a refusal lists the bindings it could not resolve ("RBAC: …"), and that
// of an allowance names the binding that allowed it.

import type { Attributes } from "./attributes";
import { RuleResolver, type ObjectReader } from "./rule-resolver";
import { ruleAllows } from "./rules";
import { SYSTEM_MASTERS } from "./user";

export type Decision = "allow" | "no-opinion";

export interface AuthorizationResult {
  decision: Decision;
  reason: string;
}

export interface Authorizer {
  authorize(attrs: Attributes): AuthorizationResult;
  /** The rule resolver behind it, for rules reviews and the escalation check. */
  readonly rules: RuleResolver;
}

export function clusterAuthorizer(objects: ObjectReader): Authorizer {
  const rules = new RuleResolver(objects);
  return {
    rules,
    authorize(attrs) {
      if (attrs.user.groups.includes(SYSTEM_MASTERS)) return { decision: "allow", reason: "" };
      let allowedBy: string | undefined;
      const errors: string[] = [];
      rules.visitRulesFor(attrs.user, attrs.namespace, (source, rule, error) => {
        if (rule && ruleAllows(attrs, rule)) {
          allowedBy = source;
          return false;
        }
        if (error) errors.push(error);
        return true;
      });
      if (allowedBy !== undefined) return { decision: "allow", reason: `RBAC: allowed by ${allowedBy}` };
      return { decision: "no-opinion", reason: errors.length > 0 ? `RBAC: ${aggregateMessage(errors)}` : "" };
    },
  };
}

/** utilerrors.NewAggregate(errs).Error(): one message as it is, several de-duplicated in brackets. */
export function aggregateMessage(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0]! : `[${unique.join(", ")}]`;
}
