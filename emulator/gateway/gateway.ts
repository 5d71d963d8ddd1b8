// The embedded cluster's ingress gateway: a node:http server on a loopback port that routes by the
// Host header and the Routes' status.traffic, as Kourier or Istio do on a real cluster
// (knative/networking: the ingress is programmed from the Route's status). See emulator/README.md.

import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "../core/registry";
import type { Activator, TrafficStats } from "../core/runtime";
import { PodMetricsStore } from "../runtime/pod-metrics";
import { ReadyPods } from "./ready-pods";
import { syncFromRegistry } from "./registry-sync";
import { createRequestHandler } from "./request-handler";
import { RevisionDirectory } from "./revision-directory";
import { RoutingTable } from "./routing-table";

export interface GatewayOptions {
  registry: Registry;
  stats: TrafficStats;
  /** Where each pod's numbers are kept, for the pod proxy to read; the gateway's own by default. */
  podMetrics?: PodMetricsStore;
  activator: Activator;
  /** The domain of external route hosts, `{route}.{namespace}.{domain}` (config-domain). */
  domain: string;
  /** Listen address; default 127.0.0.1. */
  host?: string;
  /** 0 picks a free port. */
  port: number;
  /** How long a request waits for a cold revision; default the revision's timeoutSeconds. */
  activationTimeoutMs?: number;
}

export interface RunningGateway {
  port: number;
  url: string;
  close(): Promise<void>;
}

export async function startGateway(opts: GatewayOptions): Promise<RunningGateway> {
  const table = new RoutingTable(opts.domain);
  const revisions = new RevisionDirectory(opts.registry);
  const pods = new ReadyPods(opts.podMetrics ?? new PodMetricsStore());
  const sync = syncFromRegistry(opts.registry, table, revisions, pods);
  const server = http.createServer(
    createRequestHandler({
      table,
      revisions,
      pods,
      stats: opts.stats,
      activator: opts.activator,
      viewCaughtUp: sync.caughtUp,
      activationTimeoutMs: opts.activationTimeoutMs,
    }),
  );

  const listenHost = opts.host ?? "127.0.0.1";
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(opts.port, listenHost, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (err) {
    sync.stop();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  const urlHost = listenHost.includes(":") ? `[${listenHost}]` : listenHost;

  return {
    port,
    url: `http://${urlHost}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        sync.stop();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
