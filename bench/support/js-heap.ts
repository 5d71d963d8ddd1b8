// The live JavaScript heap of a process, read through the DevTools protocol after a full GC:
// what is still reachable, without the garbage that makes resident memory a saw-tooth. Two
// targets speak the same protocol: a browser page (Playwright's CDP session) and a Node.js
// process (its inspector, over WebSocket).
//
// The GC and the reading run in a task of their own, between the target's other tasks, never
// through the protocol's own HeapProfiler.collectGarbage: a protocol command that arrives while
// JavaScript runs is carried out at once, as a V8 interrupt inside the running task, and
// whatever that task holds then is live. A page drawing its charts once a second holds some
// 4 to 5 MB while it draws, so readings taken that way flipped between two levels; and with
// readings every 10 or 20 s, a whole number of the page's seconds, a reading keeps the phase of
// the last one, so each level lasted minutes. A task of its own starts after the drawing's task
// has ended.
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
  /** Bytes of live JavaScript heap, measured right after a full GC, in a task of its own. */
  usedAfterGc(): Promise<number>;
  /** A heap snapshot (taken after a full GC), summed by kind. */
  snapshot(): Promise<HeapSummary>;
  close(): Promise<void>;
}

/** NODE_OPTIONS that make SIGUSR1 open the inspector on a free loopback port. */
export const INSPECT_ON_SIGNAL = { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --inspect-port=127.0.0.1:0`.trim() };

/**
 * Chromium flags a page needs for inspectPage: `gc()` for the page's own task, and exact figures
 * from `performance.memory` (without this flag they are rounded, and noised, to hide them from
 * fingerprinting). `usedJSHeapSize` is the heap's used size plus ArrayBuffers' backing stores.
 *
 * `jit: false` adds V8's --jitless: the page's scripts run as bytecode only, compiled once per
 * function, with no optimizing compiler making, dropping and remaking machine code as the page
 * lives. A page has no getHeapCodeStatistics, so this is how its heap is read without V8's
 * compiled code (a Node process subtracts it instead: NodeHeapReading.compiledCode).
 */
export function pageHeapArgs({ jit }: { jit: boolean }): string[] {
  return [`--js-flags=--expose-gc${jit ? "" : " --jitless"}`, "--enable-precise-memory-info"];
}

export async function inspectPage(page: Page): Promise<HeapReader> {
  const cdp = await page.context().newCDPSession(page);
  if (!(await page.evaluate(() => typeof (globalThis as { gc?: unknown }).gc === "function"))) {
    throw new Error(`the page has no gc(): launch Chromium with ${pageHeapArgs({ jit: true }).join(" ")}`);
  }
  return {
    usedAfterGc: () =>
      page.evaluate(
        () =>
          new Promise<number>((resolve) =>
            setTimeout(() => {
              (globalThis as unknown as { gc: () => void }).gc();
              resolve((performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize);
            }, 0),
          ),
      ),
    // A snapshot is taken where the protocol's command lands, possibly inside a drawing's task
    // (see above), and then holds what the drawing holds. Of three, the smallest is kept: the
    // drawing is a few MB, so the smallest is one taken between tasks.
    async snapshot() {
      let smallest: { summary: HeapSummary; bytes: number } | undefined;
      for (let attempt = 0; attempt < 3; attempt++) {
        const chunks: string[] = [];
        const onChunk = ({ chunk }: { chunk: string }) => chunks.push(chunk);
        cdp.on("HeapProfiler.addHeapSnapshotChunk", onChunk);
        await cdp.send("HeapProfiler.collectGarbage");
        await cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
        cdp.off("HeapProfiler.addHeapSnapshotChunk", onChunk);
        const summary = summarizeSnapshot(chunks.join(""));
        const bytes = [...summary.kinds.values()].reduce((sum, kind) => sum + kind.bytes, 0);
        if (!smallest || bytes < smallest.bytes) smallest = { summary, bytes };
      }
      return smallest!.summary;
    },
    close: () => cdp.detach(),
  };
}

/** A Node.js process's heap, split into its data and V8's compiled code, and what its objects hold outside it. */
export interface NodeHeapReader extends HeapReader {
  /** One reading after one full GC, in a task of its own. */
  readAfterGc(): Promise<NodeHeapReading>;
}

export interface NodeHeapReading {
  /** Bytes of live JavaScript heap (`v8.getHeapStatistics().used_heap_size`). */
  used: number;
  /**
   * Of those, V8's compiled code: machine code and bytecode with their metadata (relocation
   * info, deoptimization data, source positions, constant pools), as `v8.getHeapCodeStatistics()`
   * sums them. It grows while V8 compiles the paths a long run exercises, then levels off;
   * `used` minus this is the program's own data.
   */
  compiledCode: number;
  /**
   * Bytes outside the JavaScript heap held by its objects (`process.memoryUsage().external`:
   * Buffers and ArrayBuffers among them). Resident memory growing while this and the heap stay
   * flat is the allocator's, not the program's data.
   */
  external: number;
  /**
   * Bytes of memory V8's heap pages take (`total_physical_size`): what is used, and what V8 keeps
   * committed around it. V8 sizes its young generation to the allocation rate it sees, so this
   * can step up by megabytes with `used` flat.
   */
  heapInMemory: number;
  /** That memory by V8 heap space (`new_space`, `old_space`, `code_space`, …), in bytes. */
  heapInMemoryBySpace: Record<string, number>;
  /** The process's resident memory, read in the same task (`process.memoryUsage().rss`). */
  rss: number;
}

// Evaluated in the process: V8 exposes gc() to a context made after --expose-gc is set, so the
// flag is set at the first reading and the function kept on a global of the bench's own name.
const NODE_READING = `new Promise((resolve) => setImmediate(() => {
  const v8 = process.getBuiltinModule("v8");
  if (!globalThis.__benchGc) {
    v8.setFlagsFromString("--expose-gc");
    globalThis.__benchGc = process.getBuiltinModule("vm").runInNewContext("gc");
  }
  globalThis.__benchGc();
  const code = v8.getHeapCodeStatistics();
  const heap = v8.getHeapStatistics();
  const { external, rss } = process.memoryUsage();
  resolve({
    used: heap.used_heap_size,
    compiledCode: code.code_and_metadata_size + code.bytecode_and_metadata_size,
    external,
    heapInMemory: heap.total_physical_size,
    heapInMemoryBySpace: Object.fromEntries(v8.getHeapSpaceStatistics().map((space) => [space.space_name, space.physical_space_size])),
    rss,
  });
}))`;

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
  const readAfterGc = async () => {
    const { result, exceptionDetails } = await send<{ result: { value: NodeHeapReading }; exceptionDetails?: { exception?: { description?: string }; text: string } }>(
      "Runtime.evaluate",
      { expression: NODE_READING, awaitPromise: true, returnByValue: true },
    );
    // A Node without process.getBuiltinModule (before 20.16) lands here, not in a reading of undefined.
    if (exceptionDetails) throw new Error(`pid ${pid} could not read its heap: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  };
  return {
    readAfterGc,
    usedAfterGc: async () => (await readAfterGc()).used,
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
