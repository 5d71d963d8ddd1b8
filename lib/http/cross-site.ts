// Refuse writes that another site makes a browser send (CSRF): the console has no login to
// protect it, so anything with the kubeconfig's power must come from its own pages. Browsers
// mark every request with Sec-Fetch-Site; older ones at least send Origin on non-GET requests.
// An Origin is the console's own only with the same scheme, host and port (RFC 6454): a page
// on https://127.0.0.1:3000 or http://127.0.0.1:4000 is another origin than the console's.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface RequestFacts {
  method: string;
  origin: string | null;
  secFetchSite: string | null;
  /** The origins of the console's own pages for this request (lib/http/console-origin.ts). */
  ownOrigins: string[];
}

/** The origin an Origin header names, normalized as URL.origin writes it; null when it names none. */
function serializedOrigin(origin: string): string | null {
  try {
    const normalized = new URL(origin).origin;
    return normalized === "null" ? null : normalized;
  } catch {
    return null;
  }
}

/** Why this request must be refused, or null when it is fine. */
export function crossSiteWriteProblem(req: RequestFacts): string | null {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return null;
  if (req.secFetchSite && req.secFetchSite !== "same-origin" && req.secFetchSite !== "none") {
    return `Cross-site request refused (Sec-Fetch-Site: ${req.secFetchSite}).`;
  }
  if (req.origin === "null") return "Cross-site request refused (opaque Origin).";
  if (req.origin) {
    const origin = serializedOrigin(req.origin);
    if (origin === null) return "Cross-site request refused (malformed Origin).";
    if (!req.ownOrigins.includes(origin)) return `Cross-site request refused (Origin ${req.origin}).`;
  }
  return null;
}
