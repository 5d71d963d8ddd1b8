// Failure injection for canary tests, driven by the container's environment so that a user can
// set it from the console's Create Revision wizard (Advanced › environment variables). Every
// image honours it, helloworld included. Documented in emulator/README.md.
//
//   ERROR_RATE         Share of requests answered with an error: a fraction ("0.25", ".1"), or a
//                      percentage ("25%", "12.5%"); a bare number above 1 is a percentage ("25").
//                      Up to 4 decimals are kept.
//                      Deterministic, not random: the n-th request to the revision fails exactly
//                      when floor(n·rate) > floor((n−1)·rate), so any N consecutive requests from
//                      the start contain floor(N·rate) failures, evenly spread (0.25 → requests
//                      4, 8, 12, …). The rate is kept as an exact decimal fraction, so "0.29" over
//                      100 requests is 29 failures, never 28 from floating-point rounding.
//   ERROR_STATUS       The status of an injected failure, 400–599. Default 500.
//   RESPONSE_DELAY_MS  Milliseconds to wait before answering (every request, failed or not).
//
// A value that does not parse is ignored (as if unset).

import type { ContainerEnv } from "./container-env";

export const ENV_ERROR_RATE = "ERROR_RATE";
export const ENV_ERROR_STATUS = "ERROR_STATUS";
export const ENV_RESPONSE_DELAY_MS = "RESPONSE_DELAY_MS";

const DEFAULT_ERROR_STATUS = 500;
// Keeps n·numerator below 2^53 (denominator ≤ 10^4 · 100), so the decision is exact integer arithmetic.
const MAX_DECIMALS = 4;

/** A rate as an exact fraction numerator/denominator, 0 ≤ numerator ≤ denominator. */
export interface ExactRate {
  numerator: number;
  denominator: number;
}

export interface FailurePlan {
  errorRate: ExactRate | undefined;
  /** The ERROR_RATE text as the user wrote it, for the failure's message. */
  errorRateText: string | undefined;
  errorStatus: number;
  delayMs: number;
}

export function failurePlanFromEnv(env: ContainerEnv): FailurePlan {
  const errorRateText = env[ENV_ERROR_RATE]?.trim();
  const errorRate = errorRateText ? parseRate(errorRateText) : undefined;
  const status = Number(env[ENV_ERROR_STATUS]);
  const delay = Number(env[ENV_RESPONSE_DELAY_MS]);
  return {
    errorRate: errorRate && errorRate.numerator > 0 ? errorRate : undefined,
    errorRateText: errorRate ? errorRateText : undefined,
    errorStatus: Number.isInteger(status) && status >= 400 && status <= 599 ? status : DEFAULT_ERROR_STATUS,
    delayMs: env[ENV_RESPONSE_DELAY_MS] !== undefined && Number.isFinite(delay) && delay > 0 ? Math.round(delay) : 0,
  };
}

/** "0.25" → 25/100, "12.5%" → 125/1000, "25" → 25/100, "1" → 1/1. Undefined if it does not parse. */
export function parseRate(text: string): ExactRate | undefined {
  const match = /^(\d*)(?:\.(\d*))?\s*(%?)$/.exec(text.trim());
  if (!match || (match[1] === "" && !match[2])) return undefined;
  const fractionDigits = (match[2] ?? "").slice(0, MAX_DECIMALS);
  let numerator = Number((match[1] ?? "") + fractionDigits);
  let denominator = 10 ** fractionDigits.length;
  const isPercent = match[3] === "%" || numerator > denominator;
  if (isPercent) denominator *= 100;
  numerator = Math.min(numerator, denominator);
  const divisor = gcd(numerator, denominator);
  return { numerator: numerator / divisor, denominator: denominator / divisor };
}

/**
 * Decides request by request whether to fail. The pattern repeats every `denominator` requests,
 * so the counter wraps there and never overflows.
 */
export class FailureSequence {
  private position = 0; // requests seen, modulo the denominator

  constructor(private readonly rate: ExactRate | undefined) {}

  /** Counts one request; true if it is one of the failing ones. */
  nextFails(): boolean {
    if (!this.rate) return false;
    const { numerator, denominator } = this.rate;
    const n = this.position + 1;
    this.position = n % denominator;
    return Math.floor((n * numerator) / denominator) > Math.floor(((n - 1) * numerator) / denominator);
  }
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a || 1;
}
