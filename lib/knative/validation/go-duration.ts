// Go's time.ParseDuration, for the annotations Knative reads as durations
// (rollout-duration, progress-deadline, autoscaling window, scale-down-delay, ...).

const UNIT_NANOS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  "µs": 1e3, // U+00B5 micro sign
  "μs": 1e3, // U+03BC Greek mu
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

export const SECOND_NANOS = 1e9;

/** Nanoseconds, or undefined when Go would return an error. */
export function parseGoDuration(input: string): number | undefined {
  let s = input;
  let sign = 1;
  if (s.startsWith("-") || s.startsWith("+")) {
    if (s[0] === "-") sign = -1;
    s = s.slice(1);
  }
  if (s === "0") return 0;
  if (s === "") return undefined;
  let total = 0;
  const part = /^(\d*)(?:\.(\d*))?([^\d.]+)/;
  while (s.length > 0) {
    const m = part.exec(s);
    if (!m) return undefined;
    const [whole, int = "", frac] = m;
    if (int === "" && (frac === undefined || frac === "")) return undefined;
    const unit = UNIT_NANOS[m[3]!];
    if (unit === undefined) return undefined;
    total += Number(int || "0") * unit + (frac ? Number(`0.${frac}`) * unit : 0);
    s = s.slice(whole.length);
  }
  return sign * Math.round(total);
}

/** Whether the duration is a whole number of seconds (Go: `d.Round(time.Second) == d`). */
export function isWholeSeconds(nanos: number): boolean {
  return nanos % SECOND_NANOS === 0;
}
