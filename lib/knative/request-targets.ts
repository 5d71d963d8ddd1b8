// Where requests to a Service go: the URLs its Route publishes in status, never URLs made up
// from the spec. `status.url` is the Service's own URL; each tagged target in `status.traffic`
// carries the URL of its tag (serving: pkg/apis/serving/v1/route_types.go, TrafficTarget.URL,
// "displayed in status, and is disallowed on spec"). A tag the Route has not published yet has no
// URL here, so nothing is sent to a host the ingress does not serve yet.

import type { Service } from "./types";

export interface RequestTarget {
  /** "service", or "tag:{tag}". */
  key: string;
  /** Absent for the Service's own URL. */
  tag?: string;
  url: string;
  /** The revision a tag's requests reach (the Route's resolution of it). */
  revisionName?: string;
}

export const SERVICE_TARGET_KEY = "service";
export const tagTargetKey = (tag: string) => `tag:${tag}`;

/** The Service URL first, then each published tag URL in the Route's order. */
export function requestTargets(service: Pick<Service, "status">): RequestTarget[] {
  const targets: RequestTarget[] = [];
  const url = service.status?.url;
  if (url && hostOfUrl(url)) targets.push({ key: SERVICE_TARGET_KEY, url });
  const seen = new Set<string>();
  for (const t of service.status?.traffic ?? []) {
    if (!t.tag || !t.url || !hostOfUrl(t.url) || seen.has(t.tag)) continue;
    seen.add(t.tag);
    targets.push({ key: tagTargetKey(t.tag), tag: t.tag, url: t.url, ...(t.revisionName ? { revisionName: t.revisionName } : {}) });
  }
  return targets;
}

/**
 * The Host header for a URL (`helloworld-go.default.example.com`, with `:port` only when the URL
 * names one), or undefined when it is not an http(s) URL.
 */
export function hostOfUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return undefined;
  return parsed.host.toLowerCase() || undefined;
}
