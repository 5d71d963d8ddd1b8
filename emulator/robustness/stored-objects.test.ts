// A store written by an older build can hold an object this build refuses (the cluster once took
// `metadata.ownerReferences: {}`, and every later DELETE in that namespace killed the process,
// after every restart). The cluster must start, say which object and why, and keep working.

import { describe, expect, it } from "vitest";
import { apiKey, objectKey } from "../core/keys";
import { CONFIGMAPS, SERVICES } from "../core/resources";
import { openSqliteStore } from "../store/sqlite-store";
import { tempDataDir } from "../testing/api-only";
import { apiFetch } from "../testing/api-endpoint";
import { startClusterProcess } from "../testing/cluster-process";

const IMAGE = "ghcr.io/knative/helloworld-go:latest";

/** Writes objects into the data dir's store directly, as an older build would have stored them. */
function storeAsIs(dataDir: string, objects: Array<{ type: typeof SERVICES; object: Record<string, unknown> }>): void {
  const store = openSqliteStore(dataDir);
  const writes = objects.map(({ type, object }) => {
    const rv = store.nextResourceVersion();
    const meta = object.metadata as { namespace?: string; name: string; resourceVersion?: string };
    meta.resourceVersion = String(rv);
    const key = objectKey(meta.namespace, meta.name);
    return { api: apiKey(type), key, object: object as never, change: { rv, api: apiKey(type), type: "ADDED" as const, object: object as never } };
  });
  store.commit(writes);
  store.close();
}

describe("a store holding objects this build refuses", () => {
  it("starts, names each object and what is wrong, and survives deletes in its namespace", async () => {
    const dir = tempDataDir();
    // A first start creates the namespaces and the seed; then the old build's bad objects go in.
    const first = await startClusterProcess(dir, ["--no-seed"]);
    await first.stop();
    storeAsIs(dir, [
      {
        type: SERVICES,
        object: {
          apiVersion: "serving.knative.dev/v1",
          kind: "Service",
          metadata: { name: "broken-owner", namespace: "default", uid: "u-1", generation: 1, ownerReferences: {} },
          spec: { template: { spec: { containers: [{ image: IMAGE }] } } },
        },
      },
      {
        type: SERVICES,
        object: {
          apiVersion: "serving.knative.dev/v1",
          kind: "Service",
          metadata: { name: "broken-traffic", namespace: "default", uid: "u-2", generation: 1 },
          spec: { template: { spec: { containers: [{ image: IMAGE }] } }, traffic: "all" },
        },
      },
      { type: CONFIGMAPS, object: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "broken-data", namespace: "default", uid: "u-3", labels: "x" }, data: 5 } },
    ]);

    const cluster = await startClusterProcess(dir, ["--no-seed"]);
    try {
      const out = cluster.output();
      expect(out).toMatch(/stored Service default\/broken-owner would be refused by this build: metadata\.ownerReferences: json: cannot unmarshal object into Go struct field ObjectMeta\.ownerReferences of type \[\]v1\.OwnerReference \(dropped\)/);
      expect(out).toMatch(/stored Service default\/broken-traffic would be refused by this build: spec\.traffic: Invalid value: "string": spec\.traffic in body must be of type array: "string"/);
      expect(out).toMatch(/stored ConfigMap default\/broken-data would be refused by this build: metadata\.labels: .*\(dropped\); data: .*\(dropped\)/);

      // What killed the process before: a DELETE in the namespace, and the garbage collection after it.
      const cm = await apiFetch(cluster, "/api/v1/namespaces/default/configmaps", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ metadata: { name: "to-delete" } }),
      });
      expect(cm.status).toBe(201);
      for (const path of ["/api/v1/namespaces/default/configmaps/to-delete", "/apis/serving.knative.dev/v1/namespaces/default/services/broken-owner", "/api/v1/namespaces/default/configmaps/broken-data"]) {
        const deleted = await apiFetch(cluster, path, { method: "DELETE" });
        expect(deleted.status, path).toBe(200);
      }
      await new Promise((r) => setTimeout(r, 500)); // background garbage collection runs after the answer
      expect(cluster.child.exitCode).toBeNull();
      expect((await apiFetch(cluster, "/healthz")).status).toBe(200);
      const list = (await (await apiFetch(cluster, "/apis/serving.knative.dev/v1/namespaces/default/services")).json()) as { items: Array<{ metadata: { name: string } }> };
      expect(list.items.map((s) => s.metadata.name)).toEqual(["broken-traffic"]);
      expect(cluster.output()).not.toMatch(/TypeError|internal error/);
    } finally {
      await cluster.stop();
    }
  }, 60_000);
});
