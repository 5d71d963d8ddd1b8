// With 1,000 Services and 3,000 Revisions in the embedded cluster: the median time of a full
// list of Services over HTTP (target under 100 ms), against a bare node:http server sending the
// same bytes, and the cluster's resident memory (target under 200 MB).
//
//   npx tsx bench/emulator-list.ts [--services 1000] [--revisions-per-service 3]

import http from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { startEmbeddedCluster } from "../emulator/cluster";
import { ADMIN } from "../emulator/core/registry";
import { NAMESPACES, REVISIONS, SERVICES } from "../emulator/core/resources";
import { tempDataDir } from "../emulator/testing/api-only";

const { values } = parseArgs({ options: { services: { type: "string", default: "1000" }, "revisions-per-service": { type: "string", default: "3" } } });
const SERVICE_COUNT = Number(values.services);
const REVS = Number(values["revisions-per-service"]);
const RUNS = 30;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function timeFetches(url: string): Promise<{ times: number[]; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS + 3; i++) {
    const t0 = performance.now();
    const body = await (await fetch(url, { headers: { Accept: "application/json" } })).arrayBuffer();
    const dt = performance.now() - t0;
    if (i >= 3) times.push(dt); // warm-up runs do not count
    bytes = body.byteLength;
  }
  return { times, bytes };
}

async function main() {
  const cluster = await startEmbeddedCluster({ dataDir: tempDataDir("kc-bench-"), port: 0, gatewayPort: 0, seed: false, readyDelayMs: 10 });
  const { registry } = cluster;
  const t0 = performance.now();
  for (let n = 0; n < 10; n++) registry.create(NAMESPACES, { metadata: { name: `team-${n}` } }, ADMIN);
  for (let i = 0; i < SERVICE_COUNT; i++) {
    registry.create(
      SERVICES,
      {
        metadata: { name: `svc-${i}`, namespace: `team-${i % 10}` },
        spec: { template: { spec: { containers: [{ image: "ghcr.io/knative/helloworld-go", env: [{ name: "TARGET", value: "v1" }] }] } } },
      },
      ADMIN,
    );
  }
  await cluster.idle();
  for (let r = 2; r <= REVS; r++) {
    for (const svc of registry.list(SERVICES)) {
      (svc.spec as { template: { spec: { containers: Array<{ env: Array<{ value: string }> }> } } }).template.spec.containers[0]!.env[0]!.value = `v${r}`;
      registry.update(SERVICES, svc, ADMIN);
    }
    await cluster.idle();
  }
  const loadSeconds = (performance.now() - t0) / 1000;
  const revisionCount = registry.list(REVISIONS).length;

  const emulator = await timeFetches(`${cluster.apiUrl}/apis/serving.knative.dev/v1/services`);
  const sameBytes = Buffer.from(await (await fetch(`${cluster.apiUrl}/apis/serving.knative.dev/v1/services`)).arrayBuffer());
  const bare = http.createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "application/json", "Content-Length": sameBytes.length });
    res.end(sameBytes);
  });
  await new Promise<void>((r) => bare.listen(0, "127.0.0.1", r));
  const baseline = await timeFetches(`http://127.0.0.1:${(bare.address() as AddressInfo).port}/`);
  bare.close();
  global.gc?.();
  const rss = process.memoryUsage().rss;

  console.log(`loaded ${SERVICE_COUNT} Services and ${revisionCount} Revisions in ${loadSeconds.toFixed(1)} s`);
  console.log(`full list of Services (${(emulator.bytes / 1024).toFixed(0)} KiB), ${RUNS} runs:`);
  console.log(`  embedded cluster  median ${median(emulator.times).toFixed(1)} ms  p95 ${p95(emulator.times).toFixed(1)} ms   (target: median < 100 ms)`);
  console.log(`  bare node:http    median ${median(baseline.times).toFixed(1)} ms  p95 ${p95(baseline.times).toFixed(1)} ms   (same bytes, no work)`);
  console.log(`  ratio             ${(median(emulator.times) / median(baseline.times)).toFixed(2)}x the bare server`);
  console.log(`resident memory of the embedded cluster: ${mb(rss)}   (target < 200 MB; includes this bench's client)`);
  await cluster.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
