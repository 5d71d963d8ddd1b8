import { describe, expect, it } from "vitest";
import { SmoothWeightedRoundRobin } from "./swrr";

const picks = <T>(rr: SmoothWeightedRoundRobin<T>, n: number) => Array.from({ length: n }, () => rr.next());
const count = <T>(values: T[]) => values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<T, number>());

describe("SmoothWeightedRoundRobin (nginx)", () => {
  it("50/50 alternates, so every window of 100 is exactly even", () => {
    const rr = new SmoothWeightedRoundRobin([
      { value: "a", weight: 50 },
      { value: "b", weight: 50 },
    ]);
    const seq = picks(rr, 1000);
    expect(seq.slice(0, 4)).toEqual(["a", "b", "a", "b"]);
    for (let start = 0; start + 100 <= seq.length; start += 100) {
      expect(count(seq.slice(start, start + 100))).toEqual(new Map([["a", 50], ["b", 50]]));
    }
  });

  it("20/80 gives one a in every five, at the nginx positions", () => {
    const rr = new SmoothWeightedRoundRobin([
      { value: "a", weight: 20 },
      { value: "b", weight: 80 },
    ]);
    // current after +w: a20 b80 → b (b=-20); a40 b60 → b (b=-40); a60 b40 → a (a=-40);
    // a-20 b120 → b (b=20); a0 b100 → b (b=0); back to the start.
    expect(picks(rr, 10).join("")).toBe("bbabbbbabb");
  });

  it("33/33/34 gives exactly 33, 33 and 34 in each 100, interleaved", () => {
    const rr = new SmoothWeightedRoundRobin([
      { value: "a", weight: 33 },
      { value: "b", weight: 33 },
      { value: "c", weight: 34 },
    ]);
    expect(picks(rr, 6).join("")).toBe("cabcab");
    for (let round = 0; round < 5; round++) {
      expect(count(picks(rr, 100))).toEqual(new Map([["c", 34], ["a", 33], ["b", 33]]));
    }
  });

  it("nginx's classic 5/1/1 example: a a b a c a a", () => {
    const rr = new SmoothWeightedRoundRobin([
      { value: "a", weight: 5 },
      { value: "b", weight: 1 },
      { value: "c", weight: 1 },
    ]);
    expect(picks(rr, 7).join("")).toBe("aabacaa");
  });

  it("100/0 always picks the weighted one; nothing to pick gives undefined", () => {
    const rr = new SmoothWeightedRoundRobin([
      { value: "a", weight: 100 },
      { value: "b", weight: 0 },
    ]);
    expect(new Set(picks(rr, 50))).toEqual(new Set(["a"]));
    expect(new SmoothWeightedRoundRobin([{ value: "a", weight: 0 }]).next()).toBeUndefined();
    expect(new SmoothWeightedRoundRobin([]).next()).toBeUndefined();
  });
});
