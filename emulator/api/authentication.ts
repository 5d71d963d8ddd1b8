// Who may use the embedded cluster's API: whoever presents its bearer token
// (emulator/credentials/token.ts; the server speaks TLS so that kubectl sends it, see
// serving-cert.ts there). Without this, any web page the user visits could write to the
// cluster: a cross-site `<form enctype="text/plain">` or a `fetch(…, {mode: "no-cors"})` reaches
// a loopback port, but a browser never adds an Authorization header across sites, so a token
// shuts both out.
//
// As kube-apiserver decides it:
// - The header is read as k8s.io/apiserver/pkg/authentication/request/bearertoken does: trimmed,
//   a case-insensitive `Bearer` scheme, the token up to the next space; no header, another scheme
//   or an empty token means no credential.
// - A wrong token fails the request on every path: kube-apiserver puts the anonymous authenticator
//   behind the others with union.NewFailOnError (pkg/kubeapiserver/authenticator/config.go).
// - Without a credential, only GET (and HEAD) of /version, /healthz, /livez and /readyz answers: what the
//   system:public-info-viewer role grants system:unauthenticated (kubernetes
//   plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go; sub-paths such as /livez/ping are
//   not in it), and what KEP-4633's anonymous-auth conditions keep open. Everything else,
//   discovery, OpenAPI and the pod proxy included, is 401 Unauthorized, as kube-apiserver answers
//   when anonymous requests are limited to those paths.

import crypto from "node:crypto";
import type { IncomingMessage } from "node:http";

const OPEN_PATHS = new Set(["/version", "/healthz", "/livez", "/readyz"]);

type Credential = "none" | "valid" | "invalid";

/**
 * Whether the request may go on. `path` is the server's own reading of the request target
 * (trailing slashes dropped), so what is let through is exactly what gets served.
 */
export function passesAuthentication(req: IncomingMessage, path: string, token: string): boolean {
  switch (presentedCredential(req, token)) {
    case "valid":
      return true;
    case "invalid":
      return false;
    case "none":
      return (req.method === "GET" || req.method === "HEAD") && OPEN_PATHS.has(path);
  }
}

function presentedCredential(req: IncomingMessage, token: string): Credential {
  const header = (req.headers.authorization ?? "").trim();
  const [scheme, presented] = header.split(" ");
  if (scheme?.toLowerCase() !== "bearer" || !presented) return "none";
  return sameToken(presented, token) ? "valid" : "invalid";
}

/**
 * Compares SHA-256 digests, which have one length whatever was presented: timingSafeEqual never
 * throws on a token of another length, and takes the same time for every wrong token.
 */
function sameToken(presented: string, expected: string): boolean {
  if (expected === "") return false; // a server started without a token lets nobody in
  return crypto.timingSafeEqual(digest(presented), digest(expected));
}

function digest(text: string): Buffer {
  return crypto.createHash("sha256").update(text, "utf8").digest();
}
