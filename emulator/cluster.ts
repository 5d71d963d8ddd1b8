// The embedded cluster, assembled: store → registry (with admission) → API server, Knative's
// controllers, and the gateway. `startEmbeddedCluster` is what `npm run emulator`, the tests
// and the benches start; the console itself only ever talks to it over HTTPS, with the bearer
// token and the pinned certificate that the kubeconfig written here carries (emulator/credentials),
// as one of the identities RBAC authorizes (emulator/rbac).

import path from "node:path";
import { startApiServer } from "./api/server";
import { builtinAdmission } from "./core/builtin-admission";
import { certPath, loadOrCreateServingCert } from "./credentials/serving-cert";
import { loadOrCreateToken, tokenPath } from "./credentials/token";
import { startEventRetention } from "./core/event-retention";
import { ObjectRegistry } from "./core/object-registry";
import { checkStoredObject } from "./decoding/stored-objects";
import { startControllers } from "./controllers";
import { startGateway } from "./gateway";
import { knativeAdmissionPlugins } from "./knative/admission";
import { writeKubeconfig } from "./kubeconfig";
import { rbacAdmission } from "./rbac/admission";
import { prepareClusterAccess, type SeededIdentity } from "./rbac/cluster-access";
import { PodMetricsStore } from "./runtime/pod-metrics";
import { createPodProxy } from "./runtime/pod-proxy";
import { createTrafficStats } from "./runtime/traffic-stats";
import { describeIngress, isEmpty, seedCluster } from "./seed";
import { openSqliteStore } from "./store/sqlite-store";

export interface EmbeddedClusterOptions {
  dataDir: string;
  /** Kubernetes API port; 0 picks a free one. */
  port?: number;
  gatewayPort?: number;
  host?: string;
  domain?: string;
  /** Seed `helloworld-go` on an empty store (default true). */
  seed?: boolean;
  /** How long a new Revision takes to become Ready. */
  readyDelayMs?: number;
  /** How long a Revision without traffic keeps its pods. */
  scaleToZeroGraceMs?: number;
}

export interface EmbeddedCluster {
  apiUrl: string;
  gatewayUrl: string;
  kubeconfig: string;
  /** The bearer token the API server requires (the kubeconfig carries it). */
  token: string;
  /** Where the token is kept: DATA_DIR/token, owner-only. */
  tokenFile: string;
  /** The other identities, each a context of the kubeconfig with a token of its own (emulator/rbac/identities.ts). */
  identities: readonly SeededIdentity[];
  /** PEM of the certificate the API server presents, which its clients trust. */
  caCert: string;
  /** Where that certificate is kept: DATA_DIR/apiserver.crt. */
  caCertFile: string;
  registry: ObjectRegistry;
  /** Resolves when the controllers have nothing left to do (for tests). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export const DEFAULTS = {
  port: 7080,
  gatewayPort: 7081,
  host: "127.0.0.1",
  domain: "example.com",
  readyDelayMs: 1500,
  scaleToZeroGraceMs: 30_000,
};

export async function startEmbeddedCluster(opts: EmbeddedClusterOptions): Promise<EmbeddedCluster> {
  const host = opts.host ?? DEFAULTS.host;
  const domain = opts.domain ?? DEFAULTS.domain;
  // The store first: it refuses a data dir that is not the embedded cluster's, before any
  // credential is written into it.
  const store = openSqliteStore(opts.dataDir);
  const token = loadOrCreateToken(opts.dataDir);
  const tls = loadOrCreateServingCert(opts.dataDir, host);
  const access = prepareClusterAccess(path.resolve(opts.dataDir));
  const registry: ObjectRegistry = new ObjectRegistry(store, [rbacAdmission(() => registry), builtinAdmission, ...knativeAdmissionPlugins()], checkStoredObject);
  const stats = createTrafficStats();
  const podMetrics = new PodMetricsStore();

  const fresh = isEmpty(registry);
  const controllers = startControllers({
    registry,
    stats,
    domain,
    readyDelayMs: opts.readyDelayMs ?? DEFAULTS.readyDelayMs,
    scaleToZeroGraceMs: opts.scaleToZeroGraceMs ?? DEFAULTS.scaleToZeroGraceMs,
  });
  const gateway = await startGateway({ registry, stats, podMetrics, activator: controllers.activator, domain, host, port: opts.gatewayPort ?? DEFAULTS.gatewayPort });
  const api = await startApiServer({
    registry,
    podProxy: createPodProxy(registry, podMetrics),
    host,
    port: opts.port ?? DEFAULTS.port,
    token,
    identities: access.identities,
    serviceAccountTokens: access.serviceAccountTokens,
    tls,
  });
  if (fresh) seedCluster(registry, { seedSample: opts.seed ?? true });
  const stopAccessControllers = access.start(registry);
  describeIngress(registry, { host, port: gateway.port }, domain);
  const stopEventRetention = startEventRetention(registry);
  const kubeconfig = writeKubeconfig(path.resolve(opts.dataDir), api.url, { token, caCert: tls.cert, identities: access.identities });

  let stopped = false;
  return {
    apiUrl: api.url,
    gatewayUrl: gateway.url,
    kubeconfig,
    token,
    tokenFile: tokenPath(path.resolve(opts.dataDir)),
    identities: access.identities,
    caCert: tls.cert,
    caCertFile: certPath(path.resolve(opts.dataDir)),
    registry,
    idle: () => controllers.idle(),
    async stop() {
      if (stopped) return;
      stopped = true;
      controllers.stop();
      stopAccessControllers();
      stopEventRetention();
      await Promise.all([api.close(), gateway.close()]);
      store.close();
    },
  };
}
