// --auth proxy at the console's HTTP front: every request passed on to Next first has its proxy
// headers checked (lib/auth/proxy-identity.ts) and runs as the user they name
// (lib/auth/request-session.ts). The health endpoints answer anyone (the kubelet probes the pod
// directly); from a trusted proxy without a user, Next's static files still load; everything
// else is refused: an API call with a 401 or 403 Status, a page with a plain refusal page.

import type http from "node:http";
import { sendRefusal } from "@/lib/http/console-front";
import { PROBE_PATHS } from "@/lib/http/request-screen";
import { kubeStatus } from "@/lib/queries/status";
import type { ProxyConfig } from "./proxy-config";
import { type ProxiedUser, type ProxyVerdict, proxiedUser } from "./proxy-identity";
import { withRequestSession } from "./request-session";

const STATIC_PATHS = new Set(["/icon.svg", "/favicon.ico"]);

export type ProxyGateDecision = { action: "pass"; user?: ProxiedUser } | { action: "refuse"; code: 401 | 403; message: string };

export function proxyGateDecision(target: string, verdict: ProxyVerdict): ProxyGateDecision {
  const pathname = target.split(/[?#]/, 1)[0]!;
  if (PROBE_PATHS.has(pathname)) return { action: "pass" };
  if (verdict.ok) return { action: "pass", user: verdict.user };
  if (verdict.trusted && (STATIC_PATHS.has(pathname) || pathname.startsWith("/_next/static/"))) return { action: "pass" };
  return { action: "refuse", code: verdict.code, message: verdict.message };
}

export function proxyGate(next: http.RequestListener, config: ProxyConfig): http.RequestListener {
  return (req, res) => {
    const clientAddress = req.socket.remoteAddress ?? "";
    const verdict = proxiedUser({ remoteAddress: req.socket.remoteAddress, headers: req.headersDistinct }, config);
    const decision = proxyGateDecision(req.url ?? "/", verdict);
    if (decision.action === "refuse") {
      sendRefusal(req, res, kubeStatus(decision.code, decision.message, decision.code === 401 ? "Unauthorized" : "Forbidden"));
      return;
    }
    // Nothing behind the gate reads them in place of the checked identity, nor sees the secret.
    for (const name of [config.userHeader, config.groupsHeader, config.secret?.header]) if (name) delete req.headers[name];
    withRequestSession({ session: null, clientAddress, ...(decision.user ? { proxiedUser: decision.user } : {}) }, () => next(req, res));
  };
}
