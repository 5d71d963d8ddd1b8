import { describe, expect, it } from "vitest";
import { exactTime, timeAgo } from "./time-format";

const now = Date.parse("2026-06-01T12:00:00Z");
const ago = (seconds: number) => timeAgo(new Date(now - seconds * 1000), now);

describe("timeAgo", () => {
  it.each([
    [0, "just now"],
    [1, "1 second ago"],
    [42, "42 seconds ago"],
    [5 * 60 + 20, "5 minutes ago"],
    [3600, "1 hour ago"],
    [26 * 3600, "1 day ago"],
    [45 * 24 * 3600, "1 month ago"],
    [800 * 24 * 3600, "2 years ago"],
    [-30, "just now"],
  ])("%i s → %s", (seconds, text) => {
    expect(ago(seconds)).toBe(text);
  });
});

describe("exactTime", () => {
  it("prints local time with its UTC offset", () => {
    expect(exactTime(new Date(now))).toMatch(/^2026-06-0[12] \d\d:00:00 [+-]\d\d:\d\d$/);
  });
});
