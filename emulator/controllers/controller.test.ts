import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../core/errors";
import { Controller, ReportedError, splitKey, type ControllerOptions } from "./controller";

const settle = () => new Promise((resolve) => setImmediate(resolve));

function controller(reconcile: ControllerOptions["reconcile"], resync: string[] = []) {
  return new Controller({ name: "test", reconcile, keysFor: () => [], resync: () => resync });
}

describe("Controller", () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] }));
  afterEach(() => vi.useRealTimers());

  it("reconciles every key once, however often it was queued", async () => {
    const seen: string[] = [];
    const c = controller((ns, name) => void seen.push(`${ns}/${name}`));
    c.enqueue("default/a");
    c.enqueue("default/b");
    c.enqueue("default/a");
    await settle();
    expect(seen).toEqual(["default/a", "default/b"]);
    expect(c.isIdle()).toBe(true);
  });

  it("runs a key queued during its own reconcile once more afterwards", async () => {
    const seen: string[] = [];
    let c: Controller;
    // eslint-disable-next-line prefer-const
    c = controller((_, name) => {
      seen.push(name);
      if (seen.length === 1) c.enqueue("default/a");
    });
    c.enqueue("default/a");
    await settle();
    expect(seen).toEqual(["a", "a"]);
  });

  it("retries a conflict at once", async () => {
    let attempts = 0;
    const c = controller(() => {
      if (++attempts < 3) throw ApiError.conflict({ group: "serving.knative.dev", resource: "services" }, "a");
    });
    c.enqueue("default/a");
    await settle();
    expect(attempts).toBe(3);
  });

  it("retries other failures with exponential backoff, quietly for reported ones", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    let attempts = 0;
    const c = controller(() => {
      attempts++;
      throw new ReportedError("not owned");
    });
    c.enqueue("default/a");
    await settle();
    expect(attempts).toBe(1);
    await vi.advanceTimersByTimeAsync(10);
    expect(attempts).toBe(2);
    await vi.advanceTimersByTimeAsync(20);
    expect(attempts).toBe(3);
    await vi.advanceTimersByTimeAsync(39);
    expect(attempts).toBe(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempts).toBe(4);
    expect(warn).not.toHaveBeenCalled();
    c.stop();
    warn.mockRestore();
  });

  it("logs unexpected failures", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const c = controller(() => {
      throw new TypeError("boom");
    });
    c.enqueue("default/a");
    await settle();
    expect(warn).toHaveBeenCalledWith("test: reconciling default/a failed (attempt 1): boom");
    c.stop();
    warn.mockRestore();
  });

  it("resyncs every key on start and does nothing once stopped", async () => {
    const seen: string[] = [];
    const c = controller((_, name) => void seen.push(name), ["default/a", "default/b"]);
    c.start();
    await settle();
    c.stop();
    c.enqueue("default/c");
    await settle();
    expect(seen).toEqual(["a", "b"]);
  });

  it("splits keys at the first slash", () => {
    expect(splitKey("default/hello")).toEqual(["default", "hello"]);
    expect(splitKey("/cluster-scoped")).toEqual(["", "cluster-scoped"]);
  });
});
