import { describe, expect, it } from "vitest";
import type { TestTrafficEvent } from "@/lib/queries/test-traffic";
import { kubeStatus } from "@/lib/queries/status";
import { applyEvent, IDLE, isActive, runFailed, runStarting, runStopped, sharePercent, type RunState } from "./run-state";

const started: TestTrafficEvent = {
  type: "started",
  url: "http://hello.default.example.com",
  host: "hello.default.example.com",
  gateway: "http://127.0.0.1:7081",
  gatewaySource: "kourier-system/kourier",
  planned: 20,
  timeoutMs: 15_000,
};

const play = (events: TestTrafficEvent[], from: RunState = runStarting(20)) => events.reduce(applyEvent, from);

describe("the run's state from the streamed events", () => {
  it("joins each group's body, sent once, with its latest counts, most frequent first", () => {
    const state = play([
      started,
      { type: "progress", elapsedMs: 100, sent: 8, answered: 3, newGroups: [{ id: 1, status: 200, body: "Hello World!", truncated: false }], groups: [{ id: 1, count: 3, p50Ms: 1, maxMs: 2 }] },
      {
        type: "progress",
        elapsedMs: 350,
        sent: 20,
        answered: 12,
        newGroups: [{ id: 2, status: 200, body: "Hello Knative on ASM!", truncated: false }],
        groups: [
          { id: 2, count: 7, p50Ms: 1.5, maxMs: 3 },
          { id: 1, count: 5, p50Ms: 1, maxMs: 2 },
        ],
      },
    ]);
    expect(state).toMatchObject({ phase: "running", planned: 20, sent: 20, answered: 12, elapsedMs: 350, url: "http://hello.default.example.com", gatewaySource: "kourier-system/kourier" });
    expect(state.groups.map((g) => [g.body, g.count])).toEqual([
      ["Hello Knative on ASM!", 7],
      ["Hello World!", 5],
    ]);
    expect(isActive(state)).toBe(true);
  });

  it("is finished with the final counts", () => {
    const state = play([
      started,
      { type: "finished", elapsedMs: 40, sent: 20, answered: 20, newGroups: [{ id: 1, status: 200, body: "Hello World!", truncated: false }], groups: [{ id: 1, count: 20, p50Ms: 1, maxMs: 2 }] },
    ]);
    expect(state.phase).toBe("finished");
    expect(state.groups).toEqual([{ id: 1, status: 200, body: "Hello World!", truncated: false, count: 20, p50Ms: 1, maxMs: 2 }]);
    expect(isActive(state)).toBe(false);
  });

  it("keeps what was counted when stopped, and ignores events that arrive after", () => {
    const running = play([started, { type: "progress", elapsedMs: 900, sent: 9, answered: 8, newGroups: [{ id: 1, status: 200, body: "a", truncated: false }], groups: [{ id: 1, count: 8, p50Ms: 1, maxMs: 1 }] }]);
    const stopped = runStopped(running);
    expect(stopped).toMatchObject({ phase: "stopped", answered: 8, planned: 20 });
    expect(applyEvent(stopped, { type: "progress", elapsedMs: 1000, sent: 10, answered: 10, newGroups: [], groups: [{ id: 1, count: 10, p50Ms: 1, maxMs: 1 }] })).toBe(stopped);
    expect(runStopped(IDLE)).toBe(IDLE);
  });

  it("fails with the server's Status, keeping what was counted", () => {
    const status = kubeStatus(503, "The ingress gateway at http://127.0.0.1:9 (kourier-system/kourier) is not reachable: connection refused (127.0.0.1:9).");
    expect(runFailed(runStarting(20), status)).toMatchObject({ phase: "failed", error: status, answered: 0 });
    const broke = play([started, { type: "failed", status }]);
    expect(broke).toMatchObject({ phase: "failed", error: status, url: "http://hello.default.example.com" });
  });
});

describe("sharePercent", () => {
  it.each([
    [10, 20, "50"],
    [1, 3, "33"],
    [1, 20, "5"],
    [1, 30, "3.3"],
    [0, 20, "0"],
    [0, 0, "0"],
    [20, 20, "100"],
  ])("%d of %d is %s %", (count, answered, want) => {
    expect(sharePercent(count, answered)).toBe(want);
  });
});
