// Is a revision getting the share of requests its configured percent says? Each request that
// goes through the split picks a revision independently with probability p (Knative's ingresses
// pick per request by weight), so a revision's count over N requests is Binomial(N, p). The
// observed share is flagged only when p lies outside the Wilson score interval of the observed
// share at 99.9 % confidence: with few requests the interval is wide and nothing is flagged,
// with many it is narrow. A fixed tolerance would cry wolf at 20 requests and miss a real
// skew at 10,000.
//
// Wilson, E. B. (1927), "Probable inference, the law of succession, and statistical inference",
// JASA 22(158); the score interval is the usual choice for a binomial proportion near 0 or 1.

/** z for a two-sided 99.9 % interval: a healthy split is flagged about once in a thousand windows. */
export const DRIFT_Z = 3.2905;
/** Below this many requests in the window no revision is judged. */
export const MIN_REQUESTS_FOR_DRIFT = 20;

export interface ShareInterval {
  low: number;
  high: number;
}

/** The Wilson score interval for `k` successes out of `n` (shares between 0 and 1). */
export function wilsonInterval(k: number, n: number, z = DRIFT_Z): ShareInterval {
  if (n <= 0) return { low: 0, high: 1 };
  const phat = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (phat + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((phat * (1 - phat)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface DriftVerdict {
  revision: string;
  /** Configured share, 0–1. */
  expected: number;
  /** Observed share, 0–1. */
  observed: number;
  requests: number;
  total: number;
  interval: ShareInterval;
  /** True when the configured share lies outside the interval. */
  drifting: boolean;
  /**
   * How far the configured share lies outside the interval, in percentage points (0 when
   * inside): the part of the difference that noise cannot explain.
   */
  beyondNoisePoints: number;
}

/**
 * Judges every revision that is configured or observed. `configured` holds percents (0–100),
 * `observed` request counts over the same requests. Undefined when there are too few requests.
 */
export function judgeDrift(configured: Record<string, number>, observed: Record<string, number>): DriftVerdict[] | undefined {
  const total = Object.values(observed).reduce((a, b) => a + b, 0);
  if (total < MIN_REQUESTS_FOR_DRIFT) return undefined;
  const percentSum = Object.values(configured).reduce((a, b) => a + b, 0);
  if (percentSum <= 0) return undefined;
  const revisions = [...new Set([...Object.keys(configured), ...Object.keys(observed)])].sort();
  return revisions.map((revision) => {
    const expected = (configured[revision] ?? 0) / percentSum;
    const requests = observed[revision] ?? 0;
    const interval = wilsonInterval(requests, total);
    const outside = expected < interval.low ? interval.low - expected : expected > interval.high ? expected - interval.high : 0;
    return {
      revision,
      expected,
      observed: requests / total,
      requests,
      total,
      interval,
      drifting: outside > 0,
      beyondNoisePoints: outside * 100,
    };
  });
}
