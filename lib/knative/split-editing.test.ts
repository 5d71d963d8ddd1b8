import { describe, expect, it } from "vitest";
import { distributeEvenly, setPercent, setPercentFree, setTag, toggleLock } from "./split-editing";
import { show, split } from "./split-editor.testing";
import { splitTotal } from "./split-state";

describe("setPercent", () => {
  it.each([
    // Two rows move together.
    ["a=60 b=40", "a", 75, "a=75 b=25"],
    ["a=60 b=40", "b", 100, "a=0 b=100"],
    ["a=60 b=40", "a", 0, "a=0 b=100"],
    // Clamped to whole 0..100.
    ["a=60 b=40", "a", 150, "a=100 b=0"],
    ["a=60 b=40", "a", -5, "a=0 b=100"],
    ["a=60 b=40", "a", 33.6, "a=34 b=66"],
    ["a=60 b=40", "a", Number.NaN, "a=0 b=100"],
    // Proportional to the others' current percents, largest remainder.
    ["a=50 b=30 c=20", "a", 80, "a=80 b=12 c=8"],
    ["a=50 b=25 c=25", "c", 34, "a=44 b=22 c=34"],
    ["a=10 b=20 c=70", "c", 0, "a=33 b=67 c=0"],
    // Ties of the remainder go to the earlier row: 33/34/33, and 33/33/34.
    ["a=34 b=33 c=33", "a", 33, "a=33 b=34 c=33"],
    ["a=100 b=0 c=0", "c", 34, "a=66 b=0 c=34"],
    // All others at 0: they share the rest evenly.
    ["a=100 b=0 c=0", "a", 34, "a=34 b=33 c=33"],
    ["a=100 b=0 c=0", "a", 0, "a=0 b=50 c=50"],
    ["@latest=100 a=0 b=0", "@latest", 90, "@latest=90 a=5 b=5"],
    // A row at 0 stays at 0 while another row still has traffic.
    ["a=50 b=50 c=0", "a", 20, "a=20 b=80 c=0"],
    // Locked rows keep their percent; the edited row is clamped to what the unlocked ones can absorb.
    ["a=50 b=30! c=20", "a", 60, "a=60 b=30! c=10"],
    ["a=50 b=30! c=20", "a", 90, "a=70 b=30! c=0"],
    ["a=50 b=30! c=20!", "a", 80, "a=50 b=30! c=20!"],
    ["a=50 b=30! c=20!", "a", 10, "a=50 b=30! c=20!"],
    ["@latest=20! a=40 b=40", "b", 100, "@latest=20! a=0 b=80"],
    // A locked row does not move, nor does an unknown one.
    ["a=50! b=50", "a", 10, "a=50! b=50"],
    ["a=50 b=50", "nope", 10, "a=50 b=50"],
    // A single row is always 100.
    ["a=100", "a", 30, "a=100"],
    // After free typing the total is made 100 again.
    ["a=50 b=20 c=20", "a", 50, "a=50 b=25 c=25"],
    ["a=50 b=20! c=40!", "a", 10, "a=40 b=20! c=40!"],
  ])("%s, %s to %s: %s", (before, rowId, value, after) => {
    expect(show(setPercent(split(before), rowId, value))).toBe(after);
  });

  it("always totals 100 and never leaves 0..100", () => {
    const start = split("@latest=7 a=13 b=29 c=0 d=51");
    for (const rowId of ["@latest", "a", "c", "d"]) {
      for (let v = -3; v <= 103; v += 1) {
        const next = setPercent(start, rowId, v);
        expect(splitTotal(next)).toBe(100);
        for (const row of next.rows) expect(Number.isInteger(row.percent) && row.percent >= 0 && row.percent <= 100).toBe(true);
      }
    }
  });

  it("rebalancing from the state at the start of a drag keeps the other rows' ratio", () => {
    const start = split("a=50 b=30 c=20");
    const viaEveryMove = [90, 99, 60, 50].reduce((s, v) => setPercent(s, "a", v), start);
    const fromStart = setPercent(start, "a", 50);
    expect(show(viaEveryMove)).toBe("a=50 b=50 c=0");
    expect(show(fromStart)).toBe("a=50 b=30 c=20");
  });

  it("leaves its argument alone and shares untouched rows", () => {
    const start = split("a=50 b=30! c=20");
    const next = setPercent(start, "a", 60);
    expect(show(start)).toBe("a=50 b=30! c=20");
    expect(next.rows[1]).toBe(start.rows[1]);
  });
});

describe("setPercentFree", () => {
  it.each([
    ["a=60 b=40", "a", 50, "a=50 b=40", 90],
    ["a=60 b=40", "a", 250, "a=100 b=40", 140],
    ["a=60 b=40", "b", -1, "a=60 b=0", 60],
    ["a=60! b=40", "a", 10, "a=60! b=40", 100],
  ])("%s, %s to %s: %s (total %s)", (before, rowId, value, after, total) => {
    const next = setPercentFree(split(before), rowId, value);
    expect(show(next)).toBe(after);
    expect(splitTotal(next)).toBe(total);
  });
});

describe("distributeEvenly", () => {
  it.each([
    ["a=100 b=0 c=0", "a=34 b=33 c=33"],
    ["@latest=100 a=0", "@latest=50 a=50"],
    ["a=1 b=2 c=3 d=4 e=5 f=6 g=79", "a=15 b=15 c=14 d=14 e=14 f=14 g=14"],
    ["a=10 b=40! c=50", "a=30 b=40! c=30"],
    ["a=10 b=45! c=50", "a=28 b=45! c=27"],
    ["a=10! b=90!", "a=10! b=90!"],
  ])("%s: %s", (before, after) => {
    expect(show(distributeEvenly(split(before)))).toBe(after);
  });
});

describe("locks and tags", () => {
  it("toggles a lock", () => {
    const locked = toggleLock(split("a=50 b=50"), "b");
    expect(show(locked)).toBe("a=50 b=50!");
    expect(show(toggleLock(locked, "b"))).toBe("a=50 b=50");
  });

  it("sets and removes a tag", () => {
    const tagged = setTag(split("a=50 b=50"), "a", "stable");
    expect(show(tagged)).toBe("a=50#stable b=50");
    expect(show(setTag(tagged, "a", ""))).toBe("a=50 b=50");
    expect(show(setTag(tagged, "a", undefined))).toBe("a=50 b=50");
    expect("tag" in setTag(tagged, "a", undefined).rows[0]!).toBe(false);
  });
});
