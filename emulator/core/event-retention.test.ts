import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sweepEvents } from "./event-retention";
import { CONTROLLER } from "./registry";
import { EVENTS } from "./resources";
import { startApiOnly, type ApiOnlyCluster } from "../testing/api-only";

let c: ApiOnlyCluster;
beforeAll(async () => (c = await startApiOnly()));
afterAll(() => c.stop());

const event = (name: string, at: string) => ({
  metadata: { name, namespace: "default" },
  involvedObject: { kind: "Service", name: "x", namespace: "default" },
  reason: "Created",
  message: name,
  type: "Normal",
  lastTimestamp: at,
});

describe("event retention", () => {
  it("deletes events past their one-hour lease, then the oldest beyond the cap", () => {
    const now = Date.parse("2026-11-26T12:00:00Z");
    c.registry.create(EVENTS, event("ancient", "2026-11-26T10:30:00Z"), CONTROLLER);
    c.registry.create(EVENTS, event("old", "2026-11-26T11:10:00Z"), CONTROLLER);
    c.registry.create(EVENTS, event("recent", "2026-11-26T11:50:00Z"), CONTROLLER);
    c.registry.create(EVENTS, event("newest", "2026-11-26T11:59:00Z"), CONTROLLER);
    expect(sweepEvents(c.registry, { now: () => now, maxEvents: 2 })).toBe(2);
    expect(c.registry.list(EVENTS).map((e) => e.metadata.name)).toEqual(["newest", "recent"]);
  });
});
