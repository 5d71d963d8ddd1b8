// Hosts and URLs of Routes (serving: pkg/reconciler/route/domains/domains.go; networking:
// pkg/config/config.go defaults): the domain template `{{.Name}}.{{.Namespace}}.{{.Domain}}`,
// the tag template `{{.Tag}}-{{.Name}}`, and the cluster-local address.

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

/**
 * `DomainNameFromTemplate`: `<hostname>.<namespace>.<domain>`, with the cluster-local domain for
 * cluster-local routes. Throws DomainNameError when the result is not a valid host.
 */
export function domainNameFor(route: RouteIdentity, hostname: string, domain: string): string {
  const suffix = isClusterLocal(route.labels) ? CLUSTER_LOCAL_DOMAIN : domain;
  const host = `${hostname}.${route.namespace}.${suffix}`;
  const problems = fullyQualifiedDomainNameErrors("url", host);
  if (problems.length > 0) {
    const aggregate = problems.length === 1 ? problems[0] : `[${problems.join(", ")}]`;
    throw new DomainNameError(`invalid domain name ${JSON.stringify(host)}: ${aggregate}`);
  }
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

/** `status.address.url`: always the cluster-local name of the placeholder Kubernetes Service. */
export function routeAddressUrl(route: Pick<RouteIdentity, "name" | "namespace">): string {
  return `http://${route.name}.${route.namespace}.${CLUSTER_LOCAL_DOMAIN}`;
}

// k8s.io/apimachinery pkg/util/validation: IsFullyQualifiedDomainName, IsDNS1123Subdomain, IsDNS1123Label.
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1123_SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

const invalid = (field: string, value: string, detail: string) => `${field}: Invalid value: ${JSON.stringify(value)}: ${detail}`;

function fullyQualifiedDomainNameErrors(field: string, name: string): string[] {
  if (name.length === 0) return [`${field}: Required value`];
  const host = name.endsWith(".") ? name.slice(0, -1) : name;
  const subdomain: string[] = [];
  if (host.length > 253) subdomain.push("must be no more than 253 characters");
  if (!DNS1123_SUBDOMAIN.test(host)) subdomain.push(DNS1123_SUBDOMAIN_MESSAGE);
  if (subdomain.length > 0) return subdomain.map((m) => invalid(field, host, m));
  const labels = host.split(".");
  if (labels.length < 2) return [invalid(field, host, "should be a domain with at least two segments separated by dots")];
  const errors: string[] = [];
  for (const label of labels) {
    if (label.length > 63) errors.push(invalid(field, label, "must be no more than 63 characters"));
    if (!DNS1123_LABEL.test(label)) errors.push(invalid(field, label, DNS1123_LABEL_MESSAGE));
  }
  return errors;
}
