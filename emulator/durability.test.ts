// State lives in --data-dir: every acknowledged write survives kill -9, and a data directory
// that is not ours, or is damaged, is refused with a clear message rather than overwritten.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { CustomObjectsApi, KubeConfig } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { tempDataDir } from "./testing/api-only";
import { startClusterProcess } from "./testing/cluster-process";

const G = { group: "serving.knative.dev", version: "v1", plural: "services", namespace: "default" };

function client(kubeconfig: string) {
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfig);
  return kc.makeApiClient(CustomObjectsApi);
}

describe("durability", () => {
  it("keeps every acknowledged write across kill -9", async () => {
    const dir = tempDataDir();
    const first = await startClusterProcess(dir, ["--no-seed"]);
    const api = client(first.kubeconfig);
    const names: string[] = [];
    for (let i = 0; i < 25; i++) {
      const name = `svc-${i}`;
      await api.createNamespacedCustomObject({
        ...G,
        body: { apiVersion: "serving.knative.dev/v1", kind: "Service", metadata: { name }, spec: { template: { spec: { containers: [{ image: "ghcr.io/knative/helloworld-go" }] } } } },
      });
      names.push(name); // acknowledged
    }
    const last = (await api.getNamespacedCustomObject({ ...G, name: "svc-24" })) as { metadata: { uid: string } };
    await first.kill9();

    const second = await startClusterProcess(dir, ["--no-seed"]);
    try {
      const list = (await client(second.kubeconfig).listNamespacedCustomObject(G)) as { items: Array<{ metadata: { name: string; uid: string } }> };
      const stored = list.items.map((i) => i.metadata.name);
      for (const n of names) expect(stored).toContain(n);
      expect(list.items.find((i) => i.metadata.name === "svc-24")!.metadata.uid).toBe(last.metadata.uid);
    } finally {
      await second.stop();
    }
  });

  it("exits cleanly on SIGTERM", async () => {
    const c = await startClusterProcess(tempDataDir(), ["--no-seed"]);
    expect(await c.stop()).toBe(0);
  });

  it("refuses a data directory holding another program's database", async () => {
    const dir = tempDataDir();
    const db = new Database(path.join(dir, "cluster.db"));
    db.exec("CREATE TABLE users (id INTEGER)");
    db.close();
    await expect(startClusterProcess(dir)).rejects.toThrow(/was not written by the embedded cluster; refusing to use it/);
  });

  it("refuses a corrupt database with a clear error", async () => {
    const dir = tempDataDir();
    fs.writeFileSync(path.join(dir, "cluster.db"), "this is not a database, just text that happens to be here".repeat(100));
    await expect(startClusterProcess(dir)).rejects.toThrow(/is not a usable embedded-cluster database: file is not a database/);
  });
});
