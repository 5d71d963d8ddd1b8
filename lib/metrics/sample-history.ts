// The page's copy of a Service's samples: replaced by the history a (re)connected stream sends
// first, then extended one sample a second; bounded like the server's.

import type { MetricsMessage, MetricsSample } from "./types";

export const MAX_SAMPLES = 600;

export function applyMetricsMessage(samples: readonly MetricsSample[], message: MetricsMessage): readonly MetricsSample[] {
  if (message.type === "history") return message.samples.slice(-MAX_SAMPLES);
  const last = samples.at(-1);
  if (last && message.sample.at <= last.at) return samples;
  const next = [...samples, message.sample];
  return next.length > MAX_SAMPLES ? next.slice(next.length - MAX_SAMPLES) : next;
}
