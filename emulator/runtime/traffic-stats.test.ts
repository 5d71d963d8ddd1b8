import { describe, expect, it } from "vitest";
import { createTrafficStats } from "./traffic-stats";

/** A manual clock starting on a second boundary. */
function fakeClock(start = 1_700_000_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms), set: (ms: number) => void (t = start + ms) };
}

describe("InMemoryTrafficStats", () => {
  it("counts in-flight requests per namespace/revision; done is idempotent", () => {
    const stats = createTrafficStats({ now: fakeClock().now });
    const a = stats.begin("default", "hello-00001");
    stats.begin("default", "hello-00001");
    stats.begin("other", "hello-00001");
    expect(stats.inFlight("default", "hello-00001")).toBe(2);
    expect(stats.inFlight("other", "hello-00001")).toBe(1);
    a();
    a();
    expect(stats.inFlight("default", "hello-00001")).toBe(1);
    expect(stats.inFlight("default", "unknown")).toBe(0);
  });

  it("lastSecond reports the previous full second: request count and time-weighted concurrency", () => {
    const clock = fakeClock();
    const stats = createTrafficStats({ now: clock.now });
    // Second 0: one request for the whole second, a second one for its last 250 ms.
    const long = stats.begin("ns", "r");
    clock.set(750);
    const short = stats.begin("ns", "r");
    clock.set(1000);
    short();
    long();
    // Still inside second 0: it is not complete yet.
    clock.set(999);
    expect(stats.lastSecond("ns", "r")).toEqual({ requestCount: 0, averageConcurrency: 0 });
    clock.set(1500);
    expect(stats.lastSecond("ns", "r")).toEqual({ requestCount: 2, averageConcurrency: 1.25 });
    clock.set(2500);
    expect(stats.lastSecond("ns", "r")).toEqual({ requestCount: 0, averageConcurrency: 0 });
  });

  it("a request spanning several seconds credits each second with its share of the time", () => {
    const clock = fakeClock();
    const stats = createTrafficStats({ now: clock.now });
    clock.set(500);
    const done = stats.begin("ns", "r");
    clock.set(3200); // no event in between: the open request is credited when read
    expect(stats.lastSecond("ns", "r")).toEqual({ requestCount: 0, averageConcurrency: 1 }); // second 2
    done();
    clock.set(4000);
    expect(stats.lastSecond("ns", "r").averageConcurrency).toBeCloseTo(0.2); // second 3: 200 ms
    // Over seconds 0..3 (4 s): one request, 2.7 s busy.
    expect(stats.window("ns", "r", 4000)).toEqual({ requestsPerSecond: 0.25, averageConcurrency: 2.7 / 4 });
  });

  it("window covers [now - windowMs, now], with the overlapped share of its oldest second", () => {
    const clock = fakeClock();
    const stats = createTrafficStats({ now: clock.now });
    for (let i = 0; i < 10; i++) stats.begin("ns", "r")(); // 10 requests in second 0
    clock.set(1000);
    for (let i = 0; i < 5; i++) stats.begin("ns", "r")(); // 5 in second 1
    clock.set(1500);
    // [-500, 1500]: seconds 0 and 1 whole, 15 requests over 2 s.
    expect(stats.window("ns", "r", 2000).requestsPerSecond).toBe(7.5);
    // [500, 1500]: half of second 0 (5 of its 10) and second 1 so far (5): 10 over 1 s.
    expect(stats.window("ns", "r", 1000).requestsPerSecond).toBe(10);
    // Shorter than a second is read as one second.
    expect(stats.window("ns", "r", 10).requestsPerSecond).toBe(10);
    expect(stats.window("ns", "unknown", 1000)).toEqual({ requestsPerSecond: 0, averageConcurrency: 0 });
  });

  it("keeps a fixed history: seconds older than retainSeconds are gone", () => {
    const clock = fakeClock();
    const stats = createTrafficStats({ now: clock.now, retainSeconds: 10 });
    stats.begin("ns", "r")();
    clock.set(5000);
    // A window longer than the history is clamped to it (9 s: the ring's 10th slot is the current second).
    expect(stats.window("ns", "r", 9000).requestsPerSecond).toBeCloseTo(1 / 9);
    expect(stats.window("ns", "r", 60_000).requestsPerSecond).toBeCloseTo(1 / 9);
    clock.set(10_500);
    expect(stats.window("ns", "r", 60_000).requestsPerSecond).toBe(0);
  });

  it("a request open longer than the history only credits the seconds the ring still holds", () => {
    const clock = fakeClock();
    const stats = createTrafficStats({ now: clock.now, retainSeconds: 5 });
    const done = stats.begin("ns", "r");
    clock.set(3_600_000);
    expect(stats.window("ns", "r", 5000).averageConcurrency).toBe(1);
    done();
    expect(stats.inFlight("ns", "r")).toBe(0);
  });

  it("remembers lastRequestAt even after an idle revision's history is released", () => {
    const clock = fakeClock();
    const stats = createTrafficStats({ now: clock.now, retainSeconds: 5 });
    stats.begin("ns", "r")();
    const first = clock.now();
    clock.advance(60_000);
    stats.begin("ns", "other")(); // triggers the sweep
    expect(stats.lastRequestAt("ns", "r")).toBe(first);
    expect(stats.window("ns", "r", 5000)).toEqual({ requestsPerSecond: 0, averageConcurrency: 0 });
    expect(stats.lastRequestAt("ns", "never")).toBeUndefined();
  });
});
