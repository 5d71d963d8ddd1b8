import { describe, expect, it } from "vitest";
import { AnswerTally, median, type Answer } from "./answer-tally";

const ok = (body: string, latencyMs = 1): Answer => ({ status: 200, body, truncated: false, latencyMs });

describe("AnswerTally", () => {
  it("groups answers by status and body, most frequent first, with count and latency", () => {
    const tally = new AnswerTally();
    for (const [body, ms] of [["Hello World!", 4], ["Hello Knative on ASM!", 10], ["Hello World!", 2], ["Hello World!", 9]] as const) tally.add(ok(body, ms));
    tally.add({ status: 503, body: "revision is not available", truncated: false, latencyMs: 1 });
    expect(tally.answered).toBe(5);
    expect(tally.summary()).toEqual([
      { id: 1, status: 200, body: "Hello World!", truncated: false, count: 3, p50Ms: 4, maxMs: 9 },
      { id: 2, status: 200, body: "Hello Knative on ASM!", truncated: false, count: 1, p50Ms: 10, maxMs: 10 },
      { id: 3, status: 503, body: "revision is not available", truncated: false, count: 1, p50Ms: 1, maxMs: 1 },
    ]);
  });

  it("keeps the same body under different statuses apart, and errors apart from answers", () => {
    const tally = new AnswerTally();
    tally.add(ok("x"));
    tally.add({ status: 500, body: "x", truncated: false, latencyMs: 1 });
    tally.add({ status: 0, body: "", truncated: false, error: "no answer within 15 s", latencyMs: 15_000 });
    tally.add({ status: 0, body: "", truncated: false, error: "connection reset", latencyMs: 3 });
    tally.add({ status: 0, body: "", truncated: false, error: "no answer within 15 s", latencyMs: 15_001 });
    expect(tally.summary().map((g) => [g.status, g.body, g.error, g.count])).toEqual([
      [0, "", "no answer within 15 s", 2],
      [200, "x", undefined, 1],
      [500, "x", undefined, 1],
      [0, "", "connection reset", 1],
    ]);
  });

  it("announces each group once, when it first appears", () => {
    const tally = new AnswerTally();
    tally.add(ok("a"));
    tally.add(ok("a"));
    expect(tally.takeNewGroups()).toEqual([{ id: 1, status: 200, body: "a", truncated: false }]);
    tally.add(ok("a"));
    expect(tally.takeNewGroups()).toEqual([]);
    tally.add(ok("b"));
    expect(tally.takeNewGroups().map((g) => g.body)).toEqual(["b"]);
    expect(tally.stats()).toEqual([
      { id: 1, count: 3, p50Ms: 1, maxMs: 1 },
      { id: 2, count: 1, p50Ms: 1, maxMs: 1 },
    ]);
  });

  it("past its group limit, counts further different answers per status as other answers", () => {
    const tally = new AnswerTally(2);
    for (const body of ["t=1", "t=2", "t=3", "t=4", "t=1"]) tally.add(ok(body));
    tally.add({ status: 500, body: "t=5", truncated: false, latencyMs: 1 });
    expect(tally.summary().map((g) => [g.status, g.body, g.other ?? false, g.count])).toEqual([
      [200, "t=1", false, 2],
      [200, "", true, 2],
      [200, "t=2", false, 1],
      [500, "", true, 1],
    ]);
    expect(tally.answered).toBe(6);
  });

  it("rounds latencies to a tenth of a millisecond", () => {
    const tally = new AnswerTally();
    tally.add(ok("a", 1.234));
    tally.add(ok("a", 7.891));
    expect(tally.stats()[0]).toMatchObject({ p50Ms: 1.2, maxMs: 7.9 });
  });
});

describe("median", () => {
  it.each([
    [[], 0],
    [[5], 5],
    [[3, 1], 1],
    [[3, 1, 2], 2],
    [[10, 1, 4, 2], 2],
    [[9, 9, 1, 9, 1], 9],
  ])("of %j is %d (nearest rank)", (values, want) => {
    expect(median(values)).toBe(want);
  });
});
