// The live JavaScript heap of a process, read through the DevTools protocol after a forced full
// GC (HeapProfiler.collectGarbage, then Runtime.getHeapUsage): what is still reachable, without
// the garbage that makes resident memory a saw-tooth. Two targets speak the same protocol: a
// browser page (Playwright's CDP session) and a Node.js process (its inspector, over WebSocket).
//
// Either can also give a heap snapshot's summary (bench/support/heap-snapshot.ts).
//
// A Node process opens its inspector on SIGUSR1; started with INSPECT_ON_SIGNAL in its
// environment, it listens on a free loopback port (never the shared default 9229) and prints
// `Debugger listening on ws://…` to its stderr, where this reads it.

import type { Page } from "@playwright/test";
import WebSocket from "ws";
import { type HeapSummary, summarizeSnapshot } from "./heap-snapshot";
import { sleep } from "./stats";

export interface HeapReader {
  /** Bytes of live JavaScript heap, measured right after a full GC. */
  usedAfterGc(): Promise<number>;
  /** A heap snapshot (taken after a full GC), summed by kind. */
  snapshot(): Promise<HeapSummary>;
  close(): Promise<void>;
}

/** NODE_OPTIONS that make SIGUSR1 open the inspector on a free loopback port. */
export const INSPECT_ON_SIGNAL = { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --inspect-port=127.0.0.1:0`.trim() };

export async function inspectPage(page: Page): Promise<HeapReader> {
  const cdp = await page.context().newCDPSession(page);
  return {
    async usedAfterGc() {
      await cdp.send("HeapProfiler.collectGarbage");
      return (await cdp.send("Runtime.getHeapUsage")).usedSize;
    },
    async snapshot() {
      const chunks: string[] = [];
      const onChunk = ({ chunk }: { chunk: string }) => chunks.push(chunk);
      cdp.on("HeapProfiler.addHeapSnapshotChunk", onChunk);
      await cdp.send("HeapProfiler.collectGarbage");
      await cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
      cdp.off("HeapProfiler.addHeapSnapshotChunk", onChunk);
      return summarizeSnapshot(chunks.join(""));
    },
    close: () => cdp.detach(),
  };
}

/** A Node.js process's heap, and the memory it holds outside it that V8 is told of. */
export interface NodeHeapReader extends HeapReader {
  /**
   * Bytes outside the JavaScript heap held by its objects (`process.memoryUsage().external`:
   * Buffers and ArrayBuffers among them), read right after a full GC. Resident memory growing
   * while this and the heap stay flat is the allocator's or compiled code's, not the program's data.
   */
  externalAfterGc(): Promise<number>;
}

/** Opens the inspector of `pid` (started with INSPECT_ON_SIGNAL), whose stderr `output()` returns. */
export async function inspectNodeProcess(pid: number, output: () => string, timeoutMs = 10_000): Promise<NodeHeapReader> {
  const listening = /Debugger listening on (ws:\/\/\S+)/g;
  const before = [...output().matchAll(listening)].length;
  process.kill(pid, "SIGUSR1");
  let url: string | undefined;
  for (const deadline = Date.now() + timeoutMs; !url; await sleep(50)) {
    url = [...output().matchAll(listening)][before]?.[1];
    if (!url && Date.now() > deadline) throw new Error(`pid ${pid} opened no inspector within ${timeoutMs} ms (started without ${INSPECT_ON_SIGNAL.NODE_OPTIONS}?)`);
  }
  // A snapshot of a server's heap arrives in chunks, but allow large messages all the same.
  const ws = new WebSocket(url, { maxPayload: 1 << 30 });
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  let nextId = 0;
  const pending = new Map<number, { resolve: (result: unknown) => void; reject: (err: Error) => void }>();
  let snapshotChunks: string[] = [];
  ws.on("message", (data) => {
    const message = JSON.parse(String(data)) as { id?: number; method?: string; params?: { chunk?: string }; result?: unknown; error?: { message: string } };
    if (message.method === "HeapProfiler.addHeapSnapshotChunk") snapshotChunks.push(message.params!.chunk!);
    const waiter = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiter) return; // another event
    pending.delete(message.id!);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result);
  });
  const send = <T>(method: string, params: Record<string, unknown> = {}): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
      ws.send(JSON.stringify({ id, method, params }));
    });
  return {
    async usedAfterGc() {
      await send("HeapProfiler.collectGarbage");
      return (await send<{ usedSize: number }>("Runtime.getHeapUsage")).usedSize;
    },
    async externalAfterGc() {
      await send("HeapProfiler.collectGarbage");
      const { result } = await send<{ result: { value: number } }>("Runtime.evaluate", { expression: "process.memoryUsage().external", returnByValue: true });
      return result.value;
    },
    async snapshot() {
      snapshotChunks = [];
      await send("HeapProfiler.collectGarbage");
      // The chunks all arrive before the command's answer.
      await send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
      const json = snapshotChunks.join("");
      snapshotChunks = [];
      return summarizeSnapshot(json);
    },
    // Closed before the process stops: with a session attached, Node waits for the debugger at exit.
    async close() {
      if (ws.readyState === WebSocket.CLOSED) return;
      const closed = new Promise((resolve) => ws.once("close", resolve));
      ws.close();
      await closed;
    },
  };
}
