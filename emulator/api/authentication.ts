// Who is making a request: whoever presents one of the cluster's bearer tokens, the admin's
// (DATA_DIR/token), a seeded identity's, or a ServiceAccount token the cluster issued
// (emulator/rbac/service-account-tokens.ts). The server speaks TLS so that kubectl sends them
// (emulator/credentials/serving-cert.ts). Without this, any web page the user visits could write
// to the cluster: a cross-site `<form enctype="text/plain">` or a `fetch(…, {mode: "no-cors"})`
// reaches a loopback port, but a browser never adds an Authorization header across sites, so a
// token shuts both out. What the user may then do is authorization's to decide (emulator/rbac).
//
// As kube-apiserver decides it:
// - The header is read as k8s.io/apiserver/pkg/authentication/request/bearertoken does: trimmed,
//   a case-insensitive `Bearer` scheme, the token up to the next space; no header, another scheme
//   or an empty token means no credential.
// - A wrong token fails the request on every path: kube-apiserver puts the anonymous authenticator
//   behind the others with union.NewFailOnError (pkg/kubeapiserver/authenticator/config.go).
// - Every authenticated user is also in system:authenticated (the authenticated group adder).
// - Without a credential, only GET (and HEAD) of /version, /healthz, /livez and /readyz go on, as
//   system:anonymous in system:unauthenticated, for authorization to decide (the
//   system:public-info-viewer role lets them GET): KEP-4633's anonymous-auth conditions. Sub-paths
//   such as /livez/ping are not among them. Everything else, discovery, OpenAPI and the pod proxy
//   included, is 401 Unauthorized, as kube-apiserver answers when anonymous requests are limited
//   to those paths.

import crypto from "node:crypto";
import type { IncomingMessage } from "node:http";
import { ApiError } from "../core/errors";
import { ALL_AUTHENTICATED, ANONYMOUS_USER, type UserInfo } from "../rbac/user";

const OPEN_PATHS = new Set(["/version", "/healthz", "/livez", "/readyz"]);

/** Turns a bearer token into its user, or undefined when the token is not its to know. */
export interface TokenAuthenticator {
  authenticate(token: string): UserInfo | undefined;
}

/** Fixed tokens, each of one user (kube-apiserver's --token-auth-file). */
export function staticTokens(entries: ReadonlyArray<{ token: string; user: UserInfo }>): TokenAuthenticator {
  const known = entries.filter((e) => e.token !== "").map((e) => ({ digest: digest(e.token), user: e.user }));
  return {
    authenticate(token) {
      const presented = digest(token);
      // Every entry is compared, so the time taken says nothing about which one matched.
      let found: UserInfo | undefined;
      for (const k of known) if (crypto.timingSafeEqual(presented, k.digest)) found = k.user;
      return found;
    },
  };
}

/**
 * The user a request is made by; throws 401 when it has none it may have. `path` is the server's
 * own reading of the request target (trailing slashes dropped), so what is let through is exactly
 * what gets served.
 */
export function authenticateRequest(req: IncomingMessage, path: string, authenticators: readonly TokenAuthenticator[]): UserInfo {
  const token = presentedToken(req);
  if (token === undefined) {
    if ((req.method === "GET" || req.method === "HEAD") && OPEN_PATHS.has(path)) return ANONYMOUS_USER;
    throw ApiError.unauthorized();
  }
  for (const a of authenticators) {
    const user = a.authenticate(token);
    if (user) return user.groups.includes(ALL_AUTHENTICATED) ? user : { ...user, groups: [...user.groups, ALL_AUTHENTICATED] };
  }
  throw ApiError.unauthorized();
}

function presentedToken(req: IncomingMessage): string | undefined {
  const header = (req.headers.authorization ?? "").trim();
  const [scheme, presented] = header.split(" ");
  if (scheme?.toLowerCase() !== "bearer" || !presented) return undefined;
  return presented;
}

/** SHA-256 digests have one length whatever was presented: timingSafeEqual never throws on them. */
function digest(text: string): Buffer {
  return crypto.createHash("sha256").update(text, "utf8").digest();
}
