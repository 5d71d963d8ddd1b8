// Sign-in attempts per client address: a fixed number per sliding minute, so a stolen page
// cannot try tokens at speed. Per process: with several replicas each keeps its own count.

export const DEFAULT_ATTEMPTS_PER_MINUTE = 5;
export const ATTEMPTS_ENV = "KNATIVE_CONSOLE_SIGN_INS_PER_MINUTE";
const WINDOW_MS = 60_000;
// Addresses are forgotten once their window passes; this bounds memory under a flood of addresses.
const MAX_TRACKED = 10_000;

export type Admission = { ok: true } | { ok: false; retryAfterSeconds: number };

export class SignInLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly perWindow = DEFAULT_ATTEMPTS_PER_MINUTE,
    private readonly windowMs = WINDOW_MS,
  ) {}

  /** Counts an attempt from `address`, or refuses it with how long to wait. */
  admit(address: string, now = Date.now()): Admission {
    const recent = (this.attempts.get(address) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length >= this.perWindow) {
      this.attempts.set(address, recent);
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0]! + this.windowMs - now) / 1000)) };
    }
    recent.push(now);
    this.attempts.delete(address);
    this.attempts.set(address, recent);
    this.forgetOld(now);
    return { ok: true };
  }

  private forgetOld(now: number): void {
    for (const [address, times] of this.attempts) {
      if (this.attempts.size <= MAX_TRACKED && times[times.length - 1]! > now - this.windowMs) break;
      this.attempts.delete(address);
    }
  }
}

const store = globalThis as unknown as { __knativeConsoleSignInLimiter?: SignInLimiter };

/** KNATIVE_CONSOLE_SIGN_INS_PER_MINUTE (5 by default); throws naming the variable when malformed. */
export function attemptsPerMinute(env: Record<string, string | undefined> = process.env): number {
  const text = env[ATTEMPTS_ENV]?.trim();
  if (!text) return DEFAULT_ATTEMPTS_PER_MINUTE;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${ATTEMPTS_ENV} must be a whole number of at least 1, not ${JSON.stringify(text)}`);
  return n;
}

/** The process's limiter. */
export function signInLimiter(): SignInLimiter {
  store.__knativeConsoleSignInLimiter ??= new SignInLimiter(attemptsPerMinute());
  return store.__knativeConsoleSignInLimiter;
}
