// The review APIs on a running embedded cluster: what each identity may do, asked by itself
// (SelfSubjectAccessReview, SelfSubjectRulesReview, SelfSubjectReview) or by the admin for
// someone else (SubjectAccessReview, LocalSubjectAccessReview), with the answers and refusals
// kube-apiserver gives.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDataDir } from "../testing/api-only";
import { startClusterProcess, type ClusterProcess } from "../testing/cluster-process";
import { call, forbiddenStatus } from "./testing-http";

let cluster: ClusterProcess;
const AUTHZ = "/apis/authorization.k8s.io/v1";
const ssar = (spec: unknown) => ({ apiVersion: "authorization.k8s.io/v1", kind: "SelfSubjectAccessReview", spec });
const patchKsvc = { namespace: "default", verb: "patch", group: "serving.knative.dev", resource: "services" };

beforeAll(async () => {
  cluster = await startClusterProcess(tempDataDir(), ["--no-seed"]);
});
afterAll(async () => {
  await cluster?.stop();
});

describe("SelfSubjectAccessReview", () => {
  it("answers allowed, naming the binding, with the spec as it was asked; 201", async () => {
    const res = await call(cluster.as.developer, "POST", `${AUTHZ}/selfsubjectaccessreviews`, ssar({ resourceAttributes: { ...patchKsvc, version: "" } }));
    expect(res).toEqual({
      status: 201,
      body: {
        kind: "SelfSubjectAccessReview",
        apiVersion: "authorization.k8s.io/v1",
        metadata: { creationTimestamp: null },
        spec: { resourceAttributes: patchKsvc },
        status: { allowed: true, reason: 'RBAC: allowed by RoleBinding "knative-developer/default" of Role "knative-developer" to User "knative-developer"' },
      },
    });
  });

  it("answers not allowed, without a reason, for what nothing grants", async () => {
    const res = await call(cluster.as.viewer, "POST", `${AUTHZ}/selfsubjectaccessreviews`, ssar({ resourceAttributes: patchKsvc }));
    expect(res.body.status).toEqual({ allowed: false });
    const path = await call(cluster.as.viewer, "POST", `${AUTHZ}/selfsubjectaccessreviews`, ssar({ nonResourceAttributes: { path: "/apis/serving.knative.dev", verb: "get" } }));
    expect(path.body.status).toEqual({ allowed: true, reason: 'RBAC: allowed by ClusterRoleBinding "system:discovery" of ClusterRole "system:discovery" to Group "system:authenticated"' });
  });

  it("refuses a review that asks nothing, or both things, naming the field", async () => {
    expect((await call(cluster.as.viewer, "POST", `${AUTHZ}/selfsubjectaccessreviews`, ssar({}))).body).toEqual({
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message: 'SelfSubjectAccessReview.authorization.k8s.io "" is invalid: spec.resourceAttributes: Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified',
      reason: "Invalid",
      details: {
        name: "",
        group: "authorization.k8s.io",
        kind: "SelfSubjectAccessReview",
        causes: [{ reason: "FieldValueInvalid", message: 'Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified', field: "spec.resourceAttributes" }],
      },
      code: 422,
    });
    const both = await call(cluster.as.viewer, "POST", `${AUTHZ}/selfsubjectaccessreviews`, ssar({ resourceAttributes: patchKsvc, nonResourceAttributes: { path: "/api", verb: "get" } }));
    expect(both.body.message).toBe(
      'SelfSubjectAccessReview.authorization.k8s.io "" is invalid: spec.nonResourceAttributes: Invalid value: &authorization.NonResourceAttributes{Path:"/api", Verb:"get"}: cannot be specified in combination with resourceAttributes',
    );
    const typo = await call(cluster.as.viewer, "POST", `${AUTHZ}/selfsubjectaccessreviews`, ssar({ resourceAttributes: { verb: 7 } }));
    expect(typo.body.message).toBe(
      "SelfSubjectAccessReview in version \"v1\" cannot be handled as a SelfSubjectAccessReview: json: cannot unmarshal number into Go struct field ResourceAttributes.spec.resourceAttributes.verb of type string",
    );
  });
});

describe("SelfSubjectRulesReview", () => {
  it("lists the rules that apply in the namespace", async () => {
    const res = await call(cluster.as.developer, "POST", `${AUTHZ}/selfsubjectrulesreviews`, { spec: { namespace: "default" } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: "SelfSubjectRulesReview", metadata: { creationTimestamp: null }, spec: {} });
    const status = res.body.status as { resourceRules: unknown[]; nonResourceRules: unknown[]; incomplete: boolean };
    expect(status.incomplete).toBe(false);
    expect(status.resourceRules).toContainEqual({ verbs: ["get", "list", "watch", "create", "update", "patch", "delete"], apiGroups: ["serving.knative.dev"], resources: ["*"] });
    expect(status.resourceRules).toContainEqual({ verbs: ["create"], apiGroups: ["authorization.k8s.io"], resources: ["selfsubjectaccessreviews", "selfsubjectrulesreviews"] });
    expect(status.nonResourceRules).toContainEqual({ verbs: ["get"], nonResourceURLs: ["/healthz", "/livez", "/readyz", "/version", "/version/"] });
    const elsewhere = await call(cluster.as.developer, "POST", `${AUTHZ}/selfsubjectrulesreviews`, { spec: { namespace: "kube-system" } });
    expect((elsewhere.body.status as { resourceRules: Array<{ apiGroups?: string[] }> }).resourceRules.some((r) => r.apiGroups?.includes("serving.knative.dev"))).toBe(false);
  });

  it("needs a namespace", async () => {
    const res = await call(cluster.as.developer, "POST", `${AUTHZ}/selfsubjectrulesreviews`, { spec: {} });
    expect(res).toMatchObject({ status: 400, body: { reason: "BadRequest", message: "no namespace on request" } });
  });
});

describe("SelfSubjectReview", () => {
  it("says who the request is made by", async () => {
    const res = await call(cluster.as.viewer, "POST", "/apis/authentication.k8s.io/v1/selfsubjectreviews", { apiVersion: "authentication.k8s.io/v1", kind: "SelfSubjectReview" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: "SelfSubjectReview", apiVersion: "authentication.k8s.io/v1", status: { userInfo: { username: "knative-viewer", groups: ["system:authenticated"] } } });
    expect((res.body.metadata as { creationTimestamp: string }).creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });
});

describe("SubjectAccessReview and LocalSubjectAccessReview", () => {
  const sar = (spec: unknown) => ({ apiVersion: "authorization.k8s.io/v1", kind: "SubjectAccessReview", spec });

  it("the admin asks for someone else", async () => {
    const res = await call(cluster, "POST", `${AUTHZ}/subjectaccessreviews`, sar({ user: "knative-developer", groups: ["system:authenticated"], resourceAttributes: patchKsvc }));
    expect(res.body.status).toEqual({ allowed: true, reason: 'RBAC: allowed by RoleBinding "knative-developer/default" of Role "knative-developer" to User "knative-developer"' });
    const local = await call(cluster, "POST", `${AUTHZ}/namespaces/default/localsubjectaccessreviews`, { ...sar({ user: "knative-viewer", resourceAttributes: patchKsvc }), kind: "LocalSubjectAccessReview" });
    expect(local.body.status).toEqual({ allowed: false });
  });

  it("refuses a review naming nobody, or another namespace than the path's", async () => {
    expect((await call(cluster, "POST", `${AUTHZ}/subjectaccessreviews`, sar({ resourceAttributes: patchKsvc }))).body.message).toBe(
      'SubjectAccessReview.authorization.k8s.io "" is invalid: spec.user: Invalid value: "": at least one of user or group must be specified',
    );
    const local = await call(cluster, "POST", `${AUTHZ}/namespaces/team/localsubjectaccessreviews`, { ...sar({ user: "x", resourceAttributes: patchKsvc }), kind: "LocalSubjectAccessReview" });
    expect(local).toMatchObject({ status: 400, body: { message: "spec.resourceAttributes.namespace must match namespace: team" } });
  });

  it("is the admin's: the viewer may not ask about others", async () => {
    const res = await call(cluster.as.viewer, "POST", `${AUTHZ}/subjectaccessreviews`, sar({ user: "x", resourceAttributes: patchKsvc }));
    expect(res.body).toEqual(
      forbiddenStatus('subjectaccessreviews.authorization.k8s.io is forbidden: User "knative-viewer" cannot create resource "subjectaccessreviews" in API group "authorization.k8s.io" at the cluster scope', {
        group: "authorization.k8s.io",
        kind: "subjectaccessreviews",
      }),
    );
  });

  it("reviews are only ever created", async () => {
    expect((await call(cluster, "GET", `${AUTHZ}/selfsubjectaccessreviews`)).status).toBe(405);
  });
});
