// The user of the request being served: for --auth token the signed-in session, for --auth proxy
// the user the authenticating proxy vouches for. The console's HTTP front opens the session
// cookie (or checks the proxy's headers) and runs Next's handler inside `withRequestSession`, so
// route handlers and server components find the user here without any of them reading cookies or
// headers, and nothing that reaches a browser ever carries a token.

import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import type { ProxiedUser } from "./proxy-identity";
import type { Session } from "./session-cookie";

export interface RequestSession {
  /** The open session, or null when the request has none (then the front only lets public paths through). */
  session: Session | null;
  /** The client's address, for the sign-in rate limit. */
  clientAddress: string;
  /** --auth proxy: whom the console impersonates for this request. */
  proxiedUser?: ProxiedUser;
}

// On globalThis: the front (loaded by tsx) and Next's server bundle each load this module, and
// must share one store.
const store = globalThis as unknown as { __knativeConsoleRequestSession?: AsyncLocalStorage<RequestSession> };
const storage = (store.__knativeConsoleRequestSession ??= new AsyncLocalStorage<RequestSession>());

export function withRequestSession<T>(context: RequestSession, run: () => T): T {
  return storage.run(context, run);
}

export function currentRequest(): RequestSession | undefined {
  return storage.getStore();
}

/** The request's session while it lasts: one that ends mid-watch stops serving there too. */
export function currentSession(now = Date.now()): Session | null {
  const session = storage.getStore()?.session ?? null;
  return session && session.expiresAt > now ? session : null;
}

/** The proxied user of this request (--auth proxy), or null. */
export function currentProxiedUser(): ProxiedUser | null {
  return storage.getStore()?.proxiedUser ?? null;
}

/**
 * What a shared, long-lived reader (a cluster's watches, a Service's poller) is kept under, and
 * the session it acts with: the user's, captured when it starts and used on its every tick, so
 * a reader started for one user never reads with, or serves, another's identity.
 */
export function readerIdentity(baseKey: string): { key: string; run<T>(fn: () => T): T } {
  const context = storage.getStore();
  const session = context?.session ?? null;
  const proxied = context?.proxiedUser;
  if (proxied) return { key: `${baseKey}#${proxiedIdentityKey(proxied)}`, run: (fn) => storage.run({ session: null, clientAddress: context!.clientAddress, proxiedUser: proxied }, fn) };
  if (!session) return { key: baseKey, run: (fn) => fn() };
  return { key: `${baseKey}#${identityKey(session.token)}`, run: (fn) => storage.run({ session, clientAddress: context!.clientAddress }, fn) };
}

/**
 * The key of an impersonated identity: the user and their groups, as the cluster sees them
 * (the same user with other groups may be granted other things). Groups are sorted: their
 * order changes nothing in RBAC.
 */
export function proxiedIdentityKey(user: ProxiedUser): string {
  return identityKey(JSON.stringify(["proxy", user.username, [...user.groups].sort()]));
}

/**
 * A name for the identity a token (or an impersonated user) carries, safe to use as a map key or log: shared watches and
 * pollers are kept per identity, never per cluster alone, so one user's never serves another.
 */
export function identityKey(token: string): string {
  return createHash("sha256").update(token).digest("base64url").slice(0, 22);
}
