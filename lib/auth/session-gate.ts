// --auth token at the console's HTTP front: every request passed on to Next first has its
// session cookie opened, and runs with it (lib/auth/request-session.ts). Without a session only
// the public paths pass: the sign-in page and its route, the health endpoints, and Next's static
// files; a page redirects to sign-in, an API call gets a 401 Status.

import type http from "node:http";
import { type ClientAddressOf, clientAddressOf as clientAddressBehind } from "@/lib/http/client-address";
import { PROBE_PATHS } from "@/lib/http/request-screen";
import { kubeStatus } from "@/lib/queries/status";
import { withRequestSession } from "./request-session";
import { openSession, sessionCookieValue } from "./session-cookie";

export const SIGN_IN_PATH = "/sign-in";
const clientAddressOfPeer = clientAddressBehind(undefined);
const PUBLIC_PATHS = new Set([SIGN_IN_PATH, "/api/session", ...PROBE_PATHS, "/icon.svg", "/favicon.ico"]);

export type GateDecision = { action: "pass" } | { action: "redirect"; location: string } | { action: "unauthorized" };

const isApi = (pathname: string) => pathname === "/api" || pathname.startsWith("/api/");

export function gateDecision(target: string, signedIn: boolean): GateDecision {
  const pathname = target.split(/[?#]/, 1)[0]!;
  if (signedIn || PUBLIC_PATHS.has(pathname) || pathname.startsWith("/_next/static/")) return { action: "pass" };
  if (isApi(pathname)) return { action: "unauthorized" };
  // Back where they were going once signed in; only a path of this console (never `//host`).
  const back = target.startsWith("/") && !target.startsWith("//") && pathname !== "/" ? `?next=${encodeURIComponent(target)}` : "";
  return { action: "redirect", location: `${SIGN_IN_PATH}${back}` };
}

export const UNAUTHORIZED = kubeStatus(401, "Sign in to the console with a Kubernetes token.", "Unauthorized");

/** `clientAddressOf` names the client for the sign-in limit: the TCP peer unless proxies are trusted. */
export function sessionGate(next: http.RequestListener, key: () => Buffer, clientAddressOf: ClientAddressOf = clientAddressOfPeer): http.RequestListener {
  return (req, res) => {
    const session = openSession(sessionCookieValue(req.headers.cookie), key());
    const decision = gateDecision(req.url ?? "/", session !== null);
    if (decision.action === "redirect") {
      res.writeHead(303, { Location: decision.location, "Cache-Control": "no-store" }).end();
      return;
    }
    if (decision.action === "unauthorized") {
      const body = JSON.stringify(UNAUTHORIZED);
      res.writeHead(401, { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(body)), "Cache-Control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : body);
      return;
    }
    withRequestSession({ session, clientAddress: clientAddressOf(req) }, () => next(req, res));
  };
}
