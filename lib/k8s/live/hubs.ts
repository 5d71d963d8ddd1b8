// One ClusterHub per cluster id for the whole server process (kept on globalThis so a dev-mode
// module reload does not leave orphaned watches behind); with --auth token, one per cluster and
// signed-in identity, watching with that user's token and serving only them.

import { readerIdentity } from "@/lib/auth/request-session";
import { apisFor } from "../api-clients";
import { getCluster } from "../cluster-registry";
import { ClusterHub } from "./cluster-hub";

const store = globalThis as unknown as { __knativeConsoleHubs?: Map<string, ClusterHub> };

export function hubFor(clusterId: string): ClusterHub {
  store.__knativeConsoleHubs ??= new Map();
  const identity = readerIdentity(clusterId);
  let hub = store.__knativeConsoleHubs.get(identity.key);
  if (!hub) {
    // Resolve the cluster on every use: its kubeconfig may have been rewritten (new port).
    hub = new ClusterHub({ apis: () => identity.run(() => apisFor(getCluster(clusterId))) });
    store.__knativeConsoleHubs.set(identity.key, hub);
  }
  return hub;
}
