import { describe, expect, it } from "vitest";
import { timeTicks } from "./time-ticks";

const at = (hhmmss: string) => Date.parse(`2026-12-02T${hhmmss}Z`);

describe("timeTicks", () => {
  it("puts five minutes of samples on whole minutes", () => {
    const { ticks, stepMs } = timeTicks(at("18:31:07"), at("18:36:06"));
    expect(stepMs).toBe(60_000);
    expect(ticks).toEqual([at("18:32:00"), at("18:33:00"), at("18:34:00"), at("18:35:00"), at("18:36:00")]);
  });

  it("keeps the same ticks as the window slides by a second", () => {
    const now = timeTicks(at("18:31:07"), at("18:36:06")).ticks;
    const next = timeTicks(at("18:31:08"), at("18:36:07")).ticks;
    expect(next).toEqual(now);
  });

  it("takes a finer step, with seconds, while the first minute fills", () => {
    expect(timeTicks(at("18:31:07"), at("18:31:40"))).toEqual({ ticks: [at("18:31:10"), at("18:31:20"), at("18:31:30"), at("18:31:40")], stepMs: 10_000 });
    expect(timeTicks(at("18:31:07"), at("18:31:09"))).toEqual({ ticks: [], stepMs: 5_000 });
  });

  it("never puts more than `most` ticks", () => {
    for (const span of [1, 30, 59, 61, 150, 299, 300, 599, 900]) {
      const { ticks } = timeTicks(at("18:31:07"), at("18:31:07") + span * 1000, 4);
      expect(ticks.length, `span ${span} s`).toBeLessThanOrEqual(4);
    }
  });

  it("stays at five minutes when even that step gives too many", () => {
    expect(timeTicks(at("18:00:00"), at("19:00:00")).stepMs).toBe(300_000);
  });

  it("has no ticks for an empty span", () => {
    expect(timeTicks(at("18:31:07"), at("18:31:06")).ticks).toEqual([]);
  });
});
