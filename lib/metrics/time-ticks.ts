// Where the Service page's time charts put their time axis ticks. Recharts would place them from
// the data, at its first and last timestamp, so every second brought a new label; each new label is
// text Recharts measures in the DOM (a forced layout) and keeps in its measurement cache. On whole
// steps of the clock the same few labels stay put as the window slides, and a new one appears once
// a step, as on any monitoring dashboard.

/** The steps a time axis may take, in ms: each divides an hour evenly. */
const STEPS_MS = [5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000] as const;

export interface TimeTicks {
  /** Tick positions (ms since the epoch), oldest first, all within the span. */
  ticks: number[];
  /** The step between ticks (ms); under a minute, labels need their seconds. */
  stepMs: number;
}

/**
 * Ticks on whole multiples of the smallest step that puts at most `most` ticks in `from`..`to`
 * (ms since the epoch). Multiples of the epoch are whole steps of the local clock too: every time
 * zone's offset today is a whole multiple of 15 minutes (+5:45 and +12:45 included).
 */
export function timeTicks(from: number, to: number, most = 6): TimeTicks {
  const stepMs = STEPS_MS.find((step) => count(from, to, step) <= most) ?? STEPS_MS.at(-1)!;
  const ticks: number[] = [];
  for (let at = Math.ceil(from / stepMs) * stepMs; at <= to; at += stepMs) ticks.push(at);
  return { ticks, stepMs };
}

function count(from: number, to: number, step: number): number {
  return Math.max(0, Math.floor(to / step) - Math.ceil(from / step) + 1);
}
