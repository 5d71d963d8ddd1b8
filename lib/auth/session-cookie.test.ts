import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { clearSessionCookie, openSession, sealSession, sessionCookieValue, sessionLifetimeMs, sessionSetCookie, type Session } from "./session-cookie";
import { parseSessionKey, sessionKey } from "./session-key";

const key = randomBytes(32);
const NOW = 1_800_000_000_000;
const session: Session = { token: "eyJhbGciOiJSUzI1NiJ9.payload.sig", user: { username: "system:serviceaccount:default:dev", groups: ["system:authenticated"] }, expiresAt: NOW + 60_000 };

describe("sealSession / openSession", () => {
  it("opens what it sealed, and the sealed text does not show the token", () => {
    const sealed = sealSession(session, key);
    expect(sealed).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain("payload");
    expect(Buffer.from(sealed, "base64url").toString("latin1")).not.toContain(session.token);
    expect(openSession(sealed, key, NOW)).toEqual(session);
  });

  it("seals the same session differently each time (a fresh IV)", () => {
    expect(sealSession(session, key)).not.toBe(sealSession(session, key));
  });

  it("refuses a value with any byte changed", () => {
    const raw = Buffer.from(sealSession(session, key), "base64url");
    for (const at of [0, 12, raw.length >> 1, raw.length - 1]) {
      const tampered = Buffer.from(raw);
      tampered[at]! ^= 0x01;
      expect(openSession(tampered.toString("base64url"), key, NOW)).toBeNull();
    }
  });

  it("refuses a truncated value, one sealed with another key, and garbage", () => {
    const sealed = sealSession(session, key);
    expect(openSession(sealed.slice(0, -4), key, NOW)).toBeNull();
    expect(openSession(sealed, randomBytes(32), NOW)).toBeNull();
    expect(openSession("not base64url!", key, NOW)).toBeNull();
    expect(openSession("", key, NOW)).toBeNull();
    expect(openSession(undefined, key, NOW)).toBeNull();
    expect(openSession("AAAA", key, NOW)).toBeNull();
  });

  it("refuses an expired session, to the millisecond", () => {
    const sealed = sealSession(session, key);
    expect(openSession(sealed, key, session.expiresAt - 1)).not.toBeNull();
    expect(openSession(sealed, key, session.expiresAt)).toBeNull();
  });

  it("refuses a well-sealed value that is not a session", () => {
    const notSession = { token: "", user: { username: "x" }, expiresAt: NOW + 1000 } as Session;
    expect(openSession(sealSession(notSession, key), key, NOW)).toBeNull();
  });
});

describe("the cookie", () => {
  it("is HttpOnly, SameSite=Strict, Path=/ and lasts until the session ends; Secure over https only", () => {
    expect(sessionSetCookie("abc", NOW + 3_600_000, { secure: false }, NOW)).toBe("knative-console-session=abc; Path=/; Max-Age=3600; HttpOnly; SameSite=Strict");
    expect(sessionSetCookie("abc", NOW + 3_600_000, { secure: true }, NOW)).toMatch(/; Secure$/);
    expect(sessionSetCookie("abc", NOW + 3_600_000, { secure: false }, NOW + 1)).toContain("; Max-Age=3600;");
    expect(clearSessionCookie({ secure: false })).toBe("knative-console-session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
  });

  it("is found among other cookies", () => {
    expect(sessionCookieValue("a=1; knative-console-session=xyz; b=2")).toBe("xyz");
    expect(sessionCookieValue("knative-console-session-other=1")).toBeUndefined();
    expect(sessionCookieValue(undefined)).toBeUndefined();
  });
});

describe("settings", () => {
  it("lasts 8 hours unless KNATIVE_CONSOLE_SESSION_HOURS says otherwise", () => {
    expect(sessionLifetimeMs({})).toBe(8 * 3_600_000);
    expect(sessionLifetimeMs({ KNATIVE_CONSOLE_SESSION_HOURS: "0.5" })).toBe(1_800_000);
    expect(() => sessionLifetimeMs({ KNATIVE_CONSOLE_SESSION_HOURS: "forever" })).toThrow('KNATIVE_CONSOLE_SESSION_HOURS must be a number of hours above 0 and at most 720, not "forever"');
    expect(() => sessionLifetimeMs({ KNATIVE_CONSOLE_SESSION_HOURS: "0" })).toThrow("KNATIVE_CONSOLE_SESSION_HOURS");
  });

  it("takes a 32-byte base64 key, and names the variable when it is not one", () => {
    const configured = randomBytes(32);
    expect(parseSessionKey(configured.toString("base64"))).toEqual(configured);
    expect(parseSessionKey(configured.toString("base64url"))).toEqual(configured);
    expect(parseSessionKey(undefined)).toBeNull();
    expect(() => parseSessionKey(randomBytes(16).toString("base64"))).toThrow("KNATIVE_CONSOLE_SESSION_KEY must be 32 bytes (base64), not 16");
    expect(() => parseSessionKey("not a key!")).toThrow("KNATIVE_CONSOLE_SESSION_KEY is not base64");
  });

  it("without a key, draws one random key per process and keeps it", () => {
    const first = sessionKey({});
    expect(first).toHaveLength(32);
    expect(sessionKey({})).toBe(first);
    const configured = randomBytes(32);
    expect(sessionKey({ KNATIVE_CONSOLE_SESSION_KEY: configured.toString("base64") })).toEqual(configured);
  });
});
