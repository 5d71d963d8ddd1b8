// The contract of "Send requests" (POST …/services/{name}/requests), shared by the console
// server that sends them and the panel that shows the answers: what may be asked, within which
// bounds, and the events the answer streams back (one JSON object per line).
//
// The bounds keep a console user from turning the console into a load generator against their
// own cluster: test traffic is for seeing a split work, not for benchmarking.

import type { KubeStatus } from "./status";

export interface Bounds {
  min: number;
  max: number;
  default: number;
}

export const REQUEST_BOUNDS = {
  /** "Send 20 requests", as the canary walk-through does with curl. */
  count: { min: 1, max: 1000, default: 20 },
  perSecond: { min: 1, max: 50, default: 10 },
  durationSeconds: { min: 1, max: 300, default: 30 },
} as const satisfies Record<string, Bounds>;

/** Runs of requests in progress at once for one Service; one more is refused with 429. */
export const MAX_RUNS_PER_SERVICE = 3;
/** Runs of requests in progress at once in the whole console. */
export const MAX_RUNS_IN_CONSOLE = 12;
/** How long one request may take, cold start included, before it counts as unanswered. */
export const REQUEST_TIMEOUT_MS = 15_000;
/** How much of each answer's body is read and kept; the rest is dropped and the answer marked truncated. */
export const BODY_LIMIT_BYTES = 4096;

/** What the field must be, in the words the API and the form both use. */
export function boundsMessage(b: Bounds): string {
  return `must be a whole number from ${b.min} to ${b.max}`;
}

/** The Service's own URL, or the URL of one of its traffic tags. */
export type RequestTargetChoice = "service" | { tag: string };

export type TestTrafficRequest =
  | { target: RequestTargetChoice; mode: "count"; count: number }
  | { target: RequestTargetChoice; mode: "rate"; perSecond: number; durationSeconds: number };

/** How many requests a run sends. */
export function plannedRequests(request: TestTrafficRequest): number {
  return request.mode === "count" ? request.count : request.perSecond * request.durationSeconds;
}

/** What identifies a group of answers: the same status and the same body (trimmed). */
export interface AnswerIdentity {
  id: number;
  /** The HTTP status; 0 when no answer came (`error` says why). */
  status: number;
  /** The body as text, trimmed, at most BODY_LIMIT_BYTES of it. */
  body: string;
  /** The body was longer than BODY_LIMIT_BYTES. */
  truncated: boolean;
  /** Why there is no answer: "no answer within 15 s", "connection reset". */
  error?: string;
  /** Answers of this status whose bodies differ from every group kept: too many to tell apart. */
  other?: boolean;
}

export interface AnswerStats {
  id: number;
  count: number;
  /** Latency in ms (request sent to body read), median and maximum. */
  p50Ms: number;
  maxMs: number;
}

export interface RunProgress {
  elapsedMs: number;
  /** Requests started. */
  sent: number;
  /** Requests with an outcome: an answer or an error. */
  answered: number;
  /** Groups seen for the first time since the previous event. */
  newGroups: AnswerIdentity[];
  /** Every group's stats so far, most frequent first. */
  groups: AnswerStats[];
}

export type TestTrafficEvent =
  | {
      type: "started";
      /** The URL whose host the requests carry. */
      url: string;
      host: string;
      /** Where they are sent: the ingress gateway. */
      gateway: string;
      /** Where that address came from: `kourier-system/kourier`, or the console's configuration. */
      gatewaySource: string;
      planned: number;
      timeoutMs: number;
    }
  | ({ type: "progress" } & RunProgress)
  | ({ type: "finished" } & RunProgress)
  /** The run broke off for a reason of the console's own; what was counted so far stands. */
  | { type: "failed"; status: KubeStatus };

export const NDJSON_CONTENT_TYPE = "application/x-ndjson";
