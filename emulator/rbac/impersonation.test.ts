// Impersonation on a running embedded cluster: the admin acts as anyone; others only with the
// impersonate verb, each header checked, with kube-apiserver's refusals.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDataDir } from "../testing/api-only";
import { startClusterProcess, type ClusterProcess } from "../testing/cluster-process";
import { call, forbiddenStatus } from "./testing-http";

let cluster: ClusterProcess;
const WHOAMI = "/apis/authentication.k8s.io/v1/selfsubjectreviews";
const REVIEW = { apiVersion: "authentication.k8s.io/v1", kind: "SelfSubjectReview" };

beforeAll(async () => {
  cluster = await startClusterProcess(tempDataDir(), ["--no-seed"]);
  // A role to impersonate alice and the devs group, and nobody else.
  await call(cluster, "POST", "/apis/rbac.authorization.k8s.io/v1/clusterroles", {
    metadata: { name: "impersonate-devs" },
    rules: [
      { verbs: ["impersonate"], apiGroups: [""], resources: ["users"], resourceNames: ["alice"] },
      { verbs: ["impersonate"], apiGroups: [""], resources: ["groups"], resourceNames: ["devs"] },
    ],
  });
});
afterAll(async () => {
  await cluster?.stop();
});

const whoami = async (headers: Record<string, string | string[]>) => {
  const res = await call(cluster, "POST", WHOAMI, REVIEW, headers as Record<string, string>);
  return { status: res.status, userInfo: (res.body.status as { userInfo?: unknown } | undefined)?.userInfo, body: res.body };
};

describe("impersonation", () => {
  it("the admin acts as a user, with the groups asked for and system:authenticated", async () => {
    expect((await whoami({ "Impersonate-User": "alice" })).userInfo).toEqual({ username: "alice", groups: ["system:authenticated"] });
    const multi = await whoami({ "Impersonate-User": "alice", "Impersonate-Group": ["devs", "qa"], "Impersonate-Uid": "u-1", "Impersonate-Extra-Team%2Fname": "canary" });
    expect(multi.userInfo).toEqual({ username: "alice", uid: "u-1", groups: ["devs", "qa", "system:authenticated"], extra: { "team/name": ["canary"] } });
  });

  it("a ServiceAccount brings its groups", async () => {
    expect((await whoami({ "Impersonate-User": "system:serviceaccount:default:builder" })).userInfo).toEqual({
      username: "system:serviceaccount:default:builder",
      groups: ["system:serviceaccounts", "system:serviceaccounts:default", "system:authenticated"],
    });
  });

  it("and the impersonated user is then authorized as itself", async () => {
    const res = await call(cluster, "GET", "/api/v1/namespaces/default/configmaps", undefined, { "Impersonate-User": "alice" });
    expect(res.body).toEqual(forbiddenStatus('configmaps is forbidden: User "alice" cannot list resource "configmaps" in API group "" in the namespace "default"', { kind: "configmaps" }));
  });

  it("others need the impersonate verb: the viewer has none", async () => {
    const viewer = cluster.as.viewer;
    const refused = await call(viewer, "POST", WHOAMI, REVIEW, { "Impersonate-User": "alice" });
    expect(refused.body).toEqual(forbiddenStatus('users "alice" is forbidden: User "knative-viewer" cannot impersonate resource "users" in API group "" at the cluster scope', { name: "alice", kind: "users" }));
    const sa = await call(viewer, "POST", WHOAMI, REVIEW, { "Impersonate-User": "system:serviceaccount:team:bot" });
    expect(sa.body).toEqual(
      forbiddenStatus('serviceaccounts "bot" is forbidden: User "knative-viewer" cannot impersonate resource "serviceaccounts" in API group "" in the namespace "team"', { name: "bot", kind: "serviceaccounts" }),
    );
  });

  it("checks users, groups, uids and extras one by one, naming the first refused", async () => {
    // A requester with a token of its own and some impersonate rights: a ServiceAccount bound to them.
    await call(cluster, "POST", "/api/v1/namespaces/default/serviceaccounts", { metadata: { name: "lead" } });
    await call(cluster, "POST", "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", {
      metadata: { name: "lead-sa-impersonates" },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "impersonate-devs" },
      subjects: [{ kind: "ServiceAccount", name: "lead", namespace: "default" }],
    });
    const token = (await call(cluster, "POST", "/api/v1/namespaces/default/serviceaccounts/lead/token", { spec: {} })).body.status as { token: string };
    const lead = { ...cluster, token: token.token };
    const ok = await call(lead, "POST", WHOAMI, REVIEW, { "Impersonate-User": "alice", "Impersonate-Group": "devs" });
    expect((ok.body.status as { userInfo: unknown }).userInfo).toEqual({ username: "alice", groups: ["devs", "system:authenticated"] });
    const who = "system:serviceaccount:default:lead";
    expect((await call(lead, "POST", WHOAMI, REVIEW, { "Impersonate-User": "bob" })).body.message).toBe(`users "bob" is forbidden: User "${who}" cannot impersonate resource "users" in API group "" at the cluster scope`);
    expect((await call(lead, "POST", WHOAMI, REVIEW, { "Impersonate-User": "alice", "Impersonate-Group": "admins" })).body.message).toBe(
      `groups "admins" is forbidden: User "${who}" cannot impersonate resource "groups" in API group "" at the cluster scope`,
    );
    expect((await call(lead, "POST", WHOAMI, REVIEW, { "Impersonate-User": "alice", "Impersonate-Uid": "u-9" })).body).toEqual(
      forbiddenStatus(`uids.authentication.k8s.io "u-9" is forbidden: User "${who}" cannot impersonate resource "uids" in API group "authentication.k8s.io" at the cluster scope`, {
        name: "u-9",
        group: "authentication.k8s.io",
        kind: "uids",
      }),
    );
    expect((await call(lead, "POST", WHOAMI, REVIEW, { "Impersonate-User": "alice", "Impersonate-Extra-Scopes": "view" })).body.message).toBe(
      `userextras.authentication.k8s.io "view" is forbidden: User "${who}" cannot impersonate resource "userextras/scopes" in API group "authentication.k8s.io" at the cluster scope`,
    );
  });

  it("groups without a user are an error of the request, as kube-apiserver's", async () => {
    const res = await call(cluster, "POST", WHOAMI, REVIEW, { "Impersonate-Group": "devs" });
    expect(res.status).toBe(500);
    expect(res.body.message).toBe('Internal Server Error: "/apis/authentication.k8s.io/v1/selfsubjectreviews": requested [{Group  devs    }] without impersonating a user');
  });
});
