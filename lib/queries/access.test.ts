import { describe, expect, it } from "vitest";
import { ACCESS_ACTIONS, ACCESS_CHECKS, type NamespaceAccess, denialOf, resourceLabel } from "./access";

const access = (user: string | null, denied: string[]): NamespaceAccess => ({
  namespace: "default",
  user,
  allowed: Object.fromEntries(ACCESS_ACTIONS.map((a) => [a, !denied.includes(a)])) as NamespaceAccess["allowed"],
});

describe("access denials", () => {
  it("name the user, the verb, the resource as RBAC spells it and the namespace", () => {
    expect(denialOf(access("knative-viewer", ["splitTraffic"]), "splitTraffic")).toBe(
      'the cluster does not allow User "knative-viewer" to patch services.serving.knative.dev in namespace default',
    );
    expect(denialOf(access(null, ["recordChanges"]), "recordChanges")).toBe("the cluster does not allow this identity to create events in namespace default");
  });

  it("say nothing for an allowed action, or before the cluster has answered", () => {
    expect(denialOf(access("u", []), "deleteService")).toBeUndefined();
    expect(denialOf(undefined, "deleteService")).toBeUndefined();
  });

  it("spell subresources and core resources as kubectl does", () => {
    expect(resourceLabel(ACCESS_CHECKS.liveTraffic)).toBe("pods/proxy");
    expect(resourceLabel(ACCESS_CHECKS.deleteRevision)).toBe("revisions.serving.knative.dev");
  });
});
