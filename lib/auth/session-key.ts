// The key that seals session cookies: KNATIVE_CONSOLE_SESSION_KEY (32 bytes, base64), the same on
// every replica so each decrypts the others' cookies. Without it each process draws a random key:
// sessions then end with the process and are not shared between replicas.

import { randomBytes } from "node:crypto";

export const SESSION_KEY_ENV = "KNATIVE_CONSOLE_SESSION_KEY";

/** The configured key; throws a message naming the variable when it is malformed. */
export function parseSessionKey(value: string | undefined): Buffer | null {
  const text = value?.trim();
  if (!text) return null;
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) throw new Error(`${SESSION_KEY_ENV} is not base64; make one with: openssl rand -base64 32`);
  const key = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (key.length !== 32) throw new Error(`${SESSION_KEY_ENV} must be 32 bytes (base64), not ${key.length}; make one with: openssl rand -base64 32`);
  return key;
}

// On globalThis: the console's HTTP front and Next's server bundle load this module separately,
// and both must seal and open with the same random key.
const store = globalThis as unknown as { __knativeConsoleSessionKey?: Buffer };

export function sessionKey(env: Record<string, string | undefined> = process.env): Buffer {
  const configured = parseSessionKey(env[SESSION_KEY_ENV]);
  if (configured) return configured;
  store.__knativeConsoleSessionKey ??= randomBytes(32);
  return store.__knativeConsoleSessionKey;
}
