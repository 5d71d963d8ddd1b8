// An API server with storage and the built-in admission only — no Knative controllers, no
// gateway — for testing the API machinery on its own.

import { KubeConfig } from "@kubernetes/client-node";
import { startApiServer, type RunningApiServer } from "../api/server";
import { builtinAdmission } from "../core/builtin-admission";
import { ObjectRegistry } from "../core/object-registry";
import { CONTROLLER } from "../core/registry";
import { NAMESPACES } from "../core/resources";
import { kubeconfigYaml } from "../kubeconfig";
import { openSqliteStore, type ObjectStore } from "../store/sqlite-store";
import { scratchDir } from "./temp-dir";

export interface ApiOnlyCluster {
  api: RunningApiServer;
  registry: ObjectRegistry;
  store: ObjectStore;
  dataDir: string;
  kubeConfig: KubeConfig;
  stop(): Promise<void>;
}

export function tempDataDir(prefix = "kc-test-"): string {
  return scratchDir(prefix);
}

export async function startApiOnly(opts: { changeLogSize?: number; dataDir?: string } = {}): Promise<ApiOnlyCluster> {
  const dataDir = opts.dataDir ?? tempDataDir();
  const store = openSqliteStore(dataDir, { changeLogSize: opts.changeLogSize });
  const registry = new ObjectRegistry(store, [builtinAdmission]);
  if (!registry.get(NAMESPACES, undefined, "default")) registry.create(NAMESPACES, { metadata: { name: "default" } }, CONTROLLER);
  const api = await startApiServer({ registry });
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(kubeconfigYaml(api.url));
  return {
    api,
    registry,
    store,
    dataDir,
    kubeConfig,
    async stop() {
      await api.close();
      store.close();
    },
  };
}
