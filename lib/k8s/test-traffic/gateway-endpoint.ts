// Where test requests go: the cluster's ingress gateway, never its API server. By default the
// address the cluster publishes for it (lib/k8s/gateway-address.ts: the LoadBalancer of
// kourier-system/kourier, Istio's or Contour's), which is what the embedded cluster publishes for
// its own gateway. A cluster whose LoadBalancer has no address the console can reach (kind,
// minikube, a private network) is given one in KNATIVE_CONSOLE_GATEWAY_URL:
//
//   KNATIVE_CONSOLE_GATEWAY_URL=http://192.168.49.2:31080             every cluster but the embedded one
//   KNATIVE_CONSOLE_GATEWAY_URL=prod=http://10.0.0.5,kind=http://127.0.0.1:31080   per cluster id
//
// An https URL is spoken to with TLS and the Service's host as SNI, as a client of the gateway's
// TLS listener would.

import type { ClusterRef } from "@/lib/k8s/cluster-ref";
import { findGateway, GATEWAY_SERVICES } from "@/lib/k8s/gateway-address";
import type { GatewayInfo } from "@/lib/queries/api-types";
import { kubeStatus, StatusError } from "@/lib/queries/status";

export const GATEWAY_URL_ENV = "KNATIVE_CONSOLE_GATEWAY_URL";

export interface GatewayEndpoint {
  /** The gateway's origin: `http://127.0.0.1:7081`. */
  url: URL;
  /** Where that came from, for the user: `kourier-system/kourier` or the environment variable. */
  source: string;
}

function misconfigured(detail: string): StatusError {
  return new StatusError(kubeStatus(500, `${GATEWAY_URL_ENV} is not usable: ${detail}.`, "InternalError"));
}

function gatewayUrl(text: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw misconfigured(`${JSON.stringify(text)} (${what}) is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw misconfigured(`${JSON.stringify(text)} (${what}) is not an http or https URL`);
  if (url.username || url.password) throw misconfigured(`${what} carries credentials; the gateway needs none`);
  return new URL(url.origin);
}

/** The configured gateway for this cluster, if the environment names one. */
export function configuredGateway(value: string | undefined, cluster: Pick<ClusterRef, "id" | "source">): GatewayEndpoint | undefined {
  if (!value?.trim()) return undefined;
  let everyCluster: string | undefined;
  for (const entry of value.split(",").map((e) => e.trim()).filter(Boolean)) {
    const named = /^([a-z0-9][a-z0-9-]*)=(.*)$/.exec(entry);
    if (named) {
      const url = gatewayUrl(named[2]!, `for cluster "${named[1]}"`);
      if (named[1] === cluster.id) return { url, source: GATEWAY_URL_ENV };
    } else {
      if (everyCluster !== undefined) throw misconfigured("it names more than one URL for every cluster");
      everyCluster = entry;
    }
  }
  if (everyCluster === undefined || cluster.source === "embedded") return undefined;
  return { url: gatewayUrl(everyCluster, "for every cluster"), source: GATEWAY_URL_ENV };
}

/**
 * The gateway address the pages show: the configured one when there is one (it is where the
 * console sends test requests, and a user who may not read the gateway's Service sees it all the
 * same), else the one the cluster publishes.
 */
export async function gatewayInfo(cluster: ClusterRef, env: Record<string, string | undefined> = process.env): Promise<GatewayInfo> {
  const configured = configuredGateway(env[GATEWAY_URL_ENV], cluster);
  if (configured) return { address: configured.url.host, source: GATEWAY_URL_ENV };
  return findGateway(cluster);
}

const unavailable = (message: string) => new StatusError(kubeStatus(503, message, "ServiceUnavailable"));

/** The configured gateway, or the one the cluster publishes; a 503 Status saying what is missing otherwise. */
export async function resolveGateway(cluster: ClusterRef, env: Record<string, string | undefined> = process.env): Promise<GatewayEndpoint> {
  const configured = configuredGateway(env[GATEWAY_URL_ENV], cluster);
  if (configured) return configured;
  const found = await findGateway(cluster);
  const hint = `Set ${GATEWAY_URL_ENV} to an address of the gateway the console can reach.`;
  if (!found.source && found.forbidden) {
    throw unavailable(`The ingress gateway of cluster "${cluster.name}" cannot be looked up: ${found.forbidden.join("; ")}. ${hint}`);
  }
  if (!found.source) {
    const looked = GATEWAY_SERVICES.map((s) => `${s.namespace}/${s.name}`).join(", ");
    throw unavailable(`No ingress gateway found in cluster "${cluster.name}" (none of ${looked}). ${hint}`);
  }
  if (!found.address) {
    throw unavailable(`The ingress gateway ${found.source} has no external address yet (status.loadBalancer.ingress is empty). ${hint}`);
  }
  try {
    return { url: new URL(`http://${found.address}`), source: found.source };
  } catch {
    throw unavailable(`The address ${JSON.stringify(found.address)} of the ingress gateway ${found.source} is not usable as a URL. ${hint}`);
  }
}
