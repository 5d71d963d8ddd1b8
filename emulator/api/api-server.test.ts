// The API machinery through @kubernetes/client-node over HTTP, as the console uses it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiException, CoreV1Api, CustomObjectsApi, PatchStrategy, Watch, setHeaderOptions } from "@kubernetes/client-node";
import { startApiOnly, type ApiOnlyCluster } from "../testing/api-only";
import { apiFetch, bearer } from "../testing/api-endpoint";
import { startApiServer } from "./server";
import type { IncomingHttpHeaders } from "node:http";
import https from "node:https";

const G = { group: "serving.knative.dev", version: "v1", plural: "services" };
const ksvc = (name: string, labels: Record<string, string> = {}) => ({
  apiVersion: "serving.knative.dev/v1",
  kind: "Service",
  metadata: { name, namespace: "default", labels },
  spec: { template: { spec: { containers: [{ image: "ghcr.io/knative/helloworld-go" }] } } },
});

function statusOf(err: unknown): { code: number; reason?: string; message: string } {
  expect(err).toBeInstanceOf(ApiException);
  return JSON.parse((err as ApiException<string>).body) as { code: number; reason?: string; message: string };
}

let c: ApiOnlyCluster;
let custom: CustomObjectsApi;
let core: CoreV1Api;
beforeAll(async () => {
  c = await startApiOnly({ changeLogSize: 50 });
  custom = c.kubeConfig.makeApiClient(CustomObjectsApi);
  core = c.kubeConfig.makeApiClient(CoreV1Api);
});
afterAll(() => c.stop());

describe("custom resources over HTTP", () => {
  it("creates, reads and lists with label selectors", async () => {
    const created = (await custom.createNamespacedCustomObject({ ...G, namespace: "default", body: ksvc("a", { team: "x" }) })) as { metadata: { uid: string; generation: number; resourceVersion: string } };
    expect(created.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.metadata.generation).toBe(1);
    await custom.createNamespacedCustomObject({ ...G, namespace: "default", body: ksvc("b", { team: "y" }) });
    const list = (await custom.listNamespacedCustomObject({ ...G, namespace: "default", labelSelector: "team in (x,z)" })) as { items: Array<{ metadata: { name: string } }> };
    expect(list.items.map((i) => i.metadata.name)).toEqual(["a"]);
    const all = (await custom.listClusterCustomObject({ ...G, fieldSelector: "metadata.name=b" })) as { items: unknown[] };
    expect(all.items).toHaveLength(1);
  });

  it("refuses a duplicate with 409 AlreadyExists", async () => {
    const err = await custom.createNamespacedCustomObject({ ...G, namespace: "default", body: ksvc("a") }).catch((e: unknown) => e);
    expect(statusOf(err)).toMatchObject({ code: 409, reason: "AlreadyExists", message: 'services.serving.knative.dev "a" already exists' });
  });

  it("answers 404 NotFound with the Kubernetes message", async () => {
    const err = await custom.getNamespacedCustomObject({ ...G, namespace: "default", name: "nope" }).catch((e: unknown) => e);
    expect(statusOf(err)).toMatchObject({ code: 404, reason: "NotFound", message: 'services.serving.knative.dev "nope" not found' });
  });

  it("rejects a stale write with 409 Conflict and keeps the newer object", async () => {
    const first = (await custom.getNamespacedCustomObject({ ...G, namespace: "default", name: "a" })) as ReturnType<typeof ksvc> & { metadata: { resourceVersion: string } };
    const winner = structuredClone(first);
    winner.spec.template.spec.containers[0]!.image = "ghcr.io/knative/helloworld-go:v2";
    const saved = (await custom.replaceNamespacedCustomObject({ ...G, namespace: "default", name: "a", body: winner })) as { metadata: { generation: number } };
    expect(saved.metadata.generation).toBe(2);
    const loser = structuredClone(first);
    loser.spec.template.spec.containers[0]!.image = "ghcr.io/knative/helloworld-go:v3";
    const err = await custom.replaceNamespacedCustomObject({ ...G, namespace: "default", name: "a", body: loser }).catch((e: unknown) => e);
    expect(statusOf(err)).toMatchObject({ code: 409, reason: "Conflict" });
    const now = (await custom.getNamespacedCustomObject({ ...G, namespace: "default", name: "a" })) as ReturnType<typeof ksvc>;
    expect(now.spec.template.spec.containers[0]!.image).toBe("ghcr.io/knative/helloworld-go:v2");
  });

  it("applies merge patches and JSON patches, and refuses strategic merge on a custom resource", async () => {
    const merged = (await custom.patchNamespacedCustomObject(
      { ...G, namespace: "default", name: "b", body: { metadata: { labels: { team: "z" } } } },
      setHeaderOptions("Content-Type", PatchStrategy.MergePatch),
    )) as { metadata: { labels: Record<string, string>; generation: number } };
    expect(merged.metadata.labels.team).toBe("z");
    expect(merged.metadata.generation).toBe(1); // labels are not spec
    const patched = (await custom.patchNamespacedCustomObject({
      ...G,
      namespace: "default",
      name: "b",
      body: [{ op: "replace", path: "/spec/template/spec/containers/0/image", value: "x/y:1" }],
    })) as ReturnType<typeof ksvc> & { metadata: { generation: number } };
    expect(patched.spec.template.spec.containers[0]!.image).toBe("x/y:1");
    expect(patched.metadata.generation).toBe(2);
    const err = await custom
      .patchNamespacedCustomObject({ ...G, namespace: "default", name: "b", body: { spec: {} } }, setHeaderOptions("Content-Type", PatchStrategy.StrategicMergePatch))
      .catch((e: unknown) => e);
    expect(statusOf(err)).toMatchObject({ code: 415, reason: "UnsupportedMediaType" });
  });

  it("does not bump the resourceVersion of a no-op patch", async () => {
    const before = (await custom.getNamespacedCustomObject({ ...G, namespace: "default", name: "b" })) as { metadata: { resourceVersion: string } };
    const after = (await custom.patchNamespacedCustomObject(
      { ...G, namespace: "default", name: "b", body: { metadata: { labels: { team: "z" } } } },
      setHeaderOptions("Content-Type", PatchStrategy.MergePatch),
    )) as { metadata: { resourceVersion: string } };
    expect(after.metadata.resourceVersion).toBe(before.metadata.resourceVersion);
  });

  it("pages lists with limit and continue", async () => {
    for (const n of ["p1", "p2", "p3"]) await custom.createNamespacedCustomObject({ ...G, namespace: "default", body: ksvc(n, { page: "yes" }) });
    const page1 = (await custom.listNamespacedCustomObject({ ...G, namespace: "default", labelSelector: "page", limit: 2 })) as { items: Array<{ metadata: { name: string } }>; metadata: { continue?: string } };
    expect(page1.items.map((i) => i.metadata.name)).toEqual(["p1", "p2"]);
    const page2 = (await custom.listNamespacedCustomObject({ ...G, namespace: "default", labelSelector: "page", limit: 2, _continue: page1.metadata.continue })) as { items: Array<{ metadata: { name: string } }>; metadata: { continue?: string } };
    expect(page2.items.map((i) => i.metadata.name)).toEqual(["p3"]);
    expect(page2.metadata.continue).toBeUndefined();
  });
});

describe("watches", () => {
  it("resumes from a resourceVersion and replays only later changes", async () => {
    const list = (await custom.listNamespacedCustomObject({ ...G, namespace: "default" })) as { metadata: { resourceVersion: string } };
    await custom.createNamespacedCustomObject({ ...G, namespace: "default", body: ksvc("w1") });
    const seen: string[] = [];
    const watch = new Watch(c.kubeConfig);
    const done = new Promise<void>((resolve) => {
      void watch
        .watch(
          "/apis/serving.knative.dev/v1/namespaces/default/services",
          { resourceVersion: list.metadata.resourceVersion },
          (type, obj: { metadata: { name: string } }) => {
            seen.push(`${type} ${obj.metadata.name}`);
            if (seen.length === 2) resolve();
          },
          () => undefined,
        )
        .then((req) => done.finally(() => req.abort()));
    });
    await new Promise((r) => setTimeout(r, 50));
    await custom.deleteNamespacedCustomObject({ ...G, namespace: "default", name: "w1" });
    await done;
    expect(seen).toEqual(["ADDED w1", "DELETED w1"]);
  });

  it("answers 410 Expired only for versions older than the change log", async () => {
    for (let i = 0; i < 60; i++) await core.createNamespacedConfigMap({ namespace: "default", body: { metadata: { name: `cm-${i}` }, data: { i: String(i) } } });
    const url = `${c.api.url}/apis/serving.knative.dev/v1/namespaces/default/services?watch=true&resourceVersion=1`;
    const text = await (await apiFetch(c.endpoint, url)).text();
    const event = JSON.parse(text.trim()) as { type: string; object: { code: number; reason: string } };
    expect(event.type).toBe("ERROR");
    expect(event.object).toMatchObject({ code: 410, reason: "Expired" });
    const recent = c.registry.resourceVersion() - 5;
    const ac = new AbortController();
    const res = await apiFetch(c.endpoint, `${c.api.url}/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=${recent}&timeoutSeconds=1`, { signal: ac.signal });
    const lines = (await res.text()).trim().split("\n").map((l) => JSON.parse(l) as { type: string });
    expect(lines).toHaveLength(5);
    expect(lines.every((l) => l.type === "ADDED")).toBe(true);
  });
});

describe("watch options", () => {
  it("sends the initial state as ADDED for resourceVersion 0, and ends at timeoutSeconds", async () => {
    const started = Date.now();
    const res = await apiFetch(c.endpoint, `${c.api.url}/apis/serving.knative.dev/v1/namespaces/default/services?watch=1&resourceVersion=0&fieldSelector=metadata.name%3Da&timeoutSeconds=1`);
    const events = (await res.text()).trim().split("\n").map((l) => JSON.parse(l) as { type: string; object: { metadata: { name: string } } });
    expect(events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(["ADDED a"]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("sends bookmarks with the newest resourceVersion when asked", async () => {
    const { registry } = c;
    const server = await startApiServer({ registry, bookmarkIntervalMs: 100, token: c.token, tls: c.tls });
    try {
      const rv = registry.resourceVersion();
      const res = await apiFetch(c.endpoint, `${server.url}/api/v1/namespaces/default/configmaps?watch=true&allowWatchBookmarks=true&resourceVersion=${rv}&timeoutSeconds=1`);
      const events = (await res.text()).trim().split("\n").map((l) => JSON.parse(l) as { type: string; object: { metadata: { resourceVersion: string } } });
      expect(events.length).toBeGreaterThan(0);
      expect(events.every((e) => e.type === "BOOKMARK" && e.object.metadata.resourceVersion === String(rv))).toBe(true);
    } finally {
      await server.close();
    }
  });

  it("ends a watch at its timeout without writing after the end, however often bookmarks come due", async () => {
    const { registry } = c;
    // A bookmark every millisecond: some fall between the timeout's end and the response's close.
    const server = await startApiServer({ registry, bookmarkIntervalMs: 1, token: c.token, tls: c.tls });
    try {
      const res = await apiFetch(c.endpoint, `${server.url}/api/v1/namespaces/default/configmaps?watch=true&allowWatchBookmarks=true&resourceVersion=${registry.resourceVersion()}&timeoutSeconds=1`);
      const lines = (await res.text()).trim().split("\n");
      expect(lines.every((l) => (JSON.parse(l) as { type: string }).type === "BOOKMARK")).toBe(true);
      // Any write after the end would surface as an uncaught error a moment later.
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await server.close();
    }
  });
});

describe("compression", () => {
  it("gzips large answers for clients that accept it, as kube-apiserver does", async () => {
    for (let i = 0; i < 150; i++) {
      await core.createNamespacedConfigMap({ namespace: "default", body: { metadata: { name: `big-${i}` }, data: { blob: "x".repeat(1000) } } });
    }
    const headersFor = (encoding: string) =>
      new Promise<IncomingHttpHeaders>((resolve, reject) => {
        https.get(`${c.api.url}/api/v1/namespaces/default/configmaps`, { ca: c.tls.cert, headers: { "Accept-Encoding": encoding, ...bearer(c.token) } }, (res) => {
          res.resume();
          resolve(res.headers);
        }).on("error", reject);
      });
    expect((await headersFor("gzip"))["content-encoding"]).toBe("gzip");
    expect((await headersFor("identity"))["content-encoding"]).toBeUndefined();
    const list = await core.listNamespacedConfigMap({ namespace: "default" }); // client-node accepts gzip
    expect(list.items.filter((cm) => cm.metadata?.name?.startsWith("big-"))).toHaveLength(150);
  });
});

describe("discovery and tables", () => {
  it("serves aggregated discovery with Knative's short names", async () => {
    const res = await apiFetch(c.endpoint, `${c.api.url}/apis`, { headers: { Accept: "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json" } });
    expect(res.headers.get("content-type")).toContain("as=APIGroupDiscoveryList");
    const body = (await res.json()) as { items: Array<{ metadata: { name: string }; versions: Array<{ resources: Array<{ resource: string; shortNames?: string[] }> }> }> };
    const serving = body.items.find((i) => i.metadata.name === "serving.knative.dev")!;
    expect(serving.versions[0]!.resources.find((r) => r.resource === "services")!.shortNames).toEqual(["kservice", "ksvc"]);
  });

  it("prints the CRD's columns as a Table", async () => {
    const res = await apiFetch(c.endpoint, `${c.api.url}/apis/serving.knative.dev/v1/namespaces/default/services`, {
      headers: { Accept: "application/json;as=Table;v=v1;g=meta.k8s.io,application/json" },
    });
    const table = (await res.json()) as { kind: string; columnDefinitions: Array<{ name: string }>; rows: Array<{ object: { kind: string } }> };
    expect(table.kind).toBe("Table");
    expect(table.columnDefinitions.map((d) => d.name)).toEqual(["Name", "URL", "LatestCreated", "LatestReady", "Ready", "Reason"]);
    expect(table.rows[0]!.object.kind).toBe("PartialObjectMetadata");
  });
});
