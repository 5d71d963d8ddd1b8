// RBAC on a running embedded cluster, over HTTPS with each identity's own token: what the viewer,
// the developer, a ServiceAccount and anonymous requests may and may not do, per verb and scope,
// watches and the pod proxy included; each refusal is kube-apiserver's 403 Status, and changes
// nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiFetch, fetchTrusting, type ApiEndpoint } from "../testing/api-endpoint";
import { tempDataDir } from "../testing/api-only";
import { startClusterProcess, type ClusterProcess } from "../testing/cluster-process";
import { call, forbiddenStatus } from "./testing-http";

let cluster: ClusterProcess;
let viewer: ApiEndpoint;
let developer: ApiEndpoint;

const KSVC = "/apis/serving.knative.dev/v1/namespaces/default/services";
const MERGE = { "Content-Type": "application/merge-patch+json" };

const forbidden = forbiddenStatus;

const ksvc = (name: string) => ({ apiVersion: "serving.knative.dev/v1", kind: "Service", metadata: { name }, spec: { template: { spec: { containers: [{ image: "ghcr.io/knative/helloworld-go" }] } } } });

/** A pod of the Service that has its IP: the API server proxies only to a pod with one (400 before). */
async function podOf(revisionLabel: string): Promise<string> {
  for (;;) {
    const pods = await call(cluster, "GET", `/api/v1/namespaces/default/pods?labelSelector=${encodeURIComponent(`serving.knative.dev/service=${revisionLabel}`)}`);
    const items = pods.body.items as Array<{ metadata: { name: string }; status?: { podIP?: string } }>;
    const running = items.find((p) => p.status?.podIP);
    if (running) return running.metadata.name;
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  cluster = await startClusterProcess(tempDataDir(), ["--scale-to-zero-grace-ms", "600000"]);
  ({ viewer, developer } = cluster.as);
  await call(cluster, "POST", "/api/v1/namespaces", { metadata: { name: "team" } });
  await call(cluster, "POST", "/apis/serving.knative.dev/v1/namespaces/team/services", ksvc("elsewhere"));
});
afterAll(async () => {
  await cluster?.stop();
});

describe("the viewer (view, everywhere)", () => {
  it("reads Knative and core resources in every namespace, and across them", async () => {
    for (const path of [KSVC, `${KSVC}/helloworld-go`, "/apis/serving.knative.dev/v1/services", "/apis/serving.knative.dev/v1/revisions", "/api/v1/namespaces", "/api/v1/namespaces/team/configmaps", "/api/v1/events", "/apis/apps/v1/deployments"]) {
      expect((await call(viewer, "GET", path)).status, path).toBe(200);
    }
  });

  it("cannot write anything, nor read Secrets", async () => {
    expect(await call(viewer, "PATCH", `${KSVC}/helloworld-go`, { metadata: { labels: { a: "b" } } }, MERGE)).toEqual({
      status: 403,
      body: forbidden('services.serving.knative.dev "helloworld-go" is forbidden: User "knative-viewer" cannot patch resource "services" in API group "serving.knative.dev" in the namespace "default"', {
        name: "helloworld-go",
        group: "serving.knative.dev",
        kind: "services",
      }),
    });
    expect((await call(viewer, "POST", KSVC, ksvc("by-viewer"))).body).toEqual(
      forbidden('services.serving.knative.dev is forbidden: User "knative-viewer" cannot create resource "services" in API group "serving.knative.dev" in the namespace "default"', {
        group: "serving.knative.dev",
        kind: "services",
      }),
    );
    expect((await call(viewer, "DELETE", "/api/v1/namespaces/team")).body).toEqual(
      forbidden('namespaces "team" is forbidden: User "knative-viewer" cannot delete resource "namespaces" in API group "" in the namespace "team"', { name: "team", kind: "namespaces" }),
    );
    expect((await call(viewer, "GET", "/api/v1/secrets")).body).toEqual(
      forbidden('secrets is forbidden: User "knative-viewer" cannot list resource "secrets" in API group "" at the cluster scope', { kind: "secrets" }),
    );
    expect((await call(cluster, "GET", `${KSVC}/by-viewer`)).status).toBe(404);
    expect((await call(cluster, "GET", "/api/v1/namespaces/team")).status).toBe(200);
  });

  it("reads queue-proxy statistics through the pod proxy (knative-console-metrics-reader)", async () => {
    const pod = await podOf("helloworld-go");
    const res = await apiFetch(viewer, `/api/v1/namespaces/default/pods/${pod}:9090/proxy/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/protobuf");
  });
});

describe("the developer (Knative in default)", () => {
  it("creates, patches and deletes Knative Services in default", async () => {
    expect((await call(developer, "POST", KSVC, ksvc("by-developer"))).status).toBe(201);
    const patched = await call(developer, "PATCH", `${KSVC}/by-developer`, { metadata: { labels: { team: "canary" } } }, MERGE);
    expect(patched.status).toBe(200);
    // Knative records who changed it: the developer, as the API server authenticated them.
    expect((patched.body.metadata as { annotations: Record<string, string> }).annotations["serving.knative.dev/creator"]).toBe("knative-developer");
    expect((await call(developer, "DELETE", `${KSVC}/by-developer`)).status).toBe(200);
  });

  it("reads what the console shows in default: pods, events, ConfigMaps, Secrets, deployments, the namespace", async () => {
    for (const path of ["/api/v1/namespaces/default/pods", "/api/v1/namespaces/default/events", "/api/v1/namespaces/default/configmaps", "/api/v1/namespaces/default/secrets", "/apis/apps/v1/namespaces/default/deployments", "/api/v1/namespaces/default"]) {
      expect((await call(developer, "GET", path)).status, path).toBe(200);
    }
  });

  it.each([
    ["GET", "/apis/serving.knative.dev/v1/namespaces/team/services", 'services.serving.knative.dev is forbidden: User "knative-developer" cannot list resource "services" in API group "serving.knative.dev" in the namespace "team"', { group: "serving.knative.dev", kind: "services" }],
    ["GET", "/apis/serving.knative.dev/v1/services", 'services.serving.knative.dev is forbidden: User "knative-developer" cannot list resource "services" in API group "serving.knative.dev" at the cluster scope', { group: "serving.knative.dev", kind: "services" }],
    ["GET", "/api/v1/namespaces", 'namespaces is forbidden: User "knative-developer" cannot list resource "namespaces" in API group "" at the cluster scope', { kind: "namespaces" }],
    ["DELETE", "/apis/serving.knative.dev/v1/namespaces/team/services/elsewhere", 'services.serving.knative.dev "elsewhere" is forbidden: User "knative-developer" cannot delete resource "services" in API group "serving.knative.dev" in the namespace "team"', { name: "elsewhere", group: "serving.knative.dev", kind: "services" }],
    ["DELETE", KSVC, 'services.serving.knative.dev is forbidden: User "knative-developer" cannot deletecollection resource "services" in API group "serving.knative.dev" in the namespace "default"', { group: "serving.knative.dev", kind: "services" }],
    ["PUT", "/api/v1/namespaces/default/configmaps/config", 'configmaps "config" is forbidden: User "knative-developer" cannot update resource "configmaps" in API group "" in the namespace "default"', { name: "config", kind: "configmaps" }],
    ["PATCH", "/api/v1/namespaces/default/pods/p", 'pods "p" is forbidden: User "knative-developer" cannot patch resource "pods" in API group "" in the namespace "default"', { name: "p", kind: "pods" }],
    ["POST", "/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings", 'rolebindings.rbac.authorization.k8s.io is forbidden: User "knative-developer" cannot create resource "rolebindings" in API group "rbac.authorization.k8s.io" in the namespace "default"', { group: "rbac.authorization.k8s.io", kind: "rolebindings" }],
  ])("is refused %s %s", async (method, path, message, details) => {
    const body = method === "PATCH" ? {} : method === "GET" || method === "DELETE" ? undefined : { metadata: { name: "config" } };
    expect(await call(developer, method, path, body, method === "PATCH" ? MERGE : {})).toEqual({ status: 403, body: forbidden(message, details) });
  });

  it("watches in default, and is refused a watch elsewhere before any event is sent", async () => {
    const ok = await apiFetch(developer, `${KSVC}?watch=true&timeoutSeconds=1`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('"name":"helloworld-go"');
    const refused = await call(developer, "GET", "/apis/serving.knative.dev/v1/namespaces/team/services?watch=true");
    expect(refused.body).toEqual(
      forbidden('services.serving.knative.dev is forbidden: User "knative-developer" cannot watch resource "services" in API group "serving.knative.dev" in the namespace "team"', {
        group: "serving.knative.dev",
        kind: "services",
      }),
    );
    // kubectl's single-object watch names the object through its field selector.
    const named = await call(developer, "GET", "/apis/serving.knative.dev/v1/namespaces/team/services?fieldSelector=metadata.name%3Delsewhere&watch=true");
    expect(named.body.message).toBe('services.serving.knative.dev "elsewhere" is forbidden: User "knative-developer" cannot watch resource "services" in API group "serving.knative.dev" in the namespace "team"');
  });
});

describe("a ServiceAccount, anonymous requests, and wrong tokens", () => {
  it("a default ServiceAccount exists in every namespace, new ones included, and holds no rights", async () => {
    const sas = await call(cluster, "GET", "/api/v1/serviceaccounts");
    const names = (sas.body.items as Array<{ metadata: { namespace: string; name: string } }>).map((s) => `${s.metadata.namespace}/${s.metadata.name}`);
    expect(names).toEqual(expect.arrayContaining(["default/default", "team/default", "kube-system/default", "knative-serving/default"]));
    const token = await call(cluster, "POST", "/api/v1/namespaces/team/serviceaccounts/default/token", { apiVersion: "authentication.k8s.io/v1", kind: "TokenRequest", spec: {} });
    const sa = { ...cluster, token: (token.body.status as { token: string }).token };
    const pod = await podOf("helloworld-go");
    expect((await call(sa, "GET", `/api/v1/namespaces/default/pods/${pod}:9090/proxy/metrics`)).body).toEqual(
      forbidden(`pods "${pod}:9090" is forbidden: User "system:serviceaccount:team:default" cannot get resource "pods/proxy" in API group "" in the namespace "default"`, { name: `${pod}:9090`, kind: "pods" }),
    );
  });

  it("anonymous: GET of /version and the health checks; HEAD is its own verb; everything else is 401", async () => {
    const anonymous = (method: string, path: string) => fetchTrusting(cluster.caCert, `${cluster.apiUrl}${path}`, { method });
    for (const path of ["/version", "/healthz", "/livez", "/readyz"]) expect((await anonymous("GET", path)).status, path).toBe(200);
    const head = await anonymous("HEAD", "/healthz");
    expect(head.status).toBe(403);
    const get = await fetchTrusting(cluster.caCert, `${cluster.apiUrl}/api`);
    expect(get.status).toBe(401);
  });

  it("a token nobody issued, and one for another audience, are refused on every path", async () => {
    const other = await call(cluster, "POST", "/api/v1/namespaces/default/serviceaccounts/default/token", { spec: { audiences: ["vault"] } });
    const foreign = (other.body.status as { token: string }).token;
    for (const token of [foreign, `${foreign.slice(0, -4)}AAAA`, "x.y.z"]) {
      expect((await call({ ...cluster, token }, "GET", "/version")).status).toBe(401);
    }
  });
});
