// The signed-in session of --auth token. POST {token} signs in: the cluster says whose the token
// is (SelfSubjectReview) and the console sets the sealed, HttpOnly session cookie; GET says who
// is signed in (never the token); DELETE signs out. With --auth proxy, GET says whom the console
// acts as (the proxied user and groups) and where the proxy signs out; there is nothing to sign
// in to or out of here.

import { z } from "zod";
import { proxySignOutUrl } from "@/lib/auth/proxy-config";
import { currentProxiedUser, currentRequest, currentSession } from "@/lib/auth/request-session";
import { reviewToken } from "@/lib/auth/self-subject-review";
import { clearSessionCookie, sealSession, sessionLifetimeMs, sessionSetCookie } from "@/lib/auth/session-cookie";
import { UNAUTHORIZED } from "@/lib/auth/session-gate";
import { sessionKey } from "@/lib/auth/session-key";
import { signInLimiter } from "@/lib/auth/sign-in-limiter";
import { currentTokenCluster, proxyMode, tokenMode } from "@/lib/k8s/cluster-registry";
import { readJsonBody } from "@/lib/k8s/request-body";
import { NO_STORE, statusResponse } from "@/lib/k8s/route-handler";
import { PUBLIC_URL_ENV } from "@/lib/http/console-origin";
import { kubeStatus, StatusError } from "@/lib/queries/status";

export const dynamic = "force-dynamic";

// A bearer token is one line of visible ASCII (RFC 6750 b64token, and JWTs); 16 KiB is far above any real one.
const SignIn = z.object({
  token: z
    .string()
    .trim()
    .min(1, "Paste a Kubernetes bearer token.")
    .max(16_384, "A bearer token is at most 16384 characters.")
    .regex(/^[\x21-\x7e]+$/, "A bearer token is one line of printable characters without spaces."),
});

const cookieOptions = () => ({ secure: (process.env[PUBLIC_URL_ENV] ?? "").trim().startsWith("https:") });

function requireTokenMode(): void {
  if (!tokenMode()) throw new StatusError(kubeStatus(404, `The console does not sign users in: it runs with --auth ${proxyMode() ? "proxy" : "local"}.`, "NotFound"));
}

function proxiedSession(): Response {
  const user = currentProxiedUser();
  if (!user) return Response.json(kubeStatus(401, "The authenticating proxy named no user for this request.", "Unauthorized"), { status: 401, headers: NO_STORE });
  const signOutUrl = proxySignOutUrl();
  return Response.json({ user: { username: user.username, groups: user.groups }, via: "proxy", ...(signOutUrl ? { signOutUrl } : {}) }, { headers: NO_STORE });
}

export async function GET(): Promise<Response> {
  try {
    if (proxyMode()) return proxiedSession();
    requireTokenMode();
    const session = currentSession();
    if (!session) return Response.json(UNAUTHORIZED, { status: 401, headers: NO_STORE });
    return Response.json({ user: session.user, expiresAt: new Date(session.expiresAt).toISOString() }, { headers: NO_STORE });
  } catch (err) {
    return statusResponse(err);
  }
}

export async function POST(request: Request): Promise<Response> {
  try {
    requireTokenMode();
    const admission = signInLimiter().admit(currentRequest()?.clientAddress ?? "");
    if (!admission.ok) {
      const status = kubeStatus(429, `Too many sign-in attempts; try again in ${admission.retryAfterSeconds} s.`, "TooManyRequests");
      return Response.json(status, { status: 429, headers: { ...NO_STORE, "Retry-After": String(admission.retryAfterSeconds) } });
    }
    const { token } = await readJsonBody(request, SignIn);
    const target = currentTokenCluster();
    if (!target) throw new StatusError(kubeStatus(503, "The console has no cluster to sign in to yet.", "ServiceUnavailable"));
    const user = await reviewToken(target, token);
    const expiresAt = Date.now() + sessionLifetimeMs();
    const sealed = sealSession({ token, user, expiresAt }, sessionKey());
    return Response.json(
      { user, expiresAt: new Date(expiresAt).toISOString() },
      { headers: { ...NO_STORE, "Set-Cookie": sessionSetCookie(sealed, expiresAt, cookieOptions()) } },
    );
  } catch (err) {
    return statusResponse(err);
  }
}

export async function DELETE(): Promise<Response> {
  try {
    requireTokenMode();
    return new Response(null, { status: 204, headers: { ...NO_STORE, "Set-Cookie": clearSessionCookie(cookieOptions()) } });
  } catch (err) {
    return statusResponse(err);
  }
}
