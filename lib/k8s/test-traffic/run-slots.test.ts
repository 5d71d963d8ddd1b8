import { describe, expect, it } from "vitest";
import { StatusError } from "@/lib/queries/status";
import { RunSlots } from "./run-slots";

const refusedWith = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(StatusError);
    expect((err as StatusError).code).toBe(429);
    return (err as StatusError).message;
  }
  throw new Error("not refused");
};

describe("RunSlots", () => {
  it("lets a Service have a few runs at once, refuses one more with 429, and frees a slot when a run ends", () => {
    const slots = new RunSlots(2, 10);
    const a = slots.acquire("embedded/default/hello", 'Service "default/hello"');
    slots.acquire("embedded/default/hello", 'Service "default/hello"');
    expect(refusedWith(() => slots.acquire("embedded/default/hello", 'Service "default/hello"'))).toBe(
      'Service "default/hello" already has 2 runs of requests in progress, the most it may have at once; wait for one to finish or stop it.',
    );
    // Another Service is not held back by this one.
    slots.acquire("embedded/default/other", 'Service "default/other"');
    a();
    a(); // a second release of the same run frees nothing more
    expect(slots.inProgress("embedded/default/hello")).toBe(1);
    slots.acquire("embedded/default/hello", 'Service "default/hello"');
    expect(slots.inProgress()).toBe(3);
  });

  it("caps the runs of the whole console", () => {
    const slots = new RunSlots(3, 2);
    slots.acquire("c/ns/a", "a");
    const b = slots.acquire("c/ns/b", "b");
    expect(refusedWith(() => slots.acquire("c/ns/c", "c"))).toMatch(/^The console already has 2 runs of requests in progress/);
    b();
    expect(() => slots.acquire("c/ns/c", "c")).not.toThrow();
  });
});
