// The session of --auth token: the user's bearer token, who the cluster says they are, and when
// the session ends, sealed with AES-256-GCM into one cookie. Only the server can read or forge
// it; the browser keeps it HttpOnly, so the token never reaches page JavaScript.

import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

export const SESSION_COOKIE = "knative-console-session";
/** Eight hours, as a work day; KNATIVE_CONSOLE_SESSION_HOURS changes it. */
export const DEFAULT_SESSION_HOURS = 8;
export const SESSION_HOURS_ENV = "KNATIVE_CONSOLE_SESSION_HOURS";

/** Who the cluster said the token belongs to (authentication.k8s.io/v1 UserInfo). */
export interface SessionUser {
  username: string;
  uid?: string;
  groups?: string[];
}

export interface Session {
  token: string;
  user: SessionUser;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

// Binds the ciphertext to its purpose and format version: a value sealed for something else
// with the same key does not open as a session.
const AAD = Buffer.from("knative-console-session/v1");
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function sealSession(session: Session, key: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(AAD);
  const body = Buffer.concat([cipher.update(JSON.stringify(session), "utf8"), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url");
}

function isSession(value: unknown): value is Session {
  const s = value as Session | null;
  return (
    typeof s === "object" && s !== null && typeof s.token === "string" && s.token !== "" && typeof s.expiresAt === "number" &&
    typeof s.user === "object" && s.user !== null && typeof s.user.username === "string"
  );
}

/** The session a cookie value holds, or null when it was tampered with, sealed with another key, malformed or expired. */
export function openSession(value: string | undefined, key: Buffer, now = Date.now()): Session | null {
  if (!value || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
  const raw = Buffer.from(value, "base64url");
  if (raw.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(AAD);
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    const text = Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString("utf8");
    const session: unknown = JSON.parse(text);
    if (!isSession(session) || session.expiresAt <= now) return null;
    return session;
  } catch {
    return null;
  }
}

/** How long a session lasts, from KNATIVE_CONSOLE_SESSION_HOURS; throws naming the variable when malformed. */
export function sessionLifetimeMs(env: Record<string, string | undefined> = process.env): number {
  const text = env[SESSION_HOURS_ENV]?.trim();
  if (!text) return DEFAULT_SESSION_HOURS * 3_600_000;
  const hours = Number(text);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 30) throw new Error(`${SESSION_HOURS_ENV} must be a number of hours above 0 and at most 720, not ${JSON.stringify(text)}`);
  return Math.round(hours * 3_600_000);
}

export interface CookieOptions {
  secure: boolean;
}

/** The Set-Cookie header that stores a session: HttpOnly, SameSite=Strict, Path=/, Secure over https, gone when the session ends. */
export function sessionSetCookie(sealed: string, expiresAt: number, { secure }: CookieOptions, now = Date.now()): string {
  // Rounded up: the session is sealed a moment before the cookie is written, and an 8-hour
  // session should say 28800, not 28799.
  const maxAge = Math.max(0, Math.ceil((expiresAt - now) / 1000));
  return `${SESSION_COOKIE}=${sealed}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure ? "; Secure" : ""}`;
}

/** The Set-Cookie header that removes it. */
export function clearSessionCookie({ secure }: CookieOptions): string {
  return `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict${secure ? "; Secure" : ""}`;
}

/** The session cookie's value in a Cookie header. */
export function sessionCookieValue(cookieHeader: string | undefined): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim();
  }
  return undefined;
}
