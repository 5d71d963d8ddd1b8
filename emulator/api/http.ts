// Small helpers for answering like kube-apiserver: JSON bodies, Status errors, warnings.

import type { ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { ApiError } from "../core/errors";

// kube-apiserver gzips answers over 128 KiB for clients that accept it, at level 1
// (k8s.io/apiserver/pkg/endpoints/handlers/responsewriters/writers.go).
const GZIP_THRESHOLD_BYTES = 128 * 1024;
const GZIP_LEVEL = 1;

export function sendJson(res: ServerResponse, code: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = Buffer.from(JSON.stringify(body));
  const acceptsGzip = /\bgzip\b/.test(String(res.req?.headers["accept-encoding"] ?? ""));
  if (acceptsGzip && text.length > GZIP_THRESHOLD_BYTES) {
    const gz = gzipSync(text, { level: GZIP_LEVEL });
    res.writeHead(code, { "Content-Type": "application/json", "Content-Encoding": "gzip", Vary: "Accept-Encoding", "Content-Length": gz.length, ...headers });
    res.end(gz);
    return;
  }
  res.writeHead(code, { "Content-Type": "application/json", "Content-Length": text.length, ...headers });
  res.end(text);
}

export function sendError(res: ServerResponse, err: unknown): void {
  const apiErr = err instanceof ApiError ? err : ApiError.internal(err instanceof Error ? err.message : String(err));
  if (!(err instanceof ApiError)) console.error("embedded cluster: internal error:", err);
  if (res.headersSent) {
    res.end();
    return;
  }
  // A body that stopped arriving leaves the connection unusable for another request: answer,
  // then close it.
  sendJson(res, apiErr.code, apiErr.status, apiErr.code === 408 ? { Connection: "close" } : {});
}

/** Admission warnings as RFC 7234 Warning headers, which kubectl prints as `Warning: …`. */
export function warningHeaders(warnings: string[]): Record<string, string> {
  if (warnings.length === 0) return {};
  // Node joins an array header with ", ", which still parses as several warnings.
  return { Warning: warnings.map((w) => `299 - "${w.replace(/["\\]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, " ")}"`).join(", ") };
}

/** Whether the client asked for a server-side Table (kubectl get). */
export function wantsTable(accept: string | undefined): boolean {
  if (!accept) return false;
  const first = accept.split(",")[0] ?? "";
  return /as=Table/.test(first) && /g=meta\.k8s\.io/.test(first);
}
