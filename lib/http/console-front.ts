// The console's HTTP front: the Node server in front of Next.js's request handler
// (scripts/console-server.ts). Next's proxy.ts cannot do this part: undici refuses to build a
// Request for TRACE, TRACK or CONNECT, so Next answers those with a plain-text 500 before any
// proxy runs, and requests Node's parser refuses (headers too large) never reach Next at all.
//
// Here every response gets the security headers first (Next keeps headers already set, and
// proxy.ts replaces the Content-Security-Policy of pages with one carrying its nonce); then the
// request is screened (lib/http/request-screen.ts) and refused as a Kubernetes Status, answered
// (OPTIONS) or passed to Next.

import http from "node:http";
import type { Duplex } from "node:stream";
import type { KubeStatus } from "@/lib/queries/status";
import { kubeStatus } from "@/lib/queries/status";
import { type ScreenContext, allowedMethods, isApiPath, screenRequest } from "./request-screen";
import { NON_DOCUMENT_CSP, SECURITY_HEADERS } from "./security-headers";

const BASE_HEADERS: Record<string, string> = { ...SECURITY_HEADERS, "Content-Security-Policy": NON_DOCUMENT_CSP };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The body of a refusal: the Status as JSON under /api, a small page elsewhere (what a browser navigating there shows). */
function refusalBody(status: KubeStatus, pathname: string): { type: string; body: string } {
  if (isApiPath(pathname)) return { type: "application/json", body: JSON.stringify(status) };
  const title = `${status.code} ${http.STATUS_CODES[status.code] ?? status.reason}`;
  return {
    type: "text/html; charset=utf-8",
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(status.message)}</p><p><a href="/clusters">Knative Console</a></p></body></html>\n`,
  };
}

function refusalHeaders(status: KubeStatus, pathname: string, allow?: string): { headers: Record<string, string>; body: string } {
  const { type, body } = refusalBody(status, pathname);
  return {
    headers: { "Content-Type": type, "Content-Length": String(Buffer.byteLength(body)), "Cache-Control": "no-store", ...(allow ? { Allow: allow } : {}) },
    body,
  };
}

/** A response written straight to a socket, for requests Node never turns into a request object. */
function writeRaw(socket: Duplex, status: KubeStatus, allow?: string): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const { headers, body } = refusalHeaders(status, "/api", allow);
  const lines = Object.entries({ ...BASE_HEADERS, ...headers, Connection: "close" }).map(([k, v]) => `${k}: ${v}`);
  socket.end(`HTTP/1.1 ${status.code} ${http.STATUS_CODES[status.code]}\r\n${lines.join("\r\n")}\r\n\r\n${body}`);
}

function pathOf(target: string): string {
  return target.startsWith("/") ? target.split(/[?#]/, 1)[0]! : "/";
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Wraps Next's request handler with the headers and the screening. */
export function frontHandler(next: http.RequestListener, context: ScreenContext): http.RequestListener {
  return (req, res) => {
    for (const [name, value] of Object.entries(BASE_HEADERS)) res.setHeader(name, value);
    const target = req.url ?? "/";
    const screening = screenRequest(
      { method: req.method ?? "GET", target, host: req.headers.host, origin: header(req, "origin"), secFetchSite: header(req, "sec-fetch-site") },
      context,
    );
    if (screening.action === "pass") {
      next(req, res);
      return;
    }
    if (screening.action === "options") {
      res.writeHead(204, { Allow: screening.allow, "Cache-Control": "no-store" }).end();
      return;
    }
    sendRefusal(req, res, screening.status, screening.allow);
  };
}

/** Refuses `req` as the front does: the Status as JSON under /api, a small page for a browser elsewhere. */
export function sendRefusal(req: http.IncomingMessage, res: http.ServerResponse, status: KubeStatus, allow?: string): void {
  const { headers, body } = refusalHeaders(status, pathOf(req.url ?? "/"), allow);
  res.writeHead(status.code, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}

/** Client errors (Node's parser refused the request) and CONNECT, answered with the same headers as everything else. */
export function guardServer(server: http.Server, context: ScreenContext): void {
  server.on("clientError", (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === "ECONNRESET") {
      socket.destroy();
      return;
    }
    if (err.code === "HPE_HEADER_OVERFLOW") {
      writeRaw(socket, kubeStatus(431, `The request's headers are larger than the console accepts (${http.maxHeaderSize / 1024} KiB).`, "BadRequest"));
    } else if (err.code === "ERR_HTTP_REQUEST_TIMEOUT") {
      writeRaw(socket, kubeStatus(408, "The request did not arrive in time.", "Timeout"));
    } else {
      writeRaw(socket, kubeStatus(400, "The request is not valid HTTP.", "BadRequest"));
    }
  });
  // Without a listener Node drops a CONNECT without a word; the console is not a proxy.
  server.on("connect", (req: http.IncomingMessage, socket: Duplex) => {
    const methods = allowedMethods(context.routes(), pathOf(req.url ?? "")) ?? [];
    writeRaw(socket, kubeStatus(405, "the server does not allow this method on the requested resource", "MethodNotAllowed"), methods.join(", ") || undefined);
  });
}
