// Smooth weighted round-robin, nginx's upstream algorithm (ngx_http_upstream_get_peer): every pick
// adds each peer's weight to its current score, takes the highest score (the first on a tie) and
// subtracts the total weight from it. Over any run of `total` consecutive picks each peer is chosen
// exactly `weight` times, interleaved as evenly as possible (50/50 alternates, 20/80 gives one A in
// every five). Real ingresses pick at random by weight; the embedded gateway is exact instead, so
// a split can be checked by counting.

export interface WeightedChoice<T> {
  value: T;
  weight: number;
}

export class SmoothWeightedRoundRobin<T> {
  private readonly values: T[];
  private readonly weights: number[];
  private readonly current: number[];
  private readonly total: number;

  /** Choices with weight ≤ 0 are never picked. */
  constructor(choices: ReadonlyArray<WeightedChoice<T>>) {
    const usable = choices.filter((c) => c.weight > 0);
    this.values = usable.map((c) => c.value);
    this.weights = usable.map((c) => c.weight);
    this.current = usable.map(() => 0);
    this.total = this.weights.reduce((sum, w) => sum + w, 0);
  }

  get size(): number {
    return this.values.length;
  }

  /** The next choice, or undefined when there is nothing to choose from. */
  next(): T | undefined {
    const n = this.values.length;
    if (n === 0) return undefined;
    if (n === 1) return this.values[0];
    let best = 0;
    for (let i = 0; i < n; i++) {
      this.current[i]! += this.weights[i]!;
      if (this.current[i]! > this.current[best]!) best = i;
    }
    this.current[best]! -= this.total;
    return this.values[best];
  }
}
