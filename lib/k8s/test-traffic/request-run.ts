// A run of test requests: `planned` requests, started `intervalMs` apart (0: as fast as the
// in-flight limit allows), never more than `maxInFlight` at once. A request that cannot start on
// time because the limit is reached starts as soon as one finishes, and the ones after it follow
// at the same interval from there: a slow revision lowers the rate, it never causes a burst of
// catching up. Stopping (the signal) starts nothing more and drops what is in flight.

import http from "node:http";
import https from "node:https";
import { performance } from "node:perf_hooks";
import type { Answer } from "./answer-tally";
import { requestViaGateway } from "./gateway-request";

export interface RunPlan {
  gateway: URL;
  host: string;
  planned: number;
  intervalMs: number;
  maxInFlight: number;
  timeoutMs: number;
  bodyLimit: number;
}

export interface RunHooks {
  signal: AbortSignal;
  onSent(): void;
  onAnswer(answer: Answer): void;
}

/** In flight at once: enough to keep up with the highest rate, few enough to be polite. */
export function maxInFlightFor(mode: "count" | "rate"): number {
  return mode === "count" ? 8 : 64;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

export async function runRequests(plan: RunPlan, hooks: RunHooks): Promise<void> {
  const { signal } = hooks;
  const Agent = plan.gateway.protocol === "https:" ? https.Agent : http.Agent;
  // The run's own connections, closed with it: nothing is shared with other runs or the API clients.
  const agent = new Agent({ keepAlive: true, maxSockets: plan.maxInFlight });
  const inFlight = new Set<Promise<void>>();
  let nextAt = performance.now();
  try {
    for (let i = 0; i < plan.planned && !signal.aborted; i++) {
      await sleep(nextAt - performance.now(), signal);
      while (inFlight.size >= plan.maxInFlight && !signal.aborted) await Promise.race(inFlight);
      if (signal.aborted) break;
      // Late by less than an interval (timers): keep the schedule. Later (the limit held it back):
      // a new schedule from now.
      nextAt += plan.intervalMs;
      if (nextAt < performance.now()) nextAt = performance.now() + plan.intervalMs;
      hooks.onSent();
      const one = requestViaGateway({ gateway: plan.gateway, host: plan.host, agent, timeoutMs: plan.timeoutMs, bodyLimit: plan.bodyLimit, signal }).then((answer) => {
        inFlight.delete(one);
        if (answer && !signal.aborted) hooks.onAnswer(answer);
      });
      inFlight.add(one);
    }
    await Promise.all(inFlight);
  } finally {
    agent.destroy();
  }
}
