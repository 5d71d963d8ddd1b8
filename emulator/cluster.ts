// The embedded cluster, assembled: store → registry (with admission) → API server, Knative's
// controllers, and the gateway. `startEmbeddedCluster` is what `npm run emulator`, the tests
// and the benches start; the console itself only ever talks to it over HTTP.

import path from "node:path";
import { startApiServer } from "./api/server";
import { builtinAdmission } from "./core/builtin-admission";
import { startEventRetention } from "./core/event-retention";
import { ObjectRegistry } from "./core/object-registry";
import { startControllers } from "./controllers";
import { startGateway } from "./gateway";
import { knativeAdmissionPlugins } from "./knative/admission";
import { writeKubeconfig } from "./kubeconfig";
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
  const store = openSqliteStore(opts.dataDir);
  const registry = new ObjectRegistry(store, [builtinAdmission, ...knativeAdmissionPlugins()]);
  const stats = createTrafficStats();

  const fresh = isEmpty(registry);
  const controllers = startControllers({
    registry,
    stats,
    domain,
    readyDelayMs: opts.readyDelayMs ?? DEFAULTS.readyDelayMs,
    scaleToZeroGraceMs: opts.scaleToZeroGraceMs ?? DEFAULTS.scaleToZeroGraceMs,
  });
  const gateway = await startGateway({ registry, stats, activator: controllers.activator, domain, host, port: opts.gatewayPort ?? DEFAULTS.gatewayPort });
  const api = await startApiServer({ registry, podProxy: createPodProxy(registry, stats), host, port: opts.port ?? DEFAULTS.port });
  if (fresh) seedCluster(registry, { seedSample: opts.seed ?? true });
  describeIngress(registry, { host, port: gateway.port }, domain);
  const stopEventRetention = startEventRetention(registry);
  const kubeconfig = writeKubeconfig(path.resolve(opts.dataDir), api.url);

  let stopped = false;
  return {
    apiUrl: api.url,
    gatewayUrl: gateway.url,
    kubeconfig,
    registry,
    idle: () => controllers.idle(),
    async stop() {
      if (stopped) return;
      stopped = true;
      controllers.stop();
      stopEventRetention();
      await Promise.all([api.close(), gateway.close()]);
      store.close();
    },
  };
}
