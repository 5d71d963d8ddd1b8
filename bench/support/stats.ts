// Small statistics for the bench scripts: the median, nearest-rank percentiles, and a linear
// trend with its 95 % confidence interval.

export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function median(xs: number[]): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const p95 = (xs: number[]) => percentile(xs, 95);

export const sleep = (msToWait: number) => new Promise<void>((resolve) => setTimeout(resolve, msToWait));

// Student's t, two-sided 95 %, by degrees of freedom 1 to 30; beyond, the normal 1.96.
const T95 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

export interface Trend {
  /** Least-squares slope, y per x. */
  slope: number;
  /** Its 95 % confidence interval. */
  low: number;
  high: number;
}

/** The least-squares line through `points` ([x, y], at least 3): is there a trend, and how sure is it? */
export function linearTrend(points: Array<[number, number]>): Trend {
  const n = points.length;
  if (n < 3) return { slope: Number.NaN, low: Number.NaN, high: Number.NaN };
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  const sxx = points.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  const slope = points.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0) / sxx;
  const residual = points.reduce((a, [x, y]) => a + (y - my - slope * (x - mx)) ** 2, 0);
  const half = (T95[n - 3] ?? 1.96) * Math.sqrt(residual / (n - 2) / sxx);
  return { slope, low: slope - half, high: slope + half };
}
