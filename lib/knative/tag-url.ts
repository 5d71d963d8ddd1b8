// The URL a traffic tag gets, shown in the Split Traffic dialog before the tag exists. The Route
// builds it from the same domain as the Service's own URL (serving: pkg/reconciler/route/
// domains/domains.go, default templates): `{service}.{namespace}.{domain}` for the Service and
// `{tag}-{service}.{namespace}.{domain}` for a tag. The domain is read back from status.url, so
// whatever the cluster's config-domain says (or cluster-local visibility) is followed without
// reading any ConfigMap.

import { hostFromDomainTemplate, hostnameFor } from "./domain";

export interface RouteUrlSource {
  name: string;
  namespace: string;
  /** The Service's (or Route's) status.url, e.g. `http://hello.default.example.com`. */
  url?: string;
}

/**
 * The domain suffix of `url` (`example.com`), when its host has the default domain template's
 * form `{name}.{namespace}.{domain}`; undefined otherwise (no URL yet, or a custom template
 * whose tag hosts cannot be guessed).
 */
export function routeDomainOf(route: RouteUrlSource): string | undefined {
  const parsed = parseUrl(route.url);
  if (!parsed) return undefined;
  const prefix = `${route.name}.${route.namespace}.`;
  const host = parsed.hostname.toLowerCase();
  if (!host.startsWith(prefix) || host.length === prefix.length) return undefined;
  return host.slice(prefix.length);
}

/** `http://{tag}-{name}.{namespace}.{domain}` in the scheme of status.url; undefined when the domain is unknown or there is no tag. */
export function tagUrlFor(route: RouteUrlSource, tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  const domain = routeDomainOf(route);
  const scheme = parseUrl(route.url)?.protocol ?? "http:";
  return domain ? `${scheme}//${hostFromDomainTemplate(hostnameFor(route.name, tag), route.namespace, domain)}` : undefined;
}

function parseUrl(url: string | undefined): URL | undefined {
  if (!url) return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
