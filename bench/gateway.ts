// Throughput of the embedded gateway against a bare node:http "hello" server on loopback
// (target: the gateway at ≥ 0.5× the bare server's requests per second).
//
//   npx tsx bench/gateway.ts [--duration 3] [--rounds 3] [--connections 50]
//
// Both servers run in this process, one at a time under load; autocannon runs as a separate
// process so the load generator does not share the servers' event loop. The two are measured in
// alternating rounds and compared by their medians, so a burst of other work on the machine
// skews both alike instead of one. The gateway serves one
// Service split 50/50 between two helloworld revisions, through the whole data path: Host
// lookup, smooth weighted round-robin, TrafficStats, the revision's application.

import { execFile } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { startGateway } from "../emulator/gateway";
import { createTestActivator, TestCluster } from "../emulator/gateway/testing/test-cluster";
import { createTrafficStats } from "../emulator/runtime/traffic-stats";

const { values } = parseArgs({
  options: { duration: { type: "string", default: "3" }, rounds: { type: "string", default: "3" }, connections: { type: "string", default: "50" } },
});
const DURATION_S = Number(values.duration);
const ROUNDS = Number(values.rounds);
const CONNECTIONS = Number(values.connections);
const HOST = "helloworld-go.default.example.com";
const AUTOCANNON = createRequire(import.meta.url).resolve("autocannon/autocannon.js");

interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

/** Runs autocannon in its own process and reads its JSON summary. */
function load(url: string, durationS: number): Promise<LoadResult> {
  const args = [AUTOCANNON, "-j", "-c", String(CONNECTIONS), "-d", String(durationS), "-H", `host=${HOST}`, url];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 }, (err, stdout) => {
      if (err) return reject(err);
      const r = JSON.parse(stdout);
      resolve({ requestsPerSecond: r.requests.average, p50Ms: r.latency.p50, p99Ms: r.latency.p99, non2xx: r.non2xx, errors: r.errors });
    });
  });
}

async function startBareServer(): Promise<{ url: string; close(): Promise<void> }> {
  const body = Buffer.from("Hello World!\n");
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8", "Content-Length": body.length });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function startFiftyFiftyGateway() {
  const cluster = new TestCluster();
  cluster.addRevision({ name: "helloworld-go-00001" });
  cluster.addRevision({ name: "helloworld-go-00002", env: [{ name: "TARGET", value: "Knative on ASM" }] });
  cluster.setRoute("default", "helloworld-go", [
    { revisionName: "helloworld-go-00001", percent: 50 },
    { revisionName: "helloworld-go-00002", percent: 50 },
  ]);
  const stats = createTrafficStats();
  const gateway = await startGateway({ registry: cluster.registry, stats, activator: createTestActivator(cluster), domain: "example.com", port: 0 });
  return { gateway, stats };
}

function report(name: string, result: LoadResult): void {
  console.log(
    `  ${name.padEnd(22)} ${result.requestsPerSecond.toFixed(0).padStart(8)} req/s   p50 ${result.p50Ms} ms   p99 ${result.p99Ms} ms   non-2xx ${result.non2xx}   errors ${result.errors}`,
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  console.log(`loopback, ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${DURATION_S} s each (after 1 s warm-ups), node ${process.version}, load average ${os.loadavg()[0]!.toFixed(2)}`);
  const bare = await startBareServer();
  const { gateway, stats } = await startFiftyFiftyGateway();
  const gatewayUrl = `${gateway.url}/`;
  await load(bare.url, 1); // warm-up: JIT and connection setup do not count
  await load(gatewayUrl, 1);

  const bareRps: number[] = [];
  const gatewayRps: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    console.log(`round ${round}`);
    const b = await load(bare.url, DURATION_S);
    report("bare node:http", b);
    bareRps.push(b.requestsPerSecond);
    const g = await load(gatewayUrl, DURATION_S);
    report("gateway (50/50 split)", g);
    gatewayRps.push(g.requestsPerSecond);
  }
  const share = (rev: string) => stats.window("default", rev, DURATION_S * 1000).requestsPerSecond;
  console.log(`gateway split, last round: helloworld-go-00001 ${share("helloworld-go-00001").toFixed(0)} req/s, helloworld-go-00002 ${share("helloworld-go-00002").toFixed(0)} req/s`);
  await Promise.all([bare.close(), gateway.close()]);

  const ratio = median(gatewayRps) / median(bareRps);
  console.log(`median: bare ${median(bareRps).toFixed(0)} req/s, gateway ${median(gatewayRps).toFixed(0)} req/s`);
  console.log(`ratio gateway / bare: ${ratio.toFixed(2)}× (target ≥ 0.50×)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
