// The ingress gateway address that ACK's Services list shows in its "Gateway" column: the
// external address of the networking layer's LoadBalancer Service. Kourier first (the embedded
// cluster and most small installs), then Istio and Contour.

import type { V1Service } from "@kubernetes/client-node";
import type { GatewayInfo } from "@/lib/queries/api-types";
import { apisFor, callOptions } from "./api-clients";
import type { ClusterRef } from "./cluster-ref";
import { toKubeStatus } from "./errors";

export const GATEWAY_SERVICES = [
  { namespace: "kourier-system", name: "kourier" },
  { namespace: "istio-system", name: "istio-ingressgateway" },
  { namespace: "contour-external", name: "envoy" },
] as const;

/** `ip[:port]` of a LoadBalancer Service, the port omitted when it is plain HTTP's 80. */
export function addressOf(svc: Pick<V1Service, "spec" | "status">): string | null {
  const ingress = svc.status?.loadBalancer?.ingress?.[0];
  const host = ingress?.ip || ingress?.hostname;
  if (!host) return null;
  const ports = svc.spec?.ports ?? [];
  const http = ports.find((p) => p.name === "http2" || p.name === "http") ?? ports[0];
  const port = http?.port;
  return port && port !== 80 ? `${host}:${port}` : host;
}

export async function findGateway(cluster: ClusterRef): Promise<GatewayInfo> {
  const { core } = apisFor(cluster);
  const forbidden: string[] = [];
  for (const { namespace, name } of GATEWAY_SERVICES) {
    try {
      const svc = await core.readNamespacedService({ namespace, name }, callOptions());
      return { address: addressOf(svc), source: `${namespace}/${name}` };
    } catch (err) {
      // Not this networking layer, or not ours to read: try the next. A refusal is kept, so
      // "no gateway" is not claimed where the cluster only would not say. Anything else is real.
      const status = toKubeStatus(err);
      if (status.code === 403) forbidden.push(status.message);
      else if (status.code !== 404) throw err;
    }
  }
  return { address: null, source: null, ...(forbidden.length ? { forbidden } : {}) };
}
