// What the console's HTTP front (lib/http/console-front.ts) decides about a request before
// Next.js sees it: refuse it, answer OPTIONS itself, or pass it on. One place for every route and
// page, so a new route is covered without a line of its own.
//
// In order: a target that is a path, a Host the console answers to (DNS rebinding), escapes
// that decode, a write from the console's own pages (CSRF), a route that exists under /api, a
// method the route answers.

import { kubeStatus, type KubeStatus } from "@/lib/queries/status";
import { type OriginPolicy, hostProblem, ownOrigins } from "./console-origin";
import { crossSiteWriteProblem } from "./cross-site";
import { malformedSegment } from "./path-escapes";
import { PAGE_METHODS, type RouteEntry, matchRoute } from "./route-table";

export interface RequestHead {
  method: string;
  /** The request target as sent (Node's `req.url`). */
  target: string;
  host: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
}

export interface ScreenContext {
  policy: OriginPolicy;
  routes: () => RouteEntry[];
  /** Next's development server serves its own tooling (overlay, HMR) under these paths. */
  dev?: boolean;
}

export type Screening =
  | { action: "refuse"; status: KubeStatus; allow?: string }
  | { action: "options"; allow: string }
  | { action: "pass" };

const DEV_TOOLING = /^\/(__nextjs|_next\/webpack-hmr)/;

// The kubelet probes a pod by its IP (`Host: 10.0.3.7:3000`), a name no allow-list can know in
// advance. These answers carry nothing a rebound page could use (no data, no credentials, no
// writes), so they are served whatever the Host.
export const PROBE_PATHS = new Set(["/api/healthz", "/api/readyz"]);

const refuse = (status: KubeStatus, allow?: string): Screening => ({ action: "refuse", status, ...(allow ? { allow } : {}) });

/** Whether answers about `pathname` are JSON Status objects (the API) rather than pages. */
export const isApiPath = (pathname: string) => pathname === "/api" || pathname.startsWith("/api/");

/** The methods any path answers: its route's, or a page's (Next answers unknown pages with its 404 page). */
export function allowedMethods(routes: RouteEntry[], pathname: string): string[] | null {
  const route = matchRoute(routes, pathname);
  if (route) return route.methods;
  return isApiPath(pathname) ? null : PAGE_METHODS;
}

export function screenRequest(req: RequestHead, context: ScreenContext): Screening {
  if (!req.target.startsWith("/")) {
    return refuse(kubeStatus(400, "The request target must be a path; the console is not a proxy.", "BadRequest"));
  }
  const pathname = req.target.split(/[?#]/, 1)[0]!;
  if (PROBE_PATHS.has(pathname) && (req.method === "GET" || req.method === "HEAD")) return { action: "pass" };
  const hostIssue = hostProblem(context.policy, req.host);
  if (hostIssue) return refuse(kubeStatus(421, hostIssue, "BadRequest"));

  const malformed = malformedSegment(pathname);
  if (malformed !== null) {
    return refuse(kubeStatus(400, `The path segment ${JSON.stringify(malformed)} has a malformed percent escape.`, "BadRequest"));
  }
  if (context.dev && DEV_TOOLING.test(pathname)) return { action: "pass" };

  const crossSite = crossSiteWriteProblem({
    method: req.method,
    origin: req.origin ?? null,
    secFetchSite: req.secFetchSite ?? null,
    ownOrigins: ownOrigins(context.policy, req.host!),
  });
  if (crossSite) return refuse(kubeStatus(403, crossSite, "Forbidden"));

  const methods = allowedMethods(context.routes(), pathname);
  // apimachinery's NewGenericServerResponse words, as kube-apiserver answers these.
  if (!methods) return refuse(kubeStatus(404, "the server could not find the requested resource", "NotFound"));
  const allow = methods.join(", ");
  if (req.method === "OPTIONS") return { action: "options", allow };
  if (!methods.includes(req.method)) {
    return refuse(kubeStatus(405, "the server does not allow this method on the requested resource", "MethodNotAllowed"), allow);
  }
  return { action: "pass" };
}
