// An API server with storage and the built-in admission only (kube-apiserver's own, RBAC's
// included) — no Knative controllers, no gateway — for testing the API machinery on its own.

import { KubeConfig } from "@kubernetes/client-node";
import { startApiServer, type RunningApiServer } from "../api/server";
import { builtinAdmission } from "../core/builtin-admission";
import { ObjectRegistry } from "../core/object-registry";
import { CONTROLLER } from "../core/registry";
import { NAMESPACES } from "../core/resources";
import { loadOrCreateServingCert, type ServingCert } from "../credentials/serving-cert";
import { loadOrCreateToken } from "../credentials/token";
import { kubeconfigYaml } from "../kubeconfig";
import { rbacAdmission } from "../rbac/admission";
import { openSqliteStore, type ObjectStore } from "../store/sqlite-store";
import type { ApiEndpoint } from "./api-endpoint";
import { scratchDir } from "./temp-dir";

export interface ApiOnlyCluster {
  api: RunningApiServer;
  registry: ObjectRegistry;
  store: ObjectStore;
  dataDir: string;
  /** The bearer token the API server requires; `kubeConfig` carries it. */
  token: string;
  /** The certificate the API server presents (`kubeConfig` pins it), and its key. */
  tls: ServingCert;
  /** The URL, token and certificate for plain requests (testing/api-endpoint). */
  endpoint: ApiEndpoint;
  kubeConfig: KubeConfig;
  stop(): Promise<void>;
}

export function tempDataDir(prefix = "kc-test-"): string {
  return scratchDir(prefix);
}

export async function startApiOnly(opts: { changeLogSize?: number; dataDir?: string } = {}): Promise<ApiOnlyCluster> {
  const dataDir = opts.dataDir ?? tempDataDir();
  const store = openSqliteStore(dataDir, { changeLogSize: opts.changeLogSize });
  const registry: ObjectRegistry = new ObjectRegistry(store, [rbacAdmission(() => registry), builtinAdmission]);
  if (!registry.get(NAMESPACES, undefined, "default")) registry.create(NAMESPACES, { metadata: { name: "default" } }, CONTROLLER);
  const token = loadOrCreateToken(dataDir);
  const tls = loadOrCreateServingCert(dataDir, "127.0.0.1");
  const api = await startApiServer({ registry, token, tls });
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(kubeconfigYaml(api.url, { token, caCert: tls.cert }));
  return {
    api,
    registry,
    store,
    dataDir,
    token,
    tls,
    endpoint: { apiUrl: api.url, token, caCert: tls.cert },
    kubeConfig,
    async stop() {
      await api.close();
      store.close();
    },
  };
}
