// Throughput of the embedded gateway against a bare node:http "hello" server on loopback
// (target: the gateway at ≥ 0.5× the bare server's requests per second).
//
//   npx tsx bench/gateway.ts [--duration 5] [--connections 50]
//
// Both servers run in this process, one at a time under load; autocannon runs as a separate
// process so the load generator does not share the servers' event loop. The gateway serves one
// Service split 50/50 between two helloworld revisions, through the whole data path: Host
// lookup, smooth weighted round-robin, TrafficStats, the revision's application.

import { execFile } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { startGateway } from "../emulator/gateway";
import { createTestActivator, TestCluster } from "../emulator/gateway/testing/test-cluster";
import { createTrafficStats } from "../emulator/runtime/traffic-stats";

const { values } = parseArgs({ options: { duration: { type: "string", default: "5" }, connections: { type: "string", default: "50" } } });
const DURATION_S = Number(values.duration);
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

async function measure(name: string, url: string): Promise<LoadResult> {
  await load(url, 1); // warm-up: JIT and connection setup do not count
  const result = await load(url, DURATION_S);
  console.log(
    `${name.padEnd(22)} ${result.requestsPerSecond.toFixed(0).padStart(8)} req/s   p50 ${result.p50Ms} ms   p99 ${result.p99Ms} ms   non-2xx ${result.non2xx}   errors ${result.errors}`,
  );
  return result;
}

async function main() {
  console.log(`loopback, ${CONNECTIONS} connections, ${DURATION_S} s each (after a 1 s warm-up), node ${process.version}`);
  const bare = await startBareServer();
  const bareResult = await measure("bare node:http", bare.url);
  await bare.close();

  const { gateway, stats } = await startFiftyFiftyGateway();
  const gatewayResult = await measure("gateway (50/50 split)", `${gateway.url}/`);
  const share = (rev: string) => stats.window("default", rev, DURATION_S * 1000).requestsPerSecond;
  console.log(
    `  split over the run: helloworld-go-00001 ${share("helloworld-go-00001").toFixed(0)} req/s, helloworld-go-00002 ${share("helloworld-go-00002").toFixed(0)} req/s`,
  );
  await gateway.close();

  const ratio = gatewayResult.requestsPerSecond / bareResult.requestsPerSecond;
  console.log(`ratio gateway / bare: ${ratio.toFixed(2)}× (target ≥ 0.50×)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
