import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LiveMessage } from "@/lib/queries/api-types";
import type { ClusterApis } from "../api-clients";
import { ClusterHub } from "./cluster-hub";
import type { ProbeResult } from "./health-probe";
import type { OpenWatch } from "./resource-watch";
import type { WatchTarget } from "./watch-targets";

function setup(options: { onIdleStop?: () => void } = {}) {
  const handlers: Array<{ emit: (t: string, o: unknown) => void; end: (e: unknown) => void; rv: unknown }> = [];
  const openWatch: OpenWatch = async (_a, _p, params, onEvent, onDone) => {
    handlers.push({ emit: onEvent, end: onDone, rv: params.resourceVersion });
    return new AbortController();
  };
  let probeResult: ProbeResult = { reachable: true };
  const probe = vi.fn(async () => probeResult);
  const target: WatchTarget = { resource: "revisions", path: "/apis/serving.knative.dev/v1/revisions", currentResourceVersion: async () => "7" };
  const hub = new ClusterHub({
    apis: () => ({}) as ClusterApis,
    targets: [target],
    openWatch,
    probe,
    probeIntervalMs: 1_000,
    idleStopMs: 5_000,
    now: () => new Date("2026-01-01T00:00:00Z"),
    ...options,
  });
  const setProbe = (r: ProbeResult) => (probeResult = r);
  return { hub, handlers, probe, setProbe };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("ClusterHub", () => {
  it("tells a new subscriber the cluster's health and forwards changes without managedFields", async () => {
    const { hub, handlers } = setup();
    const got: LiveMessage[] = [];
    const unsubscribe = hub.subscribe((m) => got.push(m));
    await vi.advanceTimersByTimeAsync(0);
    handlers[0]?.emit("ADDED", { metadata: { name: "r-00001", namespace: "default", resourceVersion: "8", managedFields: [{}] } });
    expect(got).toEqual([
      { type: "health", reachable: true, since: "2026-01-01T00:00:00.000Z" },
      { type: "change", resource: "revisions", event: "ADDED", object: { metadata: { name: "r-00001", namespace: "default", resourceVersion: "8" } } },
    ]);
    const late: LiveMessage[] = [];
    hub.subscribe((m) => late.push(m));
    expect(late).toEqual([got[0]]);
    unsubscribe();
    hub.stop();
  });

  it("probes at once when a watch breaks, and on recovery restarts watches and asks pages to resync", async () => {
    const { hub, handlers, probe, setProbe } = setup();
    const got: LiveMessage[] = [];
    hub.subscribe((m) => got.push(m));
    await vi.advanceTimersByTimeAsync(0);
    expect(probe).toHaveBeenCalledTimes(1);

    setProbe({ reachable: false, reason: "connection refused (127.0.0.1:7080)" });
    handlers[0]?.end(new Error("socket closed"));
    await vi.advanceTimersByTimeAsync(0);
    expect(probe).toHaveBeenCalledTimes(2);
    expect(got.at(-1)).toMatchObject({ type: "health", reachable: false, reason: "connection refused (127.0.0.1:7080)" });

    setProbe({ reachable: true });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(got.slice(-2)).toEqual([
      { type: "health", reachable: true, since: "2026-01-01T00:00:00.000Z" },
      { type: "resync" },
    ]);
    // The watch was restarted from a fresh list.
    await vi.advanceTimersByTimeAsync(0);
    expect(handlers.at(-1)?.rv).toBe("7");
    hub.stop();
  });

  it("does not repeat an unchanged health", async () => {
    const { hub } = setup();
    const got: LiveMessage[] = [];
    hub.subscribe((m) => got.push(m));
    await vi.advanceTimersByTimeAsync(3_000);
    expect(got.filter((m) => m.type === "health")).toHaveLength(1);
    hub.stop();
  });

  it("stops watching a while after the last page closes", async () => {
    const { hub, probe } = setup();
    const unsubscribe = hub.subscribe(() => {});
    await vi.advanceTimersByTimeAsync(0);
    unsubscribe();
    await vi.advanceTimersByTimeAsync(5_000);
    const calls = probe.mock.calls.length;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(probe.mock.calls.length).toBe(calls);
    expect(hub.listenerCount).toBe(0);
  });

  it("says it stopped for want of listeners once, after the idle delay, and not while a page comes back", async () => {
    const onIdleStop = vi.fn();
    const { hub } = setup({ onIdleStop });
    const first = hub.subscribe(() => {});
    first();
    await vi.advanceTimersByTimeAsync(4_000);
    const second = hub.subscribe(() => {});
    await vi.advanceTimersByTimeAsync(10_000);
    expect(onIdleStop).not.toHaveBeenCalled();
    second();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(onIdleStop).toHaveBeenCalledTimes(1);
  });
});

describe("ClusterHub list cache", () => {
  function cachedSetup() {
    const handlers: Array<{ emit: (t: string, o: unknown) => void; end: (e: unknown) => void }> = [];
    const openWatch: OpenWatch = async (_a, _p, _params, onEvent, onDone) => {
      handlers.push({ emit: onEvent, end: onDone });
      return new AbortController();
    };
    const snapshot = vi.fn(async () => ({
      resourceVersion: "10",
      items: [{ metadata: { name: "b", namespace: "team", resourceVersion: "3", managedFields: [{}] } }, { metadata: { name: "a", namespace: "default", resourceVersion: "2" } }],
    }));
    const target: WatchTarget = { resource: "services", path: "/apis/serving.knative.dev/v1/services", currentResourceVersion: async () => "10", snapshot };
    const hub = new ClusterHub({ apis: () => ({}) as ClusterApis, targets: [target], openWatch, probe: async () => ({ reachable: true }), idleStopMs: 60_000 });
    return { hub, handlers, snapshot };
  }

  it("answers lists from memory once its watch is in sync, and follows changes", async () => {
    const { hub, handlers } = cachedSetup();
    expect(hub.cachedCollection("services")?.list(null)).toBeUndefined(); // the first ask starts the watch
    await vi.advanceTimersByTimeAsync(0);
    expect(hub.cachedCollection("services")?.list(null)!.items.map((o) => o.metadata.name)).toEqual(["a", "b"]);
    expect(hub.cachedCollection("services")?.list("team")!.items[0]!.metadata).toEqual({ name: "b", namespace: "team", resourceVersion: "3" });
    handlers[0]!.emit("ADDED", { metadata: { name: "c", namespace: "default", resourceVersion: "11" } });
    expect(hub.cachedCollection("services")?.list("default")).toEqual({
      resourceVersion: "11",
      items: [
        { metadata: { name: "a", namespace: "default", resourceVersion: "2" } },
        { metadata: { name: "c", namespace: "default", resourceVersion: "11" } },
      ],
    });
    hub.stop();
  });

  it("stops answering when the watch breaks, and lists afresh before answering again", async () => {
    const { hub, handlers, snapshot } = cachedSetup();
    hub.cachedCollection("services")?.list(null);
    await vi.advanceTimersByTimeAsync(0);
    handlers[0]!.end(new Error("socket closed"));
    expect(hub.cachedCollection("services")?.list(null)).toBeUndefined();
    await vi.advanceTimersByTimeAsync(5_000); // the reconnect, after its backoff
    expect(snapshot).toHaveBeenCalledTimes(2);
    expect(hub.cachedCollection("services")?.list(null)!.items).toHaveLength(2);
    hub.stop();
  });

  it("stops its watches when nobody has asked for a while", async () => {
    const { hub } = cachedSetup();
    hub.cachedCollection("services")?.list(null);
    await vi.advanceTimersByTimeAsync(0);
    expect(hub.cachedCollection("services")?.list(null)).toBeDefined();
    await vi.advanceTimersByTimeAsync(61_000);
    // Stopped: out of sync, so the next ask goes to the cluster (and starts the watch again).
    expect(hub.cachedCollection("services")?.list(null)).toBeUndefined();
    hub.stop();
  });
});
