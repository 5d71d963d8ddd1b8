import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ClusterApis } from "../api-clients";
import { ResourceWatch, type OpenWatch } from "./resource-watch";
import type { WatchTarget } from "./watch-targets";

interface Connection {
  params: Record<string, unknown>;
  emit: (type: string, object: unknown) => void;
  end: (err: unknown) => void;
  aborted: boolean;
}

function harness(listRv = "100") {
  const connections: Connection[] = [];
  const openWatch: OpenWatch = async (_apis, _path, params, onEvent, onDone) => {
    const controller = new AbortController();
    const conn: Connection = { params, emit: onEvent, end: onDone, aborted: false };
    controller.signal.addEventListener("abort", () => (conn.aborted = true));
    connections.push(conn);
    return controller;
  };
  const currentResourceVersion = vi.fn(async () => listRv);
  const target: WatchTarget = { resource: "services", path: "/apis/serving.knative.dev/v1/services", currentResourceVersion };
  const listener = { onChange: vi.fn(), onResync: vi.fn(), onError: vi.fn() };
  const watch = new ResourceWatch(target, () => ({}) as ClusterApis, listener, openWatch);
  return { watch, connections, listener, currentResourceVersion };
}

const svc = (name: string, rv: string) => ({ metadata: { name, namespace: "default", resourceVersion: rv } });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("ResourceWatch", () => {
  it("starts from the collection's resourceVersion and forwards changes", async () => {
    const { watch, connections, listener } = harness("100");
    watch.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(connections[0]?.params).toMatchObject({ resourceVersion: "100", allowWatchBookmarks: true });
    connections[0]?.emit("MODIFIED", svc("a", "101"));
    connections[0]?.emit("BOOKMARK", { metadata: { resourceVersion: "105" } });
    expect(listener.onChange).toHaveBeenCalledExactlyOnceWith("MODIFIED", svc("a", "101"));
    watch.stop();
  });

  it("resumes from the last version seen when the server ends the stream", async () => {
    const { watch, connections, listener, currentResourceVersion } = harness();
    watch.start();
    await vi.advanceTimersByTimeAsync(0);
    connections[0]?.emit("ADDED", svc("a", "120"));
    connections[0]?.emit("BOOKMARK", { metadata: { resourceVersion: "130" } });
    connections[0]?.end(null);
    await vi.advanceTimersByTimeAsync(0);
    expect(connections[1]?.params.resourceVersion).toBe("130");
    expect(currentResourceVersion).toHaveBeenCalledTimes(1);
    expect(listener.onError).not.toHaveBeenCalled();
    watch.stop();
  });

  it("starts over and asks for a resync when the version expired (410)", async () => {
    const { watch, connections, listener, currentResourceVersion } = harness();
    watch.start();
    await vi.advanceTimersByTimeAsync(0);
    connections[0]?.emit("ERROR", { kind: "Status", code: 410, reason: "Expired", message: "too old resource version" });
    expect(connections[0]?.aborted).toBe(true);
    expect(listener.onResync).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(0);
    expect(currentResourceVersion).toHaveBeenCalledTimes(2);
    expect(connections).toHaveLength(2);
    watch.stop();
  });

  it("reports failures and reconnects with growing delays", async () => {
    const { watch, connections, listener } = harness();
    watch.start();
    await vi.advanceTimersByTimeAsync(0);
    connections[0]?.end(new Error("socket hang up"));
    expect(listener.onError).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(249);
    expect(connections).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(connections).toHaveLength(2);
    connections[1]?.end(new Error("refused"));
    await vi.advanceTimersByTimeAsync(499);
    expect(connections).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(connections).toHaveLength(3);
    watch.stop();
  });

  it("retries when listing fails (the cluster is down) and ignores callbacks after stop", async () => {
    const { watch, connections, listener, currentResourceVersion } = harness();
    currentResourceVersion.mockRejectedValueOnce(new Error("ECONNREFUSED"));
    watch.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(listener.onError).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(250);
    expect(connections).toHaveLength(1);
    watch.stop();
    expect(connections[0]?.aborted).toBe(true);
    connections[0]?.emit("ADDED", svc("late", "200"));
    connections[0]?.end(new Error("aborted"));
    expect(listener.onChange).not.toHaveBeenCalled();
    expect(listener.onError).toHaveBeenCalledOnce();
  });

  it("stops for good when the cluster forbids the list or the watch (403), if someone handles that", async () => {
    const { watch, connections, listener, currentResourceVersion } = harness();
    const onForbidden = vi.fn();
    Object.assign(listener, { onForbidden });
    currentResourceVersion.mockRejectedValueOnce(Object.assign(new Error("forbidden"), { code: 403, body: "{}" }));
    watch.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(onForbidden).toHaveBeenCalledOnce();
    expect(listener.onError).not.toHaveBeenCalled();
    expect(currentResourceVersion).toHaveBeenCalledOnce();
    expect(connections).toHaveLength(0);
  });

  it("treats a watch refused with 403 as forbidden too", async () => {
    const { watch, connections, listener } = harness();
    const onForbidden = vi.fn();
    Object.assign(listener, { onForbidden });
    watch.start();
    await vi.advanceTimersByTimeAsync(0);
    connections[0]?.end(Object.assign(new Error("Forbidden"), { statusCode: 403 }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(onForbidden).toHaveBeenCalledOnce();
    expect(connections).toHaveLength(1);
  });
});
