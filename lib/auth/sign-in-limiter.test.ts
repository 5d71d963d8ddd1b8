import { describe, expect, it } from "vitest";
import { SignInLimiter, attemptsPerMinute } from "./sign-in-limiter";

describe("SignInLimiter", () => {
  it("admits 5 attempts a minute per address, then says how long to wait", () => {
    const limiter = new SignInLimiter(5, 60_000);
    for (let i = 0; i < 5; i++) expect(limiter.admit("10.0.0.1", 1_000 + i * 1000)).toEqual({ ok: true });
    expect(limiter.admit("10.0.0.1", 10_000)).toEqual({ ok: false, retryAfterSeconds: 51 });
    // Another address has its own count.
    expect(limiter.admit("10.0.0.2", 10_000)).toEqual({ ok: true });
  });

  it("admits again as old attempts leave the window, and refusals do not count", () => {
    const limiter = new SignInLimiter(2, 60_000);
    limiter.admit("a", 0);
    limiter.admit("a", 30_000);
    expect(limiter.admit("a", 59_999).ok).toBe(false);
    expect(limiter.admit("a", 60_001)).toEqual({ ok: true });
    expect(limiter.admit("a", 60_002)).toEqual({ ok: false, retryAfterSeconds: 30 });
  });
});

describe("attemptsPerMinute", () => {
  it("is 5 unless KNATIVE_CONSOLE_SIGN_INS_PER_MINUTE says otherwise, and names the variable when it is not a count", () => {
    expect(attemptsPerMinute({})).toBe(5);
    expect(attemptsPerMinute({ KNATIVE_CONSOLE_SIGN_INS_PER_MINUTE: "20" })).toBe(20);
    expect(() => attemptsPerMinute({ KNATIVE_CONSOLE_SIGN_INS_PER_MINUTE: "0" })).toThrow('KNATIVE_CONSOLE_SIGN_INS_PER_MINUTE must be a whole number of at least 1, not "0"');
    expect(() => attemptsPerMinute({ KNATIVE_CONSOLE_SIGN_INS_PER_MINUTE: "lots" })).toThrow("KNATIVE_CONSOLE_SIGN_INS_PER_MINUTE");
  });
});
