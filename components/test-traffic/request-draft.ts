// The Send requests form as the user types it: numbers as text, so an emptied or out-of-range
// box shows what is wrong instead of being silently clamped. Send is possible only for a draft
// the server's bounds accept (lib/queries/test-traffic.ts, the same bounds its zod shape uses).

import { SERVICE_TARGET_KEY, type RequestTarget } from "@/lib/knative/request-targets";
import { type Bounds, REQUEST_BOUNDS, type TestTrafficRequest } from "@/lib/queries/test-traffic";

export type Mode = "count" | "rate";

export interface RequestDraft {
  targetKey: string;
  mode: Mode;
  count: string;
  perSecond: string;
  durationSeconds: string;
}

export type DraftField = "count" | "perSecond" | "durationSeconds";
export type DraftProblems = Partial<Record<DraftField | "target", string>>;

export const INITIAL_DRAFT: RequestDraft = {
  targetKey: SERVICE_TARGET_KEY,
  mode: "count",
  count: String(REQUEST_BOUNDS.count.default),
  perSecond: String(REQUEST_BOUNDS.perSecond.default),
  durationSeconds: String(REQUEST_BOUNDS.durationSeconds.default),
};

/** The field's whole number, or undefined when it is not one within `b`. */
export function wholeNumberIn(text: string, b: Bounds): number | undefined {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return undefined;
  const n = Number(t);
  return n >= b.min && n <= b.max ? n : undefined;
}

const problem = (b: Bounds) => `Enter a whole number from ${b.min} to ${b.max}.`;

export function draftProblems(draft: RequestDraft, targets: readonly RequestTarget[]): DraftProblems {
  const out: DraftProblems = {};
  if (!targets.some((t) => t.key === draft.targetKey)) out.target = "Choose where to send the requests.";
  const fields: DraftField[] = draft.mode === "count" ? ["count"] : ["perSecond", "durationSeconds"];
  for (const f of fields) if (wholeNumberIn(draft[f], REQUEST_BOUNDS[f]) === undefined) out[f] = problem(REQUEST_BOUNDS[f]);
  return out;
}

/** The request to send, or undefined while the draft has problems. */
export function requestOf(draft: RequestDraft, targets: readonly RequestTarget[]): TestTrafficRequest | undefined {
  if (Object.keys(draftProblems(draft, targets)).length > 0) return undefined;
  const target = targets.find((t) => t.key === draft.targetKey)!;
  const choice = target.tag === undefined ? ("service" as const) : { tag: target.tag };
  return draft.mode === "count"
    ? { target: choice, mode: "count", count: Number(draft.count.trim()) }
    : { target: choice, mode: "rate", perSecond: Number(draft.perSecond.trim()), durationSeconds: Number(draft.durationSeconds.trim()) };
}

/** The draft's target, kept while it still exists; the Service URL when a tag went away. */
export function keepTarget(draft: RequestDraft, targets: readonly RequestTarget[]): RequestDraft {
  if (targets.some((t) => t.key === draft.targetKey) || targets.length === 0) return draft;
  return { ...draft, targetKey: targets[0]!.key };
}
