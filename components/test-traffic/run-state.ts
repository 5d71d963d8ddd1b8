// What the Send requests panel knows about the current run, built from the events the server
// streams (lib/queries/test-traffic.ts): a pure reducer, so the panel only draws. Bodies arrive
// once per group and counts with every progress event; the groups are kept most frequent first,
// as the server orders them.

import type { KubeStatus } from "@/lib/queries/status";
import type { AnswerIdentity, AnswerStats, RunProgress, TestTrafficEvent } from "@/lib/queries/test-traffic";

export type RunPhase = "idle" | "starting" | "running" | "finished" | "stopped" | "failed";

export type AnswerGroup = AnswerIdentity & AnswerStats;

export interface RunState {
  phase: RunPhase;
  planned: number;
  sent: number;
  answered: number;
  elapsedMs: number;
  /** Where the requests went: set by the `started` event. */
  url?: string;
  gateway?: string;
  gatewaySource?: string;
  timeoutMs?: number;
  groups: AnswerGroup[];
  identities: Record<number, AnswerIdentity>;
  /** Why the run could not start or broke off (phase "failed"). */
  error?: KubeStatus;
}

export const IDLE: RunState = { phase: "idle", planned: 0, sent: 0, answered: 0, elapsedMs: 0, groups: [], identities: {} };

export function runStarting(planned: number): RunState {
  return { ...IDLE, phase: "starting", planned };
}

function withProgress(state: RunState, p: RunProgress): RunState {
  const identities = { ...state.identities };
  for (const g of p.newGroups) identities[g.id] = g;
  const groups = p.groups.flatMap((s) => (identities[s.id] ? [{ ...identities[s.id]!, ...s }] : []));
  return { ...state, sent: p.sent, answered: p.answered, elapsedMs: p.elapsedMs, identities, groups };
}

export function applyEvent(state: RunState, event: TestTrafficEvent): RunState {
  if (state.phase !== "starting" && state.phase !== "running") return state; // stopped by the user: later events do not count
  switch (event.type) {
    case "started":
      return { ...state, phase: "running", planned: event.planned, url: event.url, gateway: event.gateway, gatewaySource: event.gatewaySource, timeoutMs: event.timeoutMs };
    case "progress":
      return withProgress(state, event);
    case "finished":
      return { ...withProgress(state, event), phase: "finished" };
    case "failed":
      return { ...state, phase: "failed", error: event.status };
  }
}

/** The user pressed Stop (or left): what was counted stands. */
export function runStopped(state: RunState): RunState {
  return state.phase === "starting" || state.phase === "running" ? { ...state, phase: "stopped" } : state;
}

/** The server refused the run, or the stream broke off without saying why. */
export function runFailed(state: RunState, error: KubeStatus): RunState {
  return { ...state, phase: "failed", error };
}

export const isActive = (state: RunState) => state.phase === "starting" || state.phase === "running";

/** Share of the answered requests, in whole percent (one decimal under 10 %). */
export function sharePercent(count: number, answered: number): string {
  if (answered === 0) return "0";
  const share = (count / answered) * 100;
  return share < 10 && share !== Math.round(share) ? share.toFixed(1) : String(Math.round(share));
}
