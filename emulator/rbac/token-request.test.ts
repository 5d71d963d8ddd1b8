// TokenRequest (kubectl create token) on a running embedded cluster: a JWT the cluster accepts as
// the ServiceAccount, for as long as asked and as long as the ServiceAccount lives, and the
// refusals kube-apiserver gives.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDataDir } from "../testing/api-only";
import { startClusterProcess, type ClusterProcess } from "../testing/cluster-process";
import { call } from "./testing-http";

let cluster: ClusterProcess;
const dataDir = tempDataDir();
const SA = "/api/v1/namespaces/default/serviceaccounts";
const request = (spec: unknown, metadata: unknown = {}) => ({ apiVersion: "authentication.k8s.io/v1", kind: "TokenRequest", metadata, spec });

async function tokenFor(name: string, spec: unknown = {}) {
  const res = await call(cluster, "POST", `${SA}/${name}/token`, request(spec));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { spec: Record<string, unknown>; status: { token: string; expirationTimestamp: string } };
}

const whoami = (token: string) => call({ ...cluster, token }, "POST", "/apis/authentication.k8s.io/v1/selfsubjectreviews", { kind: "SelfSubjectReview", apiVersion: "authentication.k8s.io/v1" });

beforeAll(async () => {
  cluster = await startClusterProcess(dataDir, ["--no-seed"]);
  await call(cluster, "POST", SA, { metadata: { name: "builder" } });
});
afterAll(async () => {
  await cluster?.stop();
});

describe("TokenRequest", () => {
  it("issues a JWT for an hour, for the API server's audience, that signs in as the ServiceAccount", async () => {
    const before = Date.now();
    const answer = await tokenFor("builder");
    expect(answer.spec).toEqual({ audiences: ["https://kubernetes.default.svc.cluster.local"], expirationSeconds: 3600 });
    expect(answer.status.token.split(".")).toHaveLength(3);
    const expires = Date.parse(answer.status.expirationTimestamp);
    expect(expires).toBeGreaterThanOrEqual(before + 3599_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 3600_000);
    const claims = JSON.parse(Buffer.from(answer.status.token.split(".")[1]!, "base64url").toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ iss: "https://kubernetes.default.svc.cluster.local", sub: "system:serviceaccount:default:builder", "kubernetes.io": { namespace: "default", serviceaccount: { name: "builder" } } });
    const me = await whoami(answer.status.token);
    const sa = await call(cluster, "GET", `${SA}/builder`);
    expect((me.body.status as { userInfo: unknown }).userInfo).toEqual({
      username: "system:serviceaccount:default:builder",
      uid: (sa.body.metadata as { uid: string }).uid,
      groups: ["system:serviceaccounts", "system:serviceaccounts:default", "system:authenticated"],
      extra: { "authentication.kubernetes.io/credential-id": [`JTI=${String(claims.jti)}`] },
    });
  });

  it("is accepted across a restart, and no longer once the ServiceAccount is gone", async () => {
    const { status } = await tokenFor("builder");
    // The same data dir, a new process: the signing key is the data dir's.
    await cluster.stop();
    cluster = await startClusterProcess(dataDir, ["--no-seed"]);
    expect((await whoami(status.token)).status).toBe(201);
    expect((await call(cluster, "DELETE", `${SA}/builder`)).status).toBe(200);
    expect((await whoami(status.token)).status).toBe(401);
    // A new ServiceAccount of the same name is another one (another uid).
    await call(cluster, "POST", SA, { metadata: { name: "builder" } });
    expect((await whoami(status.token)).status).toBe(401);
  });

  it.each([
    [{ expirationSeconds: 60 }, 'TokenRequest.authentication.k8s.io "builder" is invalid: spec.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes'],
    [{ expirationSeconds: 2 ** 33 }, 'TokenRequest.authentication.k8s.io "builder" is invalid: spec.expirationSeconds: Invalid value: 8589934592: may not specify a duration larger than 2^32 seconds'],
  ])("refuses %j", async (spec, message) => {
    const res = await call(cluster, "POST", `${SA}/builder/token`, request(spec));
    expect(res).toMatchObject({ status: 422, body: { reason: "Invalid", message } });
  });

  it("refuses another name in the body, a missing ServiceAccount, and a binding to a kind it cannot bind", async () => {
    expect((await call(cluster, "POST", `${SA}/builder/token`, request({}, { name: "other" }))).body.message).toBe(
      'TokenRequest.authentication.k8s.io "builder" is invalid: metadata.name: Invalid value: "other": must match the service account name if specified',
    );
    expect((await call(cluster, "POST", `${SA}/nobody/token`, request({}))).body).toMatchObject({ code: 404, message: 'serviceaccounts "nobody" not found' });
    expect((await call(cluster, "POST", `${SA}/builder/token`, request({ boundObjectRef: { kind: "ConfigMap", apiVersion: "v1", name: "x" } }))).body).toMatchObject({
      code: 400,
      message: "cannot bind token to object of type /v1, Kind=ConfigMap",
    });
  });

  it("binds a token to a Secret: it signs in while the Secret exists", async () => {
    await call(cluster, "POST", "/api/v1/namespaces/default/secrets", { metadata: { name: "holder" } });
    const { status } = await tokenFor("builder", { boundObjectRef: { kind: "Secret", apiVersion: "v1", name: "holder" } });
    expect((await whoami(status.token)).status).toBe(201);
    await call(cluster, "DELETE", "/api/v1/namespaces/default/secrets/holder");
    expect((await whoami(status.token)).status).toBe(401);
  });

  it("is created with the edit role's serviceaccounts/token right, and refused to the viewer", async () => {
    const res = await call(cluster.as.viewer, "POST", `${SA}/builder/token`, request({}));
    expect(res.body.message).toBe('serviceaccounts "builder" is forbidden: User "knative-viewer" cannot create resource "serviceaccounts/token" in API group "" in the namespace "default"');
  });
});
