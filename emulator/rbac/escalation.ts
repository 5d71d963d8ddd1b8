// Nobody may grant what they do not hold (kubernetes pkg/registry/rbac/validation/rule.go
// ConfirmNoEscalation, pkg/registry/rbac/escalation_check.go): a Role or ClusterRole may carry
// only rules its writer holds in that namespace (or cluster-wide), unless the writer may
// `escalate` it; a binding may refer only to a role whose rules the writer holds, unless the
// writer may `bind` it. Members of system:masters are exempt; so is the cluster itself
// (writes without a user, from seeding and controllers).

import type { Authorizer } from "./authorizer";
import { aggregateMessage } from "./authorizer";
import { compactRules, covers } from "./covers";
import { goQuote, goQuoteList } from "./go-format";
import { RBAC_GROUP } from "./resource-types";
import { compactString, type PolicyRule } from "./rules";
import { SYSTEM_MASTERS, type UserInfo } from "./user";

/** What it takes to set an aggregationRule, which can gather any rule: everything. */
export const FULL_AUTHORITY: readonly PolicyRule[] = [
  { verbs: ["*"], apiGroups: ["*"], resources: ["*"] },
  { verbs: ["*"], nonResourceURLs: ["*"] },
];

export const escalationAllowed = (user: UserInfo) => user.groups.includes(SYSTEM_MASTERS);

/**
 * undefined when `user` holds every rule in `namespace` ("" for cluster-wide); otherwise
 * ConfirmNoEscalation's message, naming what is missing, compacted and sorted.
 */
export function escalationMessage(authorizer: Authorizer, user: UserInfo, namespace: string, rules: readonly PolicyRule[]): string | undefined {
  const { rules: owned, errors } = authorizer.rules.rulesFor(user, namespace);
  const { covered, missing } = covers(owned, rules);
  if (covered) return undefined;
  const descriptions = [...new Set(compactRules(missing).map(compactString))].sort();
  let message = `user ${goQuote(user.name)} (groups=${goQuoteList(user.groups)}) is attempting to grant RBAC permissions not currently held:\n${descriptions.join("\n")}`;
  if (errors.length > 0) message += `; resolution errors: [${aggregateMessage(errors)}]`;
  return message;
}

/** Whether `user` may use a special verb (escalate, bind) on an RBAC object. */
export function mayUseVerb(authorizer: Authorizer, user: UserInfo, verb: "escalate" | "bind", resource: string, name: string, namespace: string): boolean {
  return (
    authorizer.authorize({ user, verb, resourceRequest: true, path: "", namespace, apiGroup: RBAC_GROUP, apiVersion: "*", resource, subresource: "", name }).decision === "allow"
  );
}
