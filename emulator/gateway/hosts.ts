// The host names the embedded gateway answers for, as a Knative ingress is programmed from the
// KIngress rules (knative/serving pkg/reconciler/route/resources/ingress.go, and the domain
// names of pkg/reconciler/route/domains):
//
//   route, external      {route}.{namespace}.{domain}            (not for cluster-local Routes)
//   route, in-cluster    {route}.{namespace}[.svc[.cluster.local]]
//   tag                  {tag}-{route}.… in the same forms        (to the tagged revision only)
//   revision, in-cluster {revision}.{namespace}[.svc[.cluster.local]] (the revision's own K8s
//                        Service; bypasses the split)
//
// plus the hosts of the URLs the route controller wrote in status (`status.url`,
// `status.traffic[].url`), so a domain the controller chose differently is still served. The
// embedded cluster has no in-cluster network, so its single gateway also answers the
// cluster-local names.

import { hostFromDomainTemplate, hostnameFor, isClusterLocal, serviceHostname } from "../../lib/knative/domain";
import type { Route } from "../../lib/knative/types";

/** `Helloworld-Go.default.example.com.:8080` → `helloworld-go.default.example.com`. */
export function normalizeHost(header: string | undefined): string {
  if (!header) return "";
  let host = header;
  if (host.startsWith("[")) {
    const end = host.indexOf("]");
    host = end > 0 ? host.slice(0, end + 1) : host; // an IPv6 literal: keep the brackets, drop the port
  } else {
    const colon = host.indexOf(":");
    if (colon >= 0) host = host.slice(0, colon);
  }
  if (host.endsWith(".")) host = host.slice(0, -1);
  return host.toLowerCase();
}

/** `{name}.{namespace}`, `….svc`, `….svc.cluster.local`: how a Kubernetes Service is addressed in-cluster. */
export function clusterLocalHosts(name: string, namespace: string): string[] {
  const short = `${name}.${namespace}`;
  return [short, `${short}.svc`, serviceHostname(name, namespace)];
}

/** Hosts for a route, or for one of its tags. */
export function routeHosts(route: Route, domain: string, tag?: string): string[] {
  const namespace = route.metadata.namespace ?? "default";
  const hostname = hostnameFor(route.metadata.name ?? "", tag);
  const hosts = clusterLocalHosts(hostname, namespace);
  if (!isClusterLocal(route.metadata.labels)) hosts.push(hostFromDomainTemplate(hostname, namespace, domain));
  const statusUrl = tag ? route.status?.traffic?.find((t) => t.tag === tag)?.url : route.status?.url;
  const fromStatus = hostOfUrl(statusUrl);
  if (fromStatus) hosts.push(fromStatus);
  return [...new Set(hosts.map((h) => h.toLowerCase()))];
}

function hostOfUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return normalizeHost(new URL(url).host);
  } catch {
    return undefined;
  }
}
