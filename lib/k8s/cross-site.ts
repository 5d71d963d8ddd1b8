// Refuse writes that another site makes a browser send (CSRF): the console has no login to
// protect it, so anything with the kubeconfig's power must come from its own pages. Browsers
// mark every request with Sec-Fetch-Site; older ones at least send Origin on non-GET requests.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface RequestFacts {
  method: string;
  url: string;
  origin: string | null;
  secFetchSite: string | null;
  host: string | null;
}

/** Why this request must be refused, or null when it is fine. */
export function crossSiteWriteProblem(req: RequestFacts): string | null {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return null;
  if (req.secFetchSite && req.secFetchSite !== "same-origin" && req.secFetchSite !== "none") {
    return `Cross-site request refused (Sec-Fetch-Site: ${req.secFetchSite}).`;
  }
  if (req.origin && req.origin !== "null") {
    let originHost: string;
    try {
      originHost = new URL(req.origin).host;
    } catch {
      return "Cross-site request refused (malformed Origin).";
    }
    const ownHost = req.host ?? new URL(req.url).host;
    if (originHost !== ownHost) return `Cross-site request refused (Origin ${req.origin}).`;
  } else if (req.origin === "null") {
    return "Cross-site request refused (opaque Origin).";
  }
  return null;
}
