// The console server's CPU spent on live traffic collection: one Service with 20 Revisions, each
// with a ready pod (min-scale 1) and a share of steady traffic, watched by 3 viewers of its
// metrics stream (target: under 5 % of one core more than the same console idle).
//
//   npx tsx bench/live-collection-cpu.ts [--revisions 20] [--viewers 3] [--seconds 60] [--rounds 2] [--rps 20]
//
// The CPU time (user + system, from /proc/<pid>/stat) of the console server's process tree
// (scripts/console-server.ts: the HTTP front and Next in one process) is read over --seconds, first with no viewer (the
// baseline: the same console, same cluster, same traffic through the gateway, nothing polling),
// then with --viewers SSE clients on the Service's metrics stream, which make its poller read
// the Service, its pod list and each ready pod's queue-proxy statistics every second. The two
// alternate for --rounds, so a burst of other work on the machine falls on both alike; after the
// viewers leave, the script waits out the poller's linger before the next idle window. The
// collection's cost is the difference. The embedded cluster's own CPU (the API server answering
// the pod proxy) is printed beside it: it is what a real API server would spend.

import os from "node:os";
import { parseArgs } from "node:util";
import { startClusterProcess } from "../emulator/testing/cluster-process";
import { scratchDir } from "../emulator/testing/temp-dir";
import { startConsole } from "./support/console-server";
import { createLiveService } from "./support/live-service";
import { type MetricsStream, openMetricsStream } from "./support/metrics-stream";
import { type CpuWindow, startCpuWindow } from "./support/process-cpu";
import { median, p95, sleep } from "./support/stats";
import { startSteadyTraffic } from "./support/steady-traffic";
import type { MetricsSample } from "../lib/metrics/types";

const { values } = parseArgs({
  options: {
    revisions: { type: "string", default: "20" },
    viewers: { type: "string", default: "3" },
    seconds: { type: "string", default: "60" },
    rounds: { type: "string", default: "2" },
    rps: { type: "string", default: "20" },
  },
});
const REVISIONS = Number(values.revisions);
const VIEWERS = Number(values.viewers);
const SECONDS = Number(values.seconds);
const ROUNDS = Number(values.rounds);
const RPS = Number(values.rps);
const TARGET_PERCENT = 5;
/** The poller lingers 15 s after its last viewer (lib/k8s/metrics/service-poller.ts); then some. */
const LINGER_WAIT_MS = 20_000;

interface Phase {
  console: CpuWindow;
  cluster: CpuWindow;
}

const total = (phases: Phase[], which: keyof Phase): CpuWindow => {
  const cpuSeconds = phases.reduce((s, p) => s + p[which].cpuSeconds, 0);
  const wallSeconds = phases.reduce((s, p) => s + p[which].wallSeconds, 0);
  return { cpuSeconds, wallSeconds, percentOfCore: (cpuSeconds / wallSeconds) * 100 };
};

const samplesOf = (stream: MetricsStream) => stream.messages.flatMap((m) => (m.message.type === "sample" ? [{ at: m.at, sample: m.message.sample }] : []));

/** What a sample says about the collection: pods read, pods missed, requests seen. */
function describeSample(sample: MetricsSample): { revisions: number; readyPods: number; missingPods: number; rps: number; problems: string[] } {
  const revisions = Object.values(sample.revisions);
  return {
    revisions: revisions.length,
    readyPods: revisions.reduce((s, r) => s + r.readyPods, 0),
    missingPods: revisions.reduce((s, r) => s + r.missingPods, 0),
    rps: revisions.reduce((s, r) => s + r.requestsPerSecond, 0),
    problems: sample.problems.map((p) => p.kind),
  };
}

async function main() {
  const cluster = await startClusterProcess(scratchDir("kc-bench-cpu-"), ["--no-seed", "--ready-delay-ms", "50"]);
  let server: Awaited<ReturnType<typeof startConsole>> | undefined;
  let traffic: ReturnType<typeof startSteadyTraffic> | undefined;
  const streams: MetricsStream[] = [];
  try {
    const svc = await createLiveService(cluster, { namespace: "bench", name: "canary", revisions: REVISIONS });
    server = await startConsole(cluster.kubeconfig);
    const console_ = server;
    console.log(`${os.cpus().length} cores, node ${process.version}, load average ${os.loadavg()[0]!.toFixed(2)}; ${new Date().toISOString()}`);
    console.log(`embedded cluster: Service ${svc.namespace}/${svc.name} with ${svc.revisions.length} Revisions split evenly, one ready pod each (min-scale 1); ${RPS} req/s through the gateway in every window`);
    traffic = startSteadyTraffic(cluster.gatewayUrl, svc.host, RPS);

    const openViewers = async () => {
      for (let i = 0; i < VIEWERS; i++) streams.push(await openMetricsStream(console_.url, console_.clusterId, svc.namespace, svc.name));
      // The poller has run once for them: its first tick is inside the window, not its start.
      for (const deadline = Date.now() + 5000; samplesOf(streams[0]!).length === 0; await sleep(50)) {
        if (Date.now() > deadline) throw new Error("no sample within 5 s of opening the stream");
      }
    };
    const closeViewers = async () => {
      for (const s of streams.splice(0)) {
        s.stop();
        await s.ended;
      }
    };

    // Warm-up: the route compiled into memory, the JIT and the kept-alive connections, then idle again.
    await openViewers();
    await sleep(10_000);
    await closeViewers();
    await sleep(LINGER_WAIT_MS);

    const idle: Phase[] = [];
    const watched: Phase[] = [];
    const arrivals: number[] = [];
    const seen: Array<ReturnType<typeof describeSample>> = [];
    let received = 0;
    const measure = async (into: Phase[]) => {
      const consoleWindow = startCpuWindow(console_.pid);
      const clusterWindow = startCpuWindow(cluster.child.pid!);
      await sleep(SECONDS * 1000);
      into.push({ console: consoleWindow(), cluster: clusterWindow() });
    };
    for (let round = 1; round <= ROUNDS; round++) {
      await measure(idle);
      await openViewers();
      await measure(watched);
      for (const s of streams) received += samplesOf(s).length;
      for (const { at, sample } of samplesOf(streams[0]!)) {
        arrivals.push(at - sample.at);
        seen.push(describeSample(sample));
      }
      await closeViewers();
      const last = (xs: Phase[]) => xs.at(-1)!;
      console.log(
        `round ${round}: console idle ${last(idle).console.percentOfCore.toFixed(2)} %, with ${VIEWERS} viewers ${last(watched).console.percentOfCore.toFixed(2)} % of one core ` +
          `(embedded cluster ${last(idle).cluster.percentOfCore.toFixed(2)} % → ${last(watched).cluster.percentOfCore.toFixed(2)} %)`,
      );
      if (round < ROUNDS) await sleep(LINGER_WAIT_MS);
    }
    await traffic.stop();

    // The figures mean something only if the viewers saw every pod read, every second.
    const wantSamples = ROUNDS * VIEWERS * SECONDS;
    const complete = seen.filter((s) => s.revisions === REVISIONS && s.readyPods === REVISIONS && s.missingPods === 0).length;
    const problems = [...new Set(seen.flatMap((s) => s.problems))];
    console.log(
      `viewers received ${received} samples (${wantSamples} expected, ±${ROUNDS * VIEWERS} for window edges); ${complete} of ${seen.length} samples of viewer 1 had all ${REVISIONS} pods read; ` +
        `median ${median(seen.map((s) => s.rps)).toFixed(1)} req/s observed (${RPS} sent); problems reported: ${problems.join(", ") || "none"}`,
    );
    console.log(`a second's reads (sample time → viewer has it): median ${median(arrivals).toFixed(0)} ms, p95 ${p95(arrivals).toFixed(0)} ms`);
    console.log(`gateway answers: ${JSON.stringify(traffic.answers)}`);

    const [ci, cw, ki, kw] = [total(idle, "console"), total(watched, "console"), total(idle, "cluster"), total(watched, "cluster")];
    console.log(`console server CPU, ${ROUNDS} × ${SECONDS} s each:`);
    const label = (text: string) => text.padEnd(26);
    console.log(`  ${label("idle (no viewer)")}${ci.percentOfCore.toFixed(2).padStart(6)} % of one core  (${ci.cpuSeconds.toFixed(2)} CPU s in ${ci.wallSeconds.toFixed(0)} s)`);
    console.log(`  ${label(`${VIEWERS} viewers, ${REVISIONS} pods`)}${cw.percentOfCore.toFixed(2).padStart(6)} % of one core  (${cw.cpuSeconds.toFixed(2)} CPU s in ${cw.wallSeconds.toFixed(0)} s)`);
    const collection = cw.percentOfCore - ci.percentOfCore;
    const perRequest = (collection / 100 / (REVISIONS * 2 + 2)) * 1e6;
    console.log(`  (≈ ${perRequest.toFixed(0)} µs of console CPU per request the poller makes: each second it reads the Service, the pod list, and ports 9090 and 9091 of each pod)`);
    console.log(`embedded cluster CPU (API server and pod proxy): idle ${ki.percentOfCore.toFixed(2)} %, with viewers ${kw.percentOfCore.toFixed(2)} % of one core`);
    // A second with pods unread did less work than the target assumes: the figure would flatter.
    const verdict = complete < seen.length * 0.95 ? "INCONCLUSIVE (pods went unread)" : collection < TARGET_PERCENT ? "MET" : "MISSED";
    console.log(`collection's cost: ${collection.toFixed(2)} % of one core for ${REVISIONS} pods and ${VIEWERS} viewers (target < ${TARGET_PERCENT} %)  ${verdict}`);
  } finally {
    for (const s of streams) s.stop();
    await traffic?.stop();
    await server?.stop();
    await cluster.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
