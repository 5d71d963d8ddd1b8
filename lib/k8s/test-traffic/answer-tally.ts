// Answers counted as the walk-through counts `curl` output: grouped by what came back (status and
// trimmed body, or why nothing came), each group with its count and its latency (median, max).
// An application that answers something different every time (a timestamp, a request id) would
// make one group per request; past MAX_GROUPS distinct answers, the rest are counted per status
// as "other answers", so a run's summary stays small whatever the application does.

import type { AnswerIdentity, AnswerStats } from "@/lib/queries/test-traffic";

export const MAX_GROUPS = 32;

/** One request's outcome. */
export interface Answer {
  status: number;
  body: string;
  truncated: boolean;
  error?: string;
  latencyMs: number;
}

interface Group {
  identity: AnswerIdentity;
  latencies: number[];
  maxMs: number;
}

const keyOf = (a: Pick<Answer, "status" | "body" | "error">) => (a.error !== undefined ? `error\n${a.error}` : `${a.status}\n${a.body}`);

/** Median by nearest rank: the smallest value at least half of the values are not above. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length / 2) - 1]!;
}

const roundMs = (ms: number) => Math.round(ms * 10) / 10;

export class AnswerTally {
  private readonly groups = new Map<string, Group>();
  private unannounced: AnswerIdentity[] = [];
  private total = 0;

  constructor(private readonly maxGroups = MAX_GROUPS) {}

  get answered(): number {
    return this.total;
  }

  add(answer: Answer): void {
    this.total++;
    const key = keyOf(answer);
    let group = this.groups.get(key);
    if (!group && this.distinctGroups() >= this.maxGroups) {
      const otherKey = `other\n${answer.status}`;
      group = this.groups.get(otherKey) ?? this.open(otherKey, { status: answer.status, body: "", truncated: false, other: true });
    }
    group ??= this.open(key, {
      status: answer.status,
      body: answer.body,
      truncated: answer.truncated,
      ...(answer.error !== undefined ? { error: answer.error } : {}),
    });
    group.latencies.push(answer.latencyMs);
    group.maxMs = Math.max(group.maxMs, answer.latencyMs);
  }

  /** Groups that appeared since the last call, in the order they appeared. */
  takeNewGroups(): AnswerIdentity[] {
    const out = this.unannounced;
    this.unannounced = [];
    return out;
  }

  /** Every group's stats, most frequent first (first seen first among equals). */
  stats(): AnswerStats[] {
    return [...this.groups.values()]
      .map((g) => ({ id: g.identity.id, count: g.latencies.length, p50Ms: roundMs(median(g.latencies)), maxMs: roundMs(g.maxMs) }))
      .sort((a, b) => b.count - a.count || a.id - b.id);
  }

  /** Identity and stats together, most frequent first: what a run's answers were. */
  summary(): Array<AnswerIdentity & AnswerStats> {
    const byId = new Map([...this.groups.values()].map((g) => [g.identity.id, g.identity]));
    return this.stats().map((s) => ({ ...byId.get(s.id)!, ...s }));
  }

  private distinctGroups(): number {
    let n = 0;
    for (const g of this.groups.values()) if (!g.identity.other) n++;
    return n;
  }

  private open(key: string, identity: Omit<AnswerIdentity, "id">): Group {
    const group: Group = { identity: { id: this.groups.size + 1, ...identity }, latencies: [], maxMs: 0 };
    this.groups.set(key, group);
    this.unannounced.push(group.identity);
    return group;
  }
}
