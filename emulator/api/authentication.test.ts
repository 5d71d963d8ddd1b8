// The API server's bearer token, over real HTTPS: what is refused without it (and with a wrong
// one), what stays open, and that kubectl's and client-node's way of sending it gets in.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CoreV1Api, KubeConfig, Watch } from "@kubernetes/client-node";
import YAML from "yaml";
import { startEmbeddedCluster } from "../cluster";
import { writeKubeconfig } from "../kubeconfig";
import { apiFetch, bearer, fetchTrusting, type RequestOptions } from "../testing/api-endpoint";
import { startApiOnly, tempDataDir, type ApiOnlyCluster } from "../testing/api-only";
import { hasKubectl, kubectlRunner } from "../testing/kubectl";

// kube-apiserver's answer, field for field (apierrors.NewUnauthorized("Unauthorized")).
const UNAUTHORIZED = { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: "Unauthorized", reason: "Unauthorized", code: 401 };

interface Kubeconfig {
  clusters: Array<{ name: string; cluster: { server: string; "certificate-authority-data": string } }>;
  users: Array<{ name: string; user: { token?: string } }>;
}

const configMap = (name: string) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name }, data: { written: "by whoever had no token" } });

let c: ApiOnlyCluster;
beforeAll(async () => {
  c = await startApiOnly();
});
afterAll(() => c.stop());

/** A request with only the credential given here (none by default). */
const send = (p: string, init: RequestOptions = {}) => fetchTrusting(c.tls.cert, `${c.api.url}${p}`, init);
const get = (p: string, headers: Record<string, string> = {}) => send(p, { headers });

async function expectUnauthorized(res: Response): Promise<void> {
  expect(res.status).toBe(401);
  expect(res.headers.get("content-type")).toBe("application/json");
  expect(await res.json()).toEqual(UNAUTHORIZED);
}

async function configMapNames(): Promise<string[]> {
  const res = await apiFetch(c.endpoint, "/api/v1/namespaces/default/configmaps");
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Array<{ metadata: { name: string } }> }).items.map((i) => i.metadata.name);
}

describe("requests without the token", () => {
  const wrongCredentials: Array<[string, () => Record<string, string>]> = [
    ["no Authorization header", () => ({})],
    ["a wrong token of the same length", () => bearer(c.token.replace(/^./, (ch) => (ch === "A" ? "B" : "A")))],
    ["a token of another length", () => bearer(`${c.token}x`)],
    ["a prefix of the token", () => bearer(c.token.slice(0, 10))],
    ["the token under the Basic scheme", () => ({ Authorization: `Basic ${Buffer.from(`admin:${c.token}`).toString("base64")}` })],
    ["the token with no scheme", () => ({ Authorization: c.token })],
    ["an empty bearer token", () => ({ Authorization: "Bearer " })],
  ];

  it.each(wrongCredentials)("%s: 401 with kube-apiserver's Status, and nothing created", async (_, headers) => {
    await expectUnauthorized(await get("/api/v1/namespaces", headers()));
    const name = `no-token-${Math.random().toString(36).slice(2, 10)}`;
    const post = await send("/api/v1/namespaces/default/configmaps", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers() },
      body: JSON.stringify(configMap(name)),
    });
    await expectUnauthorized(post);
    expect(await configMapNames()).not.toContain(name);
  });

  it("refuses discovery, OpenAPI, watches and the pod proxy as well", async () => {
    for (const p of ["/api", "/apis", "/api/v1", "/apis/serving.knative.dev/v1", "/openapi/v3", "/openapi/v2", "/api/v1/namespaces/default/pods/p:9090/proxy/metrics", "/api/v1/configmaps?watch=true", "/", "/no/such/path"]) {
      await expectUnauthorized(await get(p));
    }
  });

  it("refuses a text/plain POST, what a cross-site form sends", async () => {
    const name = `form-${Math.random().toString(36).slice(2, 10)}`;
    const post = await send("/api/v1/namespaces/default/configmaps", { method: "POST", headers: { "Content-Type": "text/plain" }, body: JSON.stringify(configMap(name)) });
    await expectUnauthorized(post);
    expect(await configMapNames()).not.toContain(name);
  });
});

describe("what stays open", () => {
  it("GET /version, /healthz, /livez and /readyz answer without a token", async () => {
    const version = await get("/version");
    expect(version.status).toBe(200);
    expect(await version.json()).toMatchObject({ major: "1" });
    for (const p of ["/healthz", "/livez", "/readyz", "/healthz/", "/version/"]) {
      const res = await get(p);
      expect(res.status, p).toBe(200);
    }
  });

  it("but a wrong token is refused there too, as kube-apiserver does not fall back to anonymous", async () => {
    await expectUnauthorized(await get("/version", bearer("wrong")));
    await expectUnauthorized(await get("/healthz", bearer("wrong")));
  });

  it("and only for reading", async () => {
    await expectUnauthorized(await send("/version", { method: "POST", body: "{}" }));
  });
});

describe("requests with the token", () => {
  it("read, create and list", async () => {
    const discovery = await apiFetch(c.endpoint, "/apis");
    expect(discovery.status).toBe(200);
    const name = `with-token-${Math.random().toString(36).slice(2, 10)}`;
    const post = await apiFetch(c.endpoint, "/api/v1/namespaces/default/configmaps", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(configMap(name)),
    });
    expect(post.status).toBe(201);
    expect(await configMapNames()).toContain(name);
  });

  it("takes the scheme in any case, as kube-apiserver does", async () => {
    expect((await get("/api/v1/namespaces", { Authorization: `bearer ${c.token}` })).status).toBe(200);
  });
});

describe("the token file and the kubeconfig", () => {
  it("is 0600, and the same across two starts on one data dir", async () => {
    const dataDir = tempDataDir();
    const first = await startApiOnly({ dataDir });
    await first.stop();
    const second = await startApiOnly({ dataDir });
    try {
      expect(second.token).toBe(first.token);
      expect(second.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const file = path.join(dataDir, "token");
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.readFileSync(file, "utf8").trim()).toBe(first.token);
      expect(second.tls).toEqual(first.tls);
      expect((await apiFetch(first.endpoint, `${second.api.url}/api/v1/namespaces`)).status).toBe(200);
    } finally {
      await second.stop();
    }
  });

  it("the kubeconfig carries the token and the certificate, and client-node sends the token (requests and watches)", async () => {
    const file = writeKubeconfig(tempDataDir(), c.api.url, { token: c.token, caCert: c.tls.cert });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const doc = YAML.parse(fs.readFileSync(file, "utf8")) as Kubeconfig;
    expect(doc.users).toEqual([{ name: "knative-local", user: { token: c.token } }]);
    // The server's certificate pinned, not insecure-skip-tls-verify.
    expect(doc.clusters).toEqual([{ name: "knative-local", cluster: { server: c.api.url, "certificate-authority-data": Buffer.from(c.tls.cert).toString("base64") } }]);

    const kc = new KubeConfig();
    kc.loadFromFile(file);
    const core = kc.makeApiClient(CoreV1Api);
    const name = `client-node-${Math.random().toString(36).slice(2, 10)}`;
    const seen = new Promise<string>((resolve, reject) => {
      void new Watch(kc)
        .watch("/api/v1/namespaces/default/configmaps", { fieldSelector: `metadata.name=${name}` }, (type) => resolve(type), (err: unknown) => err && reject(err as Error))
        .then((req) => seen.finally(() => req.abort()));
    });
    await new Promise((r) => setTimeout(r, 50)); // the watch is open before the write
    await core.createNamespacedConfigMap({ namespace: "default", body: { metadata: { name } } });
    expect(await seen).toBe("ADDED");
  });

  it("the embedded cluster keeps its token across restarts and writes it into its kubeconfig", async () => {
    const dataDir = tempDataDir();
    const first = await startEmbeddedCluster({ dataDir, port: 0, gatewayPort: 0, seed: false });
    await first.stop();
    const second = await startEmbeddedCluster({ dataDir, port: 0, gatewayPort: 0, seed: false });
    try {
      expect(second.token).toBe(first.token);
      expect(second.tokenFile).toBe(path.join(path.resolve(dataDir), "token"));
      const doc = YAML.parse(fs.readFileSync(second.kubeconfig, "utf8")) as Kubeconfig;
      expect(doc.users[0]!.user.token).toBe(second.token);
      expect(Buffer.from(doc.clusters[0]!.cluster["certificate-authority-data"], "base64").toString()).toBe(second.caCert);
      await expectUnauthorized(await fetchTrusting(second.caCert, `${second.apiUrl}/apis/serving.knative.dev/v1/services`));
      expect(fs.readFileSync(second.caCertFile, "utf8")).toBe(second.caCert);
      const kc = new KubeConfig();
      kc.loadFromFile(second.kubeconfig);
      expect((await kc.makeApiClient(CoreV1Api).listNamespace()).items.map((n) => n.metadata?.name)).toContain("default");
    } finally {
      await second.stop();
    }
  });
});

describe.runIf(hasKubectl())("kubectl", () => {
  it("sends the kubeconfig's token (client-go sends credentials over TLS only), and without it is refused", async () => {
    const dir = tempDataDir();
    const withToken = writeKubeconfig(dir, c.api.url, { token: c.token, caCert: c.tls.cert });
    const ok = await kubectlRunner(withToken)(["get", "--raw", "/api/v1/namespaces/default"]);
    expect(ok.stderr).toBe("");
    expect(JSON.parse(ok.stdout)).toMatchObject({ kind: "Namespace", metadata: { name: "default" } });

    const withoutToken = path.join(dir, "no-token");
    fs.writeFileSync(withoutToken, fs.readFileSync(withToken, "utf8").replace(c.token, "not-the-token"));
    const refused = await kubectlRunner(withoutToken)(["get", "--raw", "/api/v1/namespaces/default"]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("Unauthorized");
  });
});
