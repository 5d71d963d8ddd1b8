// One ClusterHub per cluster id for the whole server process (kept on globalThis so a dev-mode
// module reload does not leave orphaned watches behind); with --auth token, one per cluster and
// signed-in identity, watching with that user's token and serving only them. A hub nobody has
// used for its idle delay stops and is forgotten, so users who have left hold no memory here.

import { readerIdentity } from "@/lib/auth/request-session";
import { apisFor } from "../api-clients";
import { getCluster } from "../cluster-registry";
import { ClusterHub } from "./cluster-hub";

const store = globalThis as unknown as { __knativeConsoleHubs?: Map<string, ClusterHub> };

export function hubFor(clusterId: string): ClusterHub {
  const hubs = (store.__knativeConsoleHubs ??= new Map());
  const identity = readerIdentity(clusterId);
  let hub = hubs.get(identity.key);
  if (!hub) {
    // Resolve the cluster on every use: its kubeconfig may have been rewritten (new port).
    hub = new ClusterHub({
      apis: () => identity.run(() => apisFor(getCluster(clusterId))),
      // Where a namespace-scoped identity works, as its kubeconfig context says (kubectl's default too).
      namespaces: () => {
        try {
          return [identity.run(() => getCluster(clusterId)).namespace ?? "default"];
        } catch {
          return []; // the cluster left the kubeconfig: its hub is about to go quiet
        }
      },
      // Callers use a hub at once (subscribe, read its cache), so none holds a forgotten one.
      onIdleStop: () => hubs.delete(identity.key),
    });
    hubs.set(identity.key, hub);
  }
  return hub;
}
