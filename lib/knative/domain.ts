// Hosts and URLs of Routes (serving: pkg/reconciler/route/domains/domains.go; networking:
// pkg/config/config.go defaults): the domain template `{{.Name}}.{{.Namespace}}.{{.Domain}}`,
// the tag template `{{.Tag}}-{{.Name}}`, and the cluster-local address.

import { isFullyQualifiedDomainName } from "./k8s-validation";
import { LABEL_VISIBILITY } from "./labels";

/** The cluster's own domain suffix (`svc.` + cluster domain). */
export const CLUSTER_LOCAL_DOMAIN = "svc.cluster.local";
/** Value of `networking.knative.dev/visibility` that keeps a Route inside the cluster. */
export const VISIBILITY_CLUSTER_LOCAL = "cluster-local";

/** `domains.ErrDomainName`: the message starts with "domain name error". */
export class DomainNameError extends Error {
  constructor(detail: string) {
    super(`domain name error: ${detail}`);
    this.name = "DomainNameError";
  }
}

export interface RouteIdentity {
  name: string;
  namespace: string;
  labels?: Record<string, string>;
}

export function isClusterLocal(labels: Record<string, string> | undefined): boolean {
  return labels?.[LABEL_VISIBILITY] === VISIBILITY_CLUSTER_LOCAL;
}

/** `HostnameFromTemplate`: the route name, or `<tag>-<name>` for a tag. */
export function hostnameFor(routeName: string, tag?: string): string {
  return tag ? `${tag}-${routeName}` : routeName;
}

/** The default `domain-template` `{{.Name}}.{{.Namespace}}.{{.Domain}}`, unchecked. */
export function hostFromDomainTemplate(hostname: string, namespace: string, domain: string): string {
  return `${hostname}.${namespace}.${domain}`;
}

/**
 * `DomainNameFromTemplate`: `<hostname>.<namespace>.<domain>`, with the cluster-local domain for
 * cluster-local routes. Throws DomainNameError when the result is not a valid host.
 */
export function domainNameFor(route: RouteIdentity, hostname: string, domain: string): string {
  const suffix = isClusterLocal(route.labels) ? CLUSTER_LOCAL_DOMAIN : domain;
  const host = hostFromDomainTemplate(hostname, route.namespace, suffix);
  // ToAggregate of a list that, from IsFullyQualifiedDomainName, never has more than one error.
  const [problem] = isFullyQualifiedDomainName("url", host);
  if (problem) throw new DomainNameError(`invalid domain name ${JSON.stringify(host)}: ${problem}`);
  return host;
}

/** The external host of a route, or of one of its tags. */
export function routeHost(route: RouteIdentity, domain: string, tag?: string): string {
  return domainNameFor(route, hostnameFor(route.name, tag), domain);
}

/** `status.url` of a Route (and its Service); tag URLs in `status.traffic[].url` use the same form. */
export function routeUrl(route: RouteIdentity, domain: string, tag?: string): string {
  return `http://${routeHost(route, domain, tag)}`;
}

/** The in-cluster DNS name of a Kubernetes Service (knative.dev/pkg network/domain.go GetServiceHostname). */
export function serviceHostname(name: string, namespace: string): string {
  return `${name}.${namespace}.${CLUSTER_LOCAL_DOMAIN}`;
}

/** `status.address.url`: always the cluster-local name of the placeholder Kubernetes Service. */
export function routeAddressUrl(route: Pick<RouteIdentity, "name" | "namespace">): string {
  return `http://${serviceHostname(route.name, route.namespace)}`;
}
