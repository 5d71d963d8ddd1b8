// The route tag queue-proxy records on every request metric as `kn.route.tag` (knative/serving
// pkg/queue/routetag_handler.go GetRouteTagNameFromRequest), from two request headers the
// ingress adds when config-features has `tag-header-based-routing: enabled`
// (pkg/reconciler/route/resources/ingress.go): `Knative-Serving-Default-Route: true` on the
// Route's own hosts, `Knative-Serving-Tag: <tag>` on a tag's hosts. A client may send either
// header too; the ingress passes them on.

/** knative.dev/networking pkg/http/header RouteTagKey. */
export const ROUTE_TAG_HEADER = "Knative-Serving-Tag";
/** knative.dev/networking pkg/http/header DefaultRouteKey. */
export const DEFAULT_ROUTE_HEADER = "Knative-Serving-Default-Route";

export const DEFAULT_TAG_NAME = "kn:default";
export const UNDEFINED_TAG_NAME = "kn:undefined";
/** No header at all: tag-header-based routing is off, Knative's default. */
export const DISABLED_TAG_NAME = "kn:disabled";

/** The headers' values as Go's Header.Get returns them ("" when absent). */
export function routeTagName(tagHeader: string, defaultRouteHeader: string): string {
  if (tagHeader === "") return defaultRouteHeader === "" ? DISABLED_TAG_NAME : DEFAULT_TAG_NAME;
  if (defaultRouteHeader === "true") return UNDEFINED_TAG_NAME;
  return tagHeader;
}

export const CONFIG_FEATURES = "config-features";
export const TAG_HEADER_BASED_ROUTING_KEY = "tag-header-based-routing";

/**
 * Whether the ingress adds the route-tag headers: config-features' `tag-header-based-routing`
 * parsed as pkg/apis/config/features.go asFlag does (Enabled, Allowed or Disabled, any case;
 * anything else keeps the default, Disabled), and only Enabled counts (ingress.go).
 */
export function tagHeaderRoutingEnabled(configFeatures: Record<string, string> | undefined): boolean {
  return configFeatures?.[TAG_HEADER_BASED_ROUTING_KEY]?.toLowerCase() === "enabled";
}
