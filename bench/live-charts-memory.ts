// Memory over time with the Service page's Live Traffic open and steady traffic: the console
// server's memory, split into what the console holds and what V8 keeps for itself, and the open
// page's live JavaScript heap (target: no growth between minute 2 and the last minute beyond
// noise, in what the console holds).
//
//   npx tsx bench/live-charts-memory.ts [--minutes 10] [--prefill-minutes 10] [--warmup-minutes 0] [--rps 4] [--every-seconds 10] [--jit] [--explain] [--malloc-arena-max N]
//
// One Service with two Revisions split 50/50, each kept at one ready pod (min-scale 1), gets
// --rps requests a second through the gateway. What is kept is bounded by design: the server's
// history and the page's copy of it hold 600 samples (10 minutes), the charts draw the last 5.
// So that filling them is not taken for growth, a viewer of the metrics stream held by this
// script runs the Service's poller for --prefill-minutes first: the page then opens on a full
// history and full charts, and whatever grows after that is not a buffer filling up
// (--prefill-minutes 0 measures the first viewer's first minutes instead, buffers filling).
// --warmup-minutes keeps the page open that long before the measured minutes begin, readings
// printed (as w1, w2, …) but not judged: some minutes in, V8 flushes the bytecode of what ran
// only while the page opened (with the JIT off, the page's heap fell 0.8 MB in its seventh
// minute), and V8 sizes its young generation to the traffic. --malloc-arena-max N runs the server with glibc's
// MALLOC_ARENA_MAX=N, to tell the allocator's growth from the program's.
//
// V8's JIT is off unless --jit: the server runs with --no-opt --no-maglev --no-sparkplug (not
// --jitless, which turns off WebAssembly, and Node's fetch parses HTTP with it), the page with
// --jitless. With the JIT on, V8 compiles the paths a long run exercises, slower and slower, and
// remakes optimized code it drops, for an hour and more; compiled code and its metadata grow
// with it on both sides, and the page's heap cannot be read without them (a page has no
// getHeapCodeStatistics). Over an hour with the JIT on (README, "Benchmarks"), every series rose
// by less each third, the page's heap by 0.6 MB. A leak in the console's own data grows the same
// with the JIT off, and is not hidden among V8's code: that is what the default run judges.
// --jit runs both as users run them, to see how much V8's code adds.
//
// Every --every-seconds the script reads, each heap after a full GC run in a task of its own,
// after whatever the process was doing (bench/support/js-heap.ts says why that matters):
// - the console server, in one task: its resident memory; the memory V8's heap pages take; the
//   rest of resident memory (native: the allocator's, Node's and the libraries' buffers, stacks);
//   its live heap less V8's compiled code (machine code and bytecode with their metadata); that
//   compiled code; and what its objects hold outside the heap (Buffers: `external`);
// - the page's live heap.
// Each minute prints the median of its readings and their range. The run also counts the
// page's layout shifts: Chromium keeps each of the first 150 in the page's heap, so a page whose
// figures move what is around them as they redraw grows until that buffer is full.
//
// What is judged is what the console holds: the server's heap less compiled code, its native
// memory and `external`, and the page's heap. The rest is V8's and is printed, not judged: its
// compiled code, and the memory its heap pages take, which V8 sizes to the allocation rate it
// sees (it can step up by megabytes while what the pages hold stays flat, and resident memory,
// their sum with native memory, steps with it).
//
// Noise: a reading after a full GC still holds whatever is under way at that moment (a request
// waiting for its answer, a sample on its way to the page), and native memory moves with the
// allocator, so readings within one minute differ with no trend. The noise is the typical such
// spread: the median, over minutes 2 to the last, of each minute's range. The growth from minute
// 2 to the last minute (their medians) is "beyond noise" when it is larger than that. Memory can
// also wander from minute to minute by more than it spreads within one, up and down with no
// trend; so a series GROWS only when its growth is beyond noise and the least-squares line
// through its minute medians (minutes 2 to the last) rises, with its 95 % confidence interval
// above zero: a leak does both. Both figures are printed for every series. --explain takes heap
// snapshots of the server and the page as minute 2 starts and after the last minute, and prints
// the kinds of object, compiled code and string shape that grew most between them
// (bench/support/heap-snapshot.ts). A snapshot pauses the server for seconds and leaves it some
// 200 MB more resident memory (V8 builds the snapshot outside the JavaScript heap), so a run
// with --explain says what grows, not by how much.

import os from "node:os";
import { parseArgs } from "node:util";
import { LayoutShifts } from "../e2e/support/layout-shifts";
import { startClusterProcess } from "../emulator/testing/cluster-process";
import { scratchDir } from "../emulator/testing/temp-dir";
import { launchChromium } from "./support/browser";
import { startConsole } from "./support/console-server";
import { grownKinds, type HeapSummary } from "./support/heap-snapshot";
import { type HeapReader, INSPECT_ON_SIGNAL, inspectNodeProcess, inspectPage, pageHeapArgs } from "./support/js-heap";
import { createLiveService } from "./support/live-service";
import { openMetricsStream } from "./support/metrics-stream";
import { linearTrend, median, sleep } from "./support/stats";
import { startSteadyTraffic } from "./support/steady-traffic";

const { values } = parseArgs({
  options: {
    minutes: { type: "string", default: "10" },
    "prefill-minutes": { type: "string", default: "10" },
    "warmup-minutes": { type: "string", default: "0" },
    rps: { type: "string", default: "4" },
    "every-seconds": { type: "string", default: "10" },
    explain: { type: "boolean", default: false },
    "malloc-arena-max": { type: "string" },
    jit: { type: "boolean", default: false },
  },
});
const MINUTES = Number(values.minutes);
const PREFILL_MINUTES = Number(values["prefill-minutes"]);
const WARMUP_MINUTES = Number(values["warmup-minutes"]);
const RPS = Number(values.rps);
const EVERY_S = Number(values["every-seconds"]);
const JIT = values.jit;
/** V8's optimizing tiers off for JavaScript on the server; its WebAssembly (Node's fetch parses HTTP with it) keeps its own. */
const SERVER_WITHOUT_JIT = ["--no-opt", "--no-maglev", "--no-sparkplug"];
const MB = 1024 * 1024;
// Minute 1 is the page settling, minute 2 the reference; the trend's confidence interval needs three minutes from there.
if (MINUTES < 4) throw new Error("--minutes must be at least 4: minute 1 is the page settling, and the trend from minute 2 needs three minutes");

interface Reading {
  /** The measured minute, from 1; a warm-up minute is 0 or less. */
  minute: number;
  rssMb: number;
  serverHeapInMemoryMb: number;
  serverNativeMb: number;
  serverDataMb: number;
  serverCodeMb: number;
  serverExternalMb: number;
  pageHeapMb: number;
  /** The server's V8 heap in memory by space (MB). */
  serverBySpace: Record<string, number>;
}

type Series = Exclude<keyof Reading, "minute" | "serverBySpace">;
/** Each series, with its column's heading in the minute table; what is not judged is V8's (see above). */
const SERIES: Array<{ key: Series; name: string; heading: string; judged: boolean }> = [
  { key: "rssMb", name: "server resident memory", heading: "server resident", judged: false },
  { key: "serverHeapInMemoryMb", name: "server V8 heap in memory", heading: "V8 heap in memory", judged: false },
  { key: "serverNativeMb", name: "server native (resident less V8 heap)", heading: "native", judged: true },
  { key: "serverDataMb", name: "server heap less compiled code", heading: "heap less code", judged: true },
  { key: "serverCodeMb", name: "server compiled code (V8's)", heading: "compiled code", judged: false },
  { key: "serverExternalMb", name: "server external", heading: "external", judged: true },
  { key: "pageHeapMb", name: "Service page live heap", heading: "page heap", judged: true },
];
const COLUMN = 24;
const NAME = 38;

const range = (xs: number[]) => Math.max(...xs) - Math.min(...xs);

/** What the server's history holds, as the stream sends it to a new viewer. */
async function heldSamples(consoleUrl: string, clusterId: string, namespace: string, name: string): Promise<{ samples: number; kb: number }> {
  const probe = await openMetricsStream(consoleUrl, clusterId, namespace, name);
  probe.stop();
  const history = probe.messages[0]!.message;
  if (history.type !== "history") throw new Error("the stream's first message is not the history");
  return { samples: history.samples.length, kb: Buffer.byteLength(JSON.stringify(history.samples)) / 1024 };
}

async function main() {
  const cluster = await startClusterProcess(scratchDir("kc-bench-memory-"), ["--no-seed", "--ready-delay-ms", "50"]);
  let server: Awaited<ReturnType<typeof startConsole>> | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let traffic: ReturnType<typeof startSteadyTraffic> | undefined;
  const heaps: HeapReader[] = [];
  try {
    const svc = await createLiveService(cluster, { namespace: "bench", name: "steady", revisions: 2 });
    const arenas = values["malloc-arena-max"];
    server = await startConsole(cluster.kubeconfig, {
      env: { ...INSPECT_ON_SIGNAL, ...(arenas ? { MALLOC_ARENA_MAX: arenas } : {}) },
      nodeArgs: JIT ? [] : SERVER_WITHOUT_JIT,
    });
    if (arenas) console.log(`console server with MALLOC_ARENA_MAX=${arenas}`);
    console.log(JIT ? "V8's JIT on, as users run the console" : `V8's JIT off: the server runs with ${SERVER_WITHOUT_JIT.join(" ")}, the page with --jitless (--jit runs both as users do)`);
    console.log(`${os.cpus().length} cores, node ${process.version}, load average ${os.loadavg()[0]!.toFixed(2)}; ${new Date().toISOString()}`);
    console.log(`embedded cluster: Service ${svc.namespace}/${svc.name}, ${svc.revisions.join(" and ")} at 50/50, one ready pod each (min-scale 1); ${RPS} req/s through the gateway`);
    traffic = startSteadyTraffic(cluster.gatewayUrl, svc.host, RPS);
    const serverHeap = await inspectNodeProcess(server.pid, server.output);
    heaps.push(serverHeap);
    const prefill = await openMetricsStream(server.url, server.clusterId, svc.namespace, svc.name);
    if (PREFILL_MINUTES > 0) console.log(`prefilling: the poller runs for ${PREFILL_MINUTES} minutes with one stream viewer before the page opens`);
    await sleep(PREFILL_MINUTES * 60_000);

    browser = await launchChromium(pageHeapArgs({ jit: JIT }));
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const layoutShifts = await LayoutShifts.record(page);
    await page.goto(`/clusters/${server.clusterId}/knative/services/${svc.namespace}/${svc.name}`);
    const rateChart = page.getByRole("img", { name: /^Requests per second:/ });
    await rateChart.waitFor();
    const pageHeap = await inspectPage(page);
    heaps.push(pageHeap);
    prefill.stop();
    const historyAtOpen = await heldSamples(server.url, server.clusterId, svc.namespace, svc.name);
    console.log(`the page opened on a history of ${historyAtOpen.samples} samples (bounded at 600)`);

    const readings: Reading[] = [];
    const t0 = Date.now();
    const warmup = WARMUP_MINUTES > 0 ? `, after ${WARMUP_MINUTES} minutes of warm-up (w1…w${WARMUP_MINUTES}, not judged)` : "";
    console.log(`sampling every ${EVERY_S} s for ${MINUTES} minutes${warmup} (medians per minute, range in brackets, MB):`);
    console.log(`  minute  ${SERIES.map((s) => s.heading.padEnd(COLUMN)).join("")}`);
    const snapshots = async () => ({ server: await serverHeap.snapshot(), page: await pageHeap.snapshot() });
    let before: { server: HeapSummary; page: HeapSummary } | undefined;
    let shiftsBeforeMinute2 = 0;
    for (let elapsed = 1; elapsed <= WARMUP_MINUTES + MINUTES; elapsed++) {
      const minute = elapsed - WARMUP_MINUTES;
      const end = t0 + elapsed * 60_000;
      if (minute === 2) shiftsBeforeMinute2 = await layoutShifts.count();
      if (minute === 2 && values.explain) before = await snapshots();
      while (Date.now() + EVERY_S * 1000 <= end + 1) {
        const next = Date.now() + EVERY_S * 1000;
        const { used, compiledCode, external, heapInMemory, heapInMemoryBySpace, rss } = await serverHeap.readAfterGc();
        readings.push({
          minute,
          rssMb: rss / MB,
          serverHeapInMemoryMb: heapInMemory / MB,
          serverNativeMb: (rss - heapInMemory) / MB,
          serverDataMb: (used - compiledCode) / MB,
          serverCodeMb: compiledCode / MB,
          serverExternalMb: external / MB,
          pageHeapMb: (await pageHeap.usedAfterGc()) / MB,
          serverBySpace: Object.fromEntries(Object.entries(heapInMemoryBySpace).map(([space, bytes]) => [space, bytes / MB])),
        });
        await sleep(Math.max(0, next - Date.now()));
      }
      await sleep(Math.max(0, end - Date.now()));
      const inMinute = readings.filter((r) => r.minute === minute);
      const cells = SERIES.map(({ key }) => {
        const xs = inMinute.map((r) => r[key]);
        return `${median(xs).toFixed(2).padStart(7)} [${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}]`.padEnd(COLUMN);
      });
      console.log(`  ${(minute > 0 ? String(minute) : `w${elapsed}`).padStart(6)}  ${cells.join("")}`);
    }
    const after = before && (await snapshots());
    const shifts = await layoutShifts.count();
    const chartName = await rateChart.getAttribute("aria-label");
    await traffic.stop();

    const held = await heldSamples(server.url, server.clusterId, svc.namespace, svc.name);
    console.log(`traffic: ${JSON.stringify(traffic.answers)}; the chart says "${chartName}"`);
    console.log(
      `the page recorded ${shifts} layout shifts, ${shifts - shiftsBeforeMinute2} of them from minute 2 on (Chromium keeps the first 150 as performance entries, in the page's heap)`,
    );
    console.log(`the server's history holds ${held.samples} samples (bounded at 600), ${held.kb.toFixed(0)} kB as JSON (${((held.kb * 1024) / held.samples).toFixed(0)} B a sample); the page holds the same samples and draws the last 300`);

    const last = MINUTES;
    console.log(`growth from minute 2 to minute ${last} (medians), against noise (the median range of readings within a minute, minutes 2 to ${last}):`);
    let grows = false;
    const signed = (x: number) => `${x >= 0 ? "+" : ""}${x.toFixed(2)}`;
    for (const { key, name, judged } of SERIES) {
      const at = (minute: number) => readings.filter((r) => r.minute === minute).map((r) => r[key]);
      const growth = median(at(last)) - median(at(2));
      const noise = median(Array.from({ length: last - 1 }, (_, i) => range(at(i + 2))));
      const trend = linearTrend(Array.from({ length: last - 1 }, (_, i): [number, number] => [i + 2, median(at(i + 2))]));
      const rising = trend.low > 0;
      const verdict = growth > noise && rising ? "GROWS" : growth > noise ? "beyond noise, but no trend" : "within noise";
      if (judged) grows ||= verdict === "GROWS";
      console.log(
        `  ${name.padEnd(NAME)} ${signed(growth)} MB   noise ${noise.toFixed(2)} MB   trend ${signed(trend.slope * 10)} MB per 10 min (95 %: ${signed(trend.low * 10)} to ${signed(trend.high * 10)})   ${verdict}${judged ? "" : " (not judged)"}`,
      );
    }
    // Where the server's V8 heap in memory changed, space by space: a young generation V8 grew to
    // the allocation rate it saw shows here, and so would an old space that holds more.
    const spaces = (minute: number) => readings.filter((r) => r.minute === minute).map((r) => r.serverBySpace);
    const spaceMedian = (minute: number, space: string) => median(spaces(minute).map((s) => s[space] ?? 0));
    const bySpace = Object.keys(spaces(last)[0] ?? {})
      .map((space) => ({ space, from: spaceMedian(2, space), to: spaceMedian(last, space) }))
      .filter(({ from, to }) => Math.abs(to - from) >= 0.01)
      .map(({ space, from, to }) => `${space} ${from.toFixed(2)} → ${to.toFixed(2)}`);
    console.log(`  the server's V8 heap in memory by space, minute 2 → ${last} (MB): ${bySpace.join(", ") || "no space changed"}`);
    if (before && after) {
      console.log(`what grew most from minute 2 to the end (heap snapshots; kind: bytes, objects):`);
      const described = (grown: ReturnType<typeof grownKinds>) => grown.map((k) => `${k.kind} ${k.bytes >= 0 ? "+" : ""}${(k.bytes / 1024).toFixed(0)} kB (${k.count >= 0 ? "+" : ""}${k.count})`).join(", ");
      for (const side of ["server", "page"] as const) {
        const label = side === "server" ? "console server" : "Service page  ";
        console.log(`  ${label}  ${described(grownKinds(before[side].kinds, after[side].kinds))}`);
        console.log(`  ${label}  its compiled code, by name: ${described(grownKinds(before[side].code, after[side].code, 10))}`);
        console.log(`  ${label}  its strings, by shape (digits as #): ${described(grownKinds(before[side].strings, after[side].strings, 10))}`);
      }
    }
    console.log(
      `memory with the Live Traffic page open for ${MINUTES} minutes, V8's JIT ${JIT ? "on" : "off"}, ${PREFILL_MINUTES > 0 ? `after ${PREFILL_MINUTES} minutes of prefill` : "buffers filling"}${WARMUP_MINUTES > 0 ? ` and ${WARMUP_MINUTES} of warm-up` : ""} (target: no growth beyond noise, and no rising trend, from minute 2)  ${grows ? "MISSED" : "MET"}`,
    );
  } finally {
    for (const heap of heaps) await heap.close().catch(() => undefined);
    await traffic?.stop();
    await browser?.close();
    await server?.stop();
    await cluster.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
