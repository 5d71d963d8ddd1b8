// Quantiles of a latency histogram, estimated as Prometheus' histogram_quantile does: find the
// bucket the rank falls in and interpolate linearly inside it (prometheus/prometheus
// promql/quantile.go, bucketQuantile). The lowest bucket starts at 0; a rank in the open top
// bucket answers the highest finite bound, since nothing is known above it.

export interface Histogram {
  /** Upper bounds in seconds, ascending. */
  bounds: number[];
  /** Observations per bucket, not cumulative; one more than `bounds` (the open top bucket). */
  counts: number[];
}

export function histogramTotal(h: Histogram): number {
  let total = 0;
  for (const c of h.counts) total += c;
  return total;
}

/** The q-quantile (0 ≤ q ≤ 1) in seconds, or undefined for an empty histogram. */
export function histogramQuantile(h: Histogram, q: number): number | undefined {
  const total = histogramTotal(h);
  if (total <= 0 || h.bounds.length === 0) return undefined;
  const rank = Math.min(Math.max(q, 0), 1) * total;
  let below = 0;
  for (let i = 0; i < h.counts.length; i++) {
    const count = h.counts[i]!;
    if (count > 0 && below + count >= rank) {
      if (i >= h.bounds.length) return h.bounds[h.bounds.length - 1];
      const lower = i === 0 ? 0 : h.bounds[i - 1]!;
      const upper = h.bounds[i]!;
      return lower + (upper - lower) * ((rank - below) / count);
    }
    below += count;
  }
  return h.bounds[h.bounds.length - 1];
}

/** Adds `add` into `into` bucket by bucket; histograms with other bounds are re-aligned by bound. */
export function addHistogram(into: Histogram, add: Histogram): Histogram {
  if (into.bounds.length === 0) return { bounds: [...add.bounds], counts: [...add.counts] };
  if (sameBounds(into.bounds, add.bounds)) {
    return { bounds: into.bounds, counts: into.counts.map((c, i) => c + (add.counts[i] ?? 0)) };
  }
  // Different layouts (pods of different Knative versions): put each count in the first bucket
  // of `into` whose bound is not below the count's own bound.
  const counts = [...into.counts];
  add.counts.forEach((c, i) => {
    const bound = i < add.bounds.length ? add.bounds[i]! : Infinity;
    const j = into.bounds.findIndex((b) => b >= bound);
    counts[j === -1 ? into.bounds.length : j]! += c;
  });
  return { bounds: into.bounds, counts };
}

function sameBounds(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
