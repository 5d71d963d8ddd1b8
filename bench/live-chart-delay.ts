// The delay from requests through the gateway to the Service page's chart showing them: bursts
// sent at known times to an idle Service (target p95 ≤ 2 s, from the burst to the chart).
//
//   npx tsx bench/live-chart-delay.ts [--bursts 30] [--burst-size 5]
//
// The Service has one Revision kept at one ready pod (min-scale 1), so a burst is never a cold
// start, and no traffic but the bursts. Its page is open in Chromium and this script holds its
// own viewer of the Service's metrics stream. Each burst waits until both show the Service idle
// again (0 req/s), then a random 0–1 s more so bursts fall anywhere within the poller's second,
// then sends --burst-size requests at once. Times are wall-clock (Date.now()) on this machine:
// the burst sent; the poller's sample that first counts it (its `at`, when it started reading
// the pods); that sample reaching the stream's viewer; the page's "Requests per second" chart
// (`role=img`, accessible name `Requests per second: <revision> <n> req/s`) first naming a
// non-zero rate, stamped at the animation frame that painted it (bench/support/page-watcher.ts).
// By design the poller reads queue-proxy's last full second 150 ms after each second ends, so up
// to about 1.15 s (after the requests reach the pod) is waiting for the second to close.

import os from "node:os";
import { parseArgs } from "node:util";
import { startClusterProcess } from "../emulator/testing/cluster-process";
import { requestViaGateway } from "../emulator/testing/gateway-client";
import { scratchDir } from "../emulator/testing/temp-dir";
import type { MetricsSample } from "../lib/metrics/types";
import { launchChromium } from "./support/browser";
import { startConsole } from "./support/console-server";
import { createLiveService } from "./support/live-service";
import { type MetricsStream, openMetricsStream } from "./support/metrics-stream";
import { armPageWatcher } from "./support/page-watcher";
import { median, percentile, p95, sleep } from "./support/stats";

const { values } = parseArgs({
  options: {
    bursts: { type: "string", default: "30" },
    "burst-size": { type: "string", default: "5" },
  },
});
const BURSTS = Number(values.bursts);
const BURST_SIZE = Number(values["burst-size"]);
const TARGET_MS = 2000;

/** The rates the "Requests per second" chart's accessible name gives, in the page. */
const CHART_RATES = `() => {
  const chart = [...document.querySelectorAll('[role="img"]')].find((el) => (el.getAttribute("aria-label") ?? "").startsWith("Requests per second:"));
  return [...(chart?.getAttribute("aria-label") ?? "").matchAll(/ ([0-9.]+) req\\/s/g)].map((m) => Number(m[1]));
}`;
const CHART_SHOWS_TRAFFIC = `() => (${CHART_RATES})().some((r) => r > 0)`;
const CHART_SHOWS_IDLE = `() => { const rates = (${CHART_RATES})(); return rates.length > 0 && rates.every((r) => r === 0); }`;

interface Burst {
  sent: number;
  answered: number;
  /** The first sample that counts the burst: when the poller started reading it, and its rate. */
  sampleAt: number;
  sampleRps: number;
  onStream: number;
  onChart: number;
}

const rateOf = (sample: MetricsSample) => Object.values(sample.revisions).reduce((s, r) => s + r.requestsPerSecond, 0);

function firstSampleAfter(stream: MetricsStream, since: number, matches: (s: MetricsSample) => boolean): { at: number; sample: MetricsSample } | undefined {
  for (const m of stream.messages) if (m.at >= since && m.message.type === "sample" && matches(m.message.sample)) return { at: m.at, sample: m.message.sample };
  return undefined;
}

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; ; await sleep(10)) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
  }
}

async function main() {
  const cluster = await startClusterProcess(scratchDir("kc-bench-delay-"), ["--no-seed", "--ready-delay-ms", "50"]);
  let server: Awaited<ReturnType<typeof startConsole>> | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let stream: MetricsStream | undefined;
  try {
    const svc = await createLiveService(cluster, { namespace: "bench", name: "idle", revisions: 1 });
    server = await startConsole(cluster.kubeconfig);
    console.log(`${os.cpus().length} cores, node ${process.version}, load average ${os.loadavg()[0]!.toFixed(2)}; ${new Date().toISOString()}`);
    console.log(`embedded cluster: Service ${svc.namespace}/${svc.name}, one Revision at one ready pod (min-scale 1), no traffic but the bursts`);
    browser = await launchChromium();
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`/clusters/${server.clusterId}/knative/services/${svc.namespace}/${svc.name}`);
    await page.getByRole("img", { name: /^Requests per second:/ }).waitFor();
    stream = await openMetricsStream(server.url, server.clusterId, svc.namespace, svc.name);
    const viewer = stream;

    const burst = async (): Promise<Burst> => {
      // Idle again on both: the stream's latest sample and the chart say 0 req/s.
      await waitFor("the stream to show the Service idle", () => {
        const last = viewer.messages.at(-1)?.message;
        return last?.type === "sample" && rateOf(last.sample) === 0 ? true : undefined;
      });
      await page.waitForFunction(CHART_SHOWS_IDLE, undefined, { timeout: 10_000, polling: 50 });
      await sleep(Math.random() * 1000);
      const onChart = await armPageWatcher(page, CHART_SHOWS_TRAFFIC);
      const sent = Date.now();
      await Promise.all(Array.from({ length: BURST_SIZE }, async () => {
        const r = await requestViaGateway(cluster.gatewayUrl, svc.host);
        if (r.status !== 200) throw new Error(`gateway answered ${r.status}: ${r.body}`);
      }));
      const answered = Date.now();
      const first = await waitFor("a sample counting the burst", () => firstSampleAfter(viewer, sent, (s) => rateOf(s) > 0));
      return { sent, answered, sampleAt: first.sample.at, sampleRps: rateOf(first.sample), onStream: first.at, onChart: await onChart() };
    };

    await burst(); // warm-up: the first requests through the gateway and the chart's first non-zero draw
    const bursts: Burst[] = [];
    for (let i = 0; i < BURSTS; i++) bursts.push(await burst());
    await context.close();

    const fig = (xs: number[]) => `p50 ${median(xs).toFixed(0).padStart(5)} ms  p95 ${p95(xs).toFixed(0).padStart(5)} ms  max ${percentile(xs, 100).toFixed(0).padStart(5)} ms`;
    const row = (label: string, xs: number[], why = "") => console.log(`  ${label.padEnd(40)} ${fig(xs)}${why ? `   (${why})` : ""}`);
    const toChart = bursts.map((b) => b.onChart - b.sent);
    console.log(`delay from a burst of ${BURST_SIZE} requests through the gateway to the first sight of it (${bursts.length} bursts, one at a time):`);
    row("burst sent → page's chart shows it", toChart);
    row("burst sent → metrics stream has it", bursts.map((b) => b.onStream - b.sent));
    row("  of which: sent → poller's tick", bursts.map((b) => b.sampleAt - b.sent), "waiting for queue-proxy's second to close: by design up to ~1.15 s after the requests arrive");
    row("            tick → stream has it", bursts.map((b) => b.onStream - b.sampleAt), "the Service, its pods and the pod's Stat read through the API server");
    row("  stream has it → chart painted", bursts.map((b) => b.onChart - b.onStream), "the page's own stream, React, Recharts; the page and this script are two viewers");
    row("the burst's own requests", bursts.map((b) => b.answered - b.sent));
    const whole = bursts.filter((b) => b.sampleRps === BURST_SIZE).length;
    console.log(`  ${whole} of ${bursts.length} bursts counted whole by their first sample (the rest straddled a second; the first sample shows part of them)`);
    console.log(`burst → chart: p95 ${p95(toChart).toFixed(0)} ms (target p95 ≤ ${TARGET_MS} ms)  ${p95(toChart) <= TARGET_MS ? "MET" : "MISSED"}`);
  } finally {
    stream?.stop();
    await browser?.close();
    await server?.stop();
    await cluster.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
