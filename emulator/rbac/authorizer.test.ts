// Rule evaluation and refusals, case by case, with kube-apiserver's exact words: who may do what
// where, which binding allowed it, and how a refusal reads (responsewriters.Forbidden).
import { describe, expect, it } from "vitest";
import type { Attributes } from "./attributes";
import { clusterAuthorizer } from "./authorizer";
import { forbidden } from "./forbidden";
import { groupSubject, Objects, userSubject } from "./testing";
import { ALL_AUTHENTICATED, ANONYMOUS_USER, SYSTEM_MASTERS, type UserInfo } from "./user";

const DEV: UserInfo = { name: "dev", groups: [ALL_AUTHENTICATED] };
const KNATIVE = "serving.knative.dev";

const objects = new Objects()
  .role("default", "ksvc-editor", [
    { verbs: ["get", "list", "watch", "patch"], apiGroups: [KNATIVE], resources: ["services"] },
    { verbs: ["update"], apiGroups: [KNATIVE], resources: ["*/status"] },
    { verbs: ["get"], apiGroups: [""], resources: ["configmaps"], resourceNames: ["config-domain"] },
  ])
  .roleBinding("default", "dev", { kind: "Role", name: "ksvc-editor" }, [userSubject("dev")])
  .clusterRole("pod-proxy", [{ verbs: ["get"], apiGroups: [""], resources: ["pods/proxy"] }])
  .roleBinding("metrics", "proxy", { kind: "ClusterRole", name: "pod-proxy" }, [{ kind: "ServiceAccount", name: "scraper" }])
  .clusterRole("discovery", [{ verbs: ["get"], nonResourceURLs: ["/api", "/api/*", "/version"] }])
  .clusterRoleBinding("discovery", "discovery", [groupSubject(ALL_AUTHENTICATED)])
  .clusterRole("everything", [{ verbs: ["*"], apiGroups: ["*"], resources: ["*"] }])
  .clusterRoleBinding("ops", "everything", [groupSubject("ops")])
  .clusterRoleBinding("dangling", "gone", [userSubject("orphan")])
  .roleBinding("default", "dangling-role", { kind: "Role", name: "missing" }, [userSubject("orphan")]);

const authorizer = clusterAuthorizer(objects);

function attrs(user: UserInfo, verb: string, resource: string, more: Partial<Attributes> = {}): Attributes {
  return { user, verb, resourceRequest: true, path: "", namespace: "default", apiGroup: KNATIVE, apiVersion: "v1", resource, subresource: "", name: "", ...more };
}

describe("what RBAC allows", () => {
  it.each<[string, Attributes, string]>([
    ["a verb of the role, in its namespace", attrs(DEV, "patch", "services", { name: "hello" }), 'RBAC: allowed by RoleBinding "dev/default" of Role "ksvc-editor" to User "dev"'],
    ["watch, listed in the role", attrs(DEV, "watch", "services"), 'RBAC: allowed by RoleBinding "dev/default" of Role "ksvc-editor" to User "dev"'],
    ["*/status: any resource's status", attrs(DEV, "update", "revisions", { name: "r", subresource: "status" }), 'RBAC: allowed by RoleBinding "dev/default" of Role "ksvc-editor" to User "dev"'],
    ["the one resourceName listed", attrs(DEV, "get", "configmaps", { apiGroup: "", name: "config-domain" }), 'RBAC: allowed by RoleBinding "dev/default" of Role "ksvc-editor" to User "dev"'],
    [
      "a RoleBinding's ServiceAccount subject without namespace, in the binding's",
      attrs({ name: "system:serviceaccount:metrics:scraper", groups: [] }, "get", "pods", { apiGroup: "", namespace: "metrics", name: "p:9090", subresource: "proxy" }),
      'RBAC: allowed by RoleBinding "proxy/metrics" of ClusterRole "pod-proxy" to ServiceAccount "scraper/metrics"',
    ],
    ["a group's ClusterRoleBinding, everywhere", attrs({ name: "o", groups: ["ops"] }, "delete", "nodes", { apiGroup: "", namespace: "" }), 'RBAC: allowed by ClusterRoleBinding "ops" of ClusterRole "everything" to Group "ops"'],
    ["a non-resource URL under a wildcard", { ...attrs(DEV, "get", ""), resourceRequest: false, path: "/api/v1", namespace: "" }, 'RBAC: allowed by ClusterRoleBinding "discovery" of ClusterRole "discovery" to Group "system:authenticated"'],
    ["anything, to system:masters, with no reason", attrs({ name: "root", groups: [SYSTEM_MASTERS] }, "escalate", "roles"), ""],
  ])("allows %s", (_, a, reason) => {
    expect(authorizer.authorize(a)).toEqual({ decision: "allow", reason });
  });

  it.each<[string, Attributes]>([
    ["a verb the role lacks", attrs(DEV, "delete", "services", { name: "hello" })],
    ["another namespace", attrs(DEV, "patch", "services", { name: "hello", namespace: "other" })],
    ["the cluster scope", attrs(DEV, "list", "services", { namespace: "" })],
    ["another group", attrs(DEV, "get", "services", { apiGroup: "" })],
    ["a subresource of a listed resource", attrs(DEV, "get", "services", { subresource: "status", name: "hello" })],
    ["a name the resourceNames do not list", attrs(DEV, "get", "configmaps", { apiGroup: "", name: "other" })],
    ["a list, when resourceNames restrict", attrs(DEV, "list", "configmaps", { apiGroup: "" })],
    ["a path outside the rule", { ...attrs(DEV, "get", ""), resourceRequest: false, path: "/apis", namespace: "" }],
    ["HEAD of a path whose rule says get", { ...attrs(DEV, "head", ""), resourceRequest: false, path: "/version", namespace: "" }],
    ["a ServiceAccount of another namespace", attrs({ name: "system:serviceaccount:default:scraper", groups: [] }, "get", "pods", { apiGroup: "", namespace: "metrics", subresource: "proxy" })],
  ])("has no opinion on %s", (_, a) => {
    expect(authorizer.authorize(a)).toEqual({ decision: "no-opinion", reason: "" });
  });

  it("names the bindings whose role cannot be found", () => {
    expect(authorizer.authorize(attrs({ name: "orphan", groups: [] }, "get", "services"))).toEqual({
      decision: "no-opinion",
      reason: 'RBAC: [clusterrole.rbac.authorization.k8s.io "gone" not found, role.rbac.authorization.k8s.io "missing" not found]',
    });
    expect(authorizer.authorize(attrs({ name: "orphan", groups: [] }, "get", "services", { namespace: "" }))).toEqual({
      decision: "no-opinion",
      reason: 'RBAC: clusterrole.rbac.authorization.k8s.io "gone" not found',
    });
  });
});

describe("how a refusal reads", () => {
  it.each<[string, Attributes, string, Record<string, string>]>([
    [
      "a named object in a namespace",
      attrs({ name: "dev", groups: [] }, "patch", "services", { name: "x" }),
      'services.serving.knative.dev "x" is forbidden: User "dev" cannot patch resource "services" in API group "serving.knative.dev" in the namespace "default"',
      { name: "x", group: KNATIVE, kind: "services" },
    ],
    [
      "a list",
      attrs({ name: "dev", groups: [] }, "list", "services"),
      'services.serving.knative.dev is forbidden: User "dev" cannot list resource "services" in API group "serving.knative.dev" in the namespace "default"',
      { group: KNATIVE, kind: "services" },
    ],
    [
      "the cluster scope, the core group",
      attrs({ name: "dev", groups: [] }, "list", "namespaces", { apiGroup: "", namespace: "" }),
      'namespaces is forbidden: User "dev" cannot list resource "namespaces" in API group "" at the cluster scope',
      { kind: "namespaces" },
    ],
    [
      "a subresource",
      attrs({ name: "dev", groups: [] }, "get", "pods", { apiGroup: "", name: "p:9090", subresource: "proxy" }),
      'pods "p:9090" is forbidden: User "dev" cannot get resource "pods/proxy" in API group "" in the namespace "default"',
      { name: "p:9090", kind: "pods" },
    ],
    ["a path", { ...attrs(ANONYMOUS_USER, "get", ""), resourceRequest: false, path: "/apis", namespace: "", apiGroup: "" }, 'forbidden: User "system:anonymous" cannot get path "/apis"', {}],
    [
      "a name that looks like HTML, escaped; quotes as Go quotes them",
      attrs({ name: '<b>"x"</b>', groups: [] }, "get", "services", { name: "a" }),
      'services.serving.knative.dev "a" is forbidden: User "&lt;b&gt;\\"x\\"&lt;/b&gt;" cannot get resource "services" in API group "serving.knative.dev" in the namespace "default"',
      { name: "a", group: KNATIVE, kind: "services" },
    ],
  ])("%s", (_, a, message, details) => {
    expect(forbidden(a, "").status).toEqual({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason: "Forbidden", details, code: 403 });
  });

  it("adds the authorizer's reason after a colon", () => {
    const a = attrs({ name: "orphan", groups: [] }, "get", "services", { name: "x", namespace: "" });
    const { reason } = authorizer.authorize(a);
    expect(forbidden(a, reason).message).toBe(
      'services.serving.knative.dev "x" is forbidden: User "orphan" cannot get resource "services" in API group "serving.knative.dev" at the cluster scope: RBAC: clusterrole.rbac.authorization.k8s.io "gone" not found',
    );
  });

  it("is the Status kube-apiserver sends, byte for byte", () => {
    expect(JSON.stringify(forbidden(attrs({ name: "dev", groups: [] }, "list", "services"), "").status)).toBe(
      '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"services.serving.knative.dev is forbidden: User \\"dev\\" cannot list resource \\"services\\" in API group \\"serving.knative.dev\\" in the namespace \\"default\\"","reason":"Forbidden","details":{"group":"serving.knative.dev","kind":"services"},"code":403}',
    );
  });
});
