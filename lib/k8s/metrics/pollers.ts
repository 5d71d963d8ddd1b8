// The server process's Service pollers, one per cluster/namespace/Service (and, with --auth token,
// per signed-in identity: each user's poller reads with their token and serves only them), kept
// on globalThis so a dev-mode module reload does not start a second poller for the same Service.

import { readerIdentity } from "@/lib/auth/request-session";
import { apisFor } from "../api-clients";
import { getCluster } from "../cluster-registry";
import { ServicePoller } from "./service-poller";

const store = globalThis as unknown as { __knativeConsolePollers?: Map<string, ServicePoller> };

export function pollerFor(clusterId: string, namespace: string, service: string): ServicePoller {
  store.__knativeConsolePollers ??= new Map();
  const pollers = store.__knativeConsolePollers;
  const identity = readerIdentity(JSON.stringify([clusterId, namespace, service]));
  const key = identity.key;
  let poller = pollers.get(key);
  if (!poller) {
    poller = new ServicePoller(
      // Resolved on every tick: the kubeconfig may have been rewritten (the embedded cluster's new port).
      { kubeConfig: () => identity.run(() => apisFor(getCluster(clusterId)).kubeConfig), namespace, service },
      () => pollers.delete(key),
    );
    pollers.set(key, poller);
  }
  return poller;
}
