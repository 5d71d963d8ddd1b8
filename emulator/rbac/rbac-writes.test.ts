// Writing RBAC objects on a running embedded cluster: nobody grants what they do not hold
// (the escalation check, with its bind and escalate exceptions), roles and bindings are
// validated as kube-apiserver validates them, and aggregated ClusterRoles follow their sources.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiEndpoint } from "../testing/api-endpoint";
import { tempDataDir } from "../testing/api-only";
import { startClusterProcess, type ClusterProcess } from "../testing/cluster-process";
import { call, forbiddenStatus } from "./testing-http";

let cluster: ClusterProcess;
let developer: ApiEndpoint;
const RBAC = "/apis/rbac.authorization.k8s.io/v1";
const roles = (ns: string) => `${RBAC}/namespaces/${ns}/roles`;
const bindings = (ns: string) => `${RBAC}/namespaces/${ns}/rolebindings`;
const binding = (name: string, kind: "Role" | "ClusterRole", role: string, user = "someone") => ({
  metadata: { name },
  roleRef: { apiGroup: "rbac.authorization.k8s.io", kind, name: role },
  subjects: [{ kind: "User", name: user }],
});
const role = (name: string, rules: unknown[]) => ({ metadata: { name }, rules });

beforeAll(async () => {
  cluster = await startClusterProcess(tempDataDir(), ["--no-seed"]);
  developer = cluster.as.developer;
  // The developer is made admin of a sandbox namespace: now it may write RBAC objects there.
  await call(cluster, "POST", "/api/v1/namespaces", { metadata: { name: "sandbox" } });
  expect((await call(cluster, "POST", bindings("sandbox"), binding("developer-admin", "ClusterRole", "admin", "knative-developer"))).status).toBe(201);
});
afterAll(async () => {
  await cluster?.stop();
});

describe("the escalation check", () => {
  it("lets a namespace admin grant what it holds there", async () => {
    expect((await call(developer, "POST", roles("sandbox"), role("readers", [{ verbs: ["get", "list"], apiGroups: ["serving.knative.dev"], resources: ["services"] }]))).status).toBe(201);
    expect((await call(developer, "POST", bindings("sandbox"), binding("readers", "Role", "readers"))).status).toBe(201);
    expect((await call(developer, "POST", bindings("sandbox"), binding("viewers", "ClusterRole", "view"))).status).toBe(201);
  });

  it("refuses a Role with rules it does not hold, naming them", async () => {
    const res = await call(developer, "POST", roles("sandbox"), role("too-much", [{ verbs: ["get", "escalate"], apiGroups: ["rbac.authorization.k8s.io"], resources: ["roles"] }, { verbs: ["get"], apiGroups: [""], resources: ["nodes"] }]));
    expect(res.body).toEqual(
      forbiddenStatus(
        'roles.rbac.authorization.k8s.io "too-much" is forbidden: user "knative-developer" (groups=["system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n' +
          '{APIGroups:[""], Resources:["nodes"], Verbs:["get"]}\n' +
          '{APIGroups:["rbac.authorization.k8s.io"], Resources:["roles"], Verbs:["escalate"]}',
        { name: "too-much", group: "rbac.authorization.k8s.io", kind: "roles" },
      ),
    );
    expect((await call(cluster, "GET", `${roles("sandbox")}/too-much`)).status).toBe(404);
  });

  it("refuses a binding to a role whose rules it does not hold, and says when the role does not exist", async () => {
    const res = await call(developer, "POST", bindings("sandbox"), binding("root", "ClusterRole", "cluster-admin"));
    expect(res.body.message).toBe(
      'rolebindings.rbac.authorization.k8s.io "root" is forbidden: user "knative-developer" (groups=["system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n' +
        '{APIGroups:["*"], Resources:["*"], Verbs:["*"]}\n{NonResourceURLs:["*"], Verbs:["*"]}',
    );
    expect((await call(developer, "POST", bindings("sandbox"), binding("ghost", "ClusterRole", "nope"))).body).toMatchObject({
      code: 404,
      message: 'clusterrole.rbac.authorization.k8s.io "nope" not found',
    });
  });

  it("checks an update as it checks a create", async () => {
    const current = (await call(developer, "GET", `${roles("sandbox")}/readers`)).body;
    const widened = { ...current, rules: [{ verbs: ["*"], apiGroups: ["*"], resources: ["*"] }] };
    expect((await call(developer, "PUT", `${roles("sandbox")}/readers`, widened)).body).toMatchObject({
      code: 403,
      message: expect.stringContaining('roles.rbac.authorization.k8s.io "readers" is forbidden: user "knative-developer" (groups=["system:authenticated"]) is attempting to grant'),
    });
  });

  it("lets bind and escalate through, as kube-apiserver does", async () => {
    await call(cluster, "POST", `${RBAC}/clusterroles`, role("bind-cluster-admin", [{ verbs: ["bind"], apiGroups: ["rbac.authorization.k8s.io"], resources: ["clusterroles"], resourceNames: ["cluster-admin"] }]));
    await call(cluster, "POST", bindings("sandbox"), binding("developer-binds", "ClusterRole", "bind-cluster-admin", "knative-developer"));
    expect((await call(developer, "POST", bindings("sandbox"), binding("root", "ClusterRole", "cluster-admin"))).status).toBe(201);
    await call(cluster, "POST", `${RBAC}/clusterroles`, role("escalate-roles", [{ verbs: ["escalate"], apiGroups: ["rbac.authorization.k8s.io"], resources: ["roles"] }]));
    await call(cluster, "POST", bindings("sandbox"), binding("developer-escalates", "ClusterRole", "escalate-roles", "knative-developer"));
    expect((await call(developer, "POST", roles("sandbox"), role("anything", [{ verbs: ["*"], apiGroups: ["*"], resources: ["*"] }]))).status).toBe(201);
  });

  it("needs everything to set an aggregationRule", async () => {
    await call(cluster, "POST", `${RBAC}/clusterroles`, role("clusterrole-writer", [{ verbs: ["create"], apiGroups: ["rbac.authorization.k8s.io"], resources: ["clusterroles"] }]));
    await call(cluster, "POST", `${RBAC}/clusterrolebindings`, binding("developer-writes-clusterroles", "ClusterRole", "clusterrole-writer", "knative-developer"));
    const res = await call(developer, "POST", `${RBAC}/clusterroles`, { metadata: { name: "gatherer" }, aggregationRule: { clusterRoleSelectors: [{ matchLabels: { a: "b" } }] } });
    expect(res.body).toMatchObject({ code: 403, message: 'clusterroles.rbac.authorization.k8s.io "gatherer" is forbidden: must have cluster-admin privileges to use the aggregationRule' });
  });
});

describe("validation", () => {
  it.each([
    [roles("default"), role("no-verbs", [{ apiGroups: [""], resources: ["pods"] }]), 'Role.rbac.authorization.k8s.io "no-verbs" is invalid: rules[0].verbs: Required value: verbs must contain at least one value'],
    [roles("default"), role("urls", [{ verbs: ["get"], nonResourceURLs: ["/logs"] }]), 'Role.rbac.authorization.k8s.io "urls" is invalid: rules[0].nonResourceURLs: Invalid value: []string{"/logs"}: namespaced rules cannot apply to non-resource URLs'],
    [bindings("default"), binding("bad-kind", "Nope" as "Role", "x"), 'RoleBinding.rbac.authorization.k8s.io "bad-kind" is invalid: roleRef.kind: Unsupported value: "Nope": supported values: "Role", "ClusterRole"'],
    [`${RBAC}/clusterrolebindings`, binding("cluster-role-kind", "Role", "x"), 'ClusterRoleBinding.rbac.authorization.k8s.io "cluster-role-kind" is invalid: roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"'],
    [roles("default"), role("a/b", []), 'Role.rbac.authorization.k8s.io "a/b" is invalid: metadata.name: Invalid value: "a/b": may not contain \'/\''],
  ])("refuses %s %j", async (path, body, message) => {
    expect((await call(cluster, "POST", path, body)).body).toMatchObject({ code: 422, reason: "Invalid", message });
  });

  it("defaults the apiGroup of a binding's user and role reference, and keeps its roleRef", async () => {
    const created = await call(cluster, "POST", bindings("default"), { metadata: { name: "defaults" }, roleRef: { kind: "ClusterRole", name: "view" }, subjects: [{ kind: "User", name: "u" }, { kind: "ServiceAccount", name: "sa" }] });
    expect(created.body).toMatchObject({
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "view" },
      subjects: [{ kind: "User", apiGroup: "rbac.authorization.k8s.io", name: "u" }, { kind: "ServiceAccount", name: "sa" }],
    });
    const changed = await call(cluster, "PATCH", `${bindings("default")}/defaults`, { roleRef: { name: "edit" } }, { "Content-Type": "application/merge-patch+json" });
    expect(changed.body.message).toBe(
      'RoleBinding.rbac.authorization.k8s.io "defaults" is invalid: roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"edit"}: cannot change roleRef',
    );
  });
});

describe("aggregation", () => {
  it("a ClusterRole labelled aggregate-to-view extends view, edit and admin", async () => {
    await call(cluster, "POST", `${RBAC}/clusterroles`, {
      metadata: { name: "widgets-view", labels: { "rbac.authorization.k8s.io/aggregate-to-view": "true" } },
      rules: [{ verbs: ["get"], apiGroups: ["example.com"], resources: ["widgets"] }],
    });
    for (const name of ["view", "edit", "admin"]) {
      let rules: unknown[] = [];
      for (let i = 0; i < 50; i++) {
        rules = ((await call(cluster, "GET", `${RBAC}/clusterroles/${name}`)).body.rules as unknown[]) ?? [];
        if (rules.some((r) => JSON.stringify(r).includes("widgets"))) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(rules, name).toContainEqual({ verbs: ["get"], apiGroups: ["example.com"], resources: ["widgets"] });
    }
    // Knative's own roles are aggregated the same way.
    const view = (await call(cluster, "GET", `${RBAC}/clusterroles/view`)).body.rules;
    expect(view).toContainEqual({ verbs: ["get", "list", "watch"], apiGroups: ["serving.knative.dev", "networking.internal.knative.dev", "autoscaling.internal.knative.dev", "caching.internal.knative.dev"], resources: ["*"] });
  });
});
