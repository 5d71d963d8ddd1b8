// The escalation check's arithmetic and words: which rules a user holds cover which others
// (policy_comparator.go Covers), and what ConfirmNoEscalation says is missing.
import { describe, expect, it } from "vitest";
import { clusterAuthorizer } from "./authorizer";
import { covers } from "./covers";
import { escalationMessage, FULL_AUTHORITY } from "./escalation";
import type { PolicyRule } from "./rules";
import { Objects, userSubject } from "./testing";
import { ALL_AUTHENTICATED } from "./user";

const rule = (verbs: string[], apiGroups: string[], resources: string[], resourceNames?: string[]): PolicyRule => ({ verbs, apiGroups, resources, ...(resourceNames ? { resourceNames } : {}) });

describe("covers", () => {
  it.each<[string, PolicyRule[], PolicyRule[], boolean]>([
    ["the same rule", [rule(["get"], [""], ["pods"])], [rule(["get"], [""], ["pods"])], true],
    ["fewer verbs", [rule(["get", "list"], [""], ["pods"])], [rule(["get"], [""], ["pods"])], true],
    ["more verbs", [rule(["get"], [""], ["pods"])], [rule(["get", "delete"], [""], ["pods"])], false],
    ["* verbs, groups and resources", [rule(["*"], ["*"], ["*"])], [rule(["escalate"], ["rbac.authorization.k8s.io"], ["roles"])], true],
    ["*/status for a status", [rule(["get"], [""], ["*/status"])], [rule(["get"], [""], ["pods/status"])], true],
    ["a resource, not its subresource", [rule(["get"], [""], ["pods"])], [rule(["get"], [""], ["pods/proxy"])], false],
    ["any name, for one name", [rule(["get"], [""], ["pods"])], [rule(["get"], [""], ["pods"], ["p"])], true],
    ["one name, for any name", [rule(["get"], [""], ["pods"], ["p"])], [rule(["get"], [""], ["pods"])], false],
    ["a URL prefix", [{ verbs: ["get"], nonResourceURLs: ["/apis/*"] }], [{ verbs: ["get"], nonResourceURLs: ["/apis/x/v1"] }], true],
    ["nothing, for full authority", [], [...FULL_AUTHORITY], false],
  ])("%s", (_, owned, wanted, covered) => {
    expect(covers(owned, wanted).covered).toBe(covered);
  });
});

describe("escalationMessage", () => {
  const objects = new Objects()
    .role("default", "reader", [rule(["get", "list"], ["serving.knative.dev"], ["services"])])
    .roleBinding("default", "lead", { kind: "Role", name: "reader" }, [userSubject("lead")])
    .roleBinding("default", "dangling", { kind: "ClusterRole", name: "gone" }, [userSubject("lead")]);
  const authorizer = clusterAuthorizer(objects);
  const lead = { name: "lead", groups: [ALL_AUTHENTICATED] };

  it("says nothing when every rule is held", () => {
    expect(escalationMessage(authorizer, lead, "default", [rule(["get"], ["serving.knative.dev"], ["services"])])).toBeUndefined();
  });

  it("lists what is missing, one rule per group and resource, sorted, with the resolution errors", () => {
    const wanted = [rule(["get", "delete", "patch"], ["serving.knative.dev"], ["services"]), rule(["get"], [""], ["secrets"])];
    expect(escalationMessage(authorizer, lead, "default", wanted)).toBe(
      'user "lead" (groups=["system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n' +
        '{APIGroups:[""], Resources:["secrets"], Verbs:["get"]}\n' +
        '{APIGroups:["serving.knative.dev"], Resources:["services"], Verbs:["delete" "patch"]}' +
        '; resolution errors: [clusterrole.rbac.authorization.k8s.io "gone" not found]',
    );
  });

  it("holds nothing outside the namespace of its bindings", () => {
    expect(escalationMessage(authorizer, lead, "other", [rule(["get"], ["serving.knative.dev"], ["services"])])).toBe(
      'user "lead" (groups=["system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n{APIGroups:["serving.knative.dev"], Resources:["services"], Verbs:["get"]}',
    );
  });
});
