// The signed-in user of the request being served, for --auth token. The console's HTTP front
// opens the session cookie and runs Next's handler inside `withRequestSession`, so route
// handlers and server components find the user's token here without any of them reading
// cookies, and nothing that reaches a browser ever carries it.

import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import type { Session } from "./session-cookie";

export interface RequestSession {
  /** The open session, or null when the request has none (then the front only lets public paths through). */
  session: Session | null;
  /** The client's address, for the sign-in rate limit. */
  clientAddress: string;
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

/**
 * What a shared, long-lived reader (a cluster's watches, a Service's poller) is kept under, and
 * the session it acts with: the user's, captured when it starts and used on its every tick, so
 * a reader started for one user never reads with, or serves, another's identity.
 */
export function readerIdentity(baseKey: string): { key: string; run<T>(fn: () => T): T } {
  const context = storage.getStore();
  const session = context?.session ?? null;
  if (!session) return { key: baseKey, run: (fn) => fn() };
  return { key: `${baseKey}#${identityKey(session.token)}`, run: (fn) => storage.run({ session, clientAddress: context!.clientAddress }, fn) };
}

/**
 * A name for the identity a token carries, safe to use as a map key or log: shared watches and
 * pollers are kept per identity, never per cluster alone, so one user's never serves another.
 */
export function identityKey(token: string): string {
  return createHash("sha256").update(token).digest("base64url").slice(0, 22);
}
