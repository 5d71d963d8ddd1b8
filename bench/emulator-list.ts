// With 1,000 Services and 3,000 Revisions in the embedded cluster (run as `npm run emulator`
// runs it, in its own process): the median time of a full list of Services over HTTP (target
// under 100 ms), against a bare node:https server sending the same bytes in the same run, and
// the cluster process's resident memory (target under 200 MB).
//
//   npx tsx bench/emulator-list.ts [--services 1000] [--revisions-per-service 3]

import fs from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { type ApiEndpoint, apiFetch } from "../emulator/testing/api-endpoint";
import { startClusterProcess } from "../emulator/testing/cluster-process";
import { loadServices } from "./support/load-services";
import { rssMb } from "./support/process-memory";
import { median, p95 } from "./support/stats";

const { values } = parseArgs({ options: { services: { type: "string", default: "1000" }, "revisions-per-service": { type: "string", default: "3" } } });
const SERVICE_COUNT = Number(values.services);
const REVS = Number(values["revisions-per-service"]);
const NAMESPACE_COUNT = 10;
const RUNS = 30;

async function timeFetches(api: ApiEndpoint, url: string): Promise<{ times: number[]; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS + 3; i++) {
    const t0 = performance.now();
    // Uncompressed on both sides: the same bytes, so the ratio is the list's own cost. The same
    // request too, over TLS with the token (the bare server ignores it), so only the serving differs.
    const body = await (await apiFetch(api, url, { headers: { Accept: "application/json", "Accept-Encoding": "identity" } })).arrayBuffer();
    if (i >= 3) times.push(performance.now() - t0); // warm-up runs do not count
    bytes = body.byteLength;
  }
  return { times, bytes };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kc-bench-"));
  const cluster = await startClusterProcess(dir, ["--no-seed", "--ready-delay-ms", "50"]);
  const api = cluster.apiUrl;
  const pid = cluster.child.pid!;
  const rssIdle = rssMb(pid);
  try {
    const { revisions, seconds: loadSeconds } = await loadServices(cluster, { services: SERVICE_COUNT, revisionsPerService: REVS, namespaces: NAMESPACE_COUNT });
    await new Promise((r) => setTimeout(r, 2000)); // let the revisions settle (Ready, pods)

    const listUrl = `${api}/apis/serving.knative.dev/v1/services`;
    const emulator = await timeFetches(cluster, listUrl);
    const sameBytes = Buffer.from(await (await apiFetch(cluster, listUrl, { headers: { "Accept-Encoding": "identity" } })).arrayBuffer());
    // With the cluster's own certificate and key, so that TLS costs both the same.
    const tls = { cert: cluster.caCert, key: fs.readFileSync(path.join(dir, "apiserver.key"), "utf8") };
    const bare = https.createServer(tls, (_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json", "Content-Length": sameBytes.length });
      res.end(sameBytes);
    });
    await new Promise<void>((r) => bare.listen(0, "127.0.0.1", r));
    const baseline = await timeFetches(cluster, `https://127.0.0.1:${(bare.address() as AddressInfo).port}/`);
    bare.close();
    const peakRss = rssMb(pid);
    // Let the controllers settle (pods ready, events swept), then sample the steady state.
    const samples: number[] = [];
    for (let i = 0; i < 10; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      samples.push(rssMb(pid));
    }

    console.log(`loaded ${SERVICE_COUNT} Services and ${revisions} Revisions over HTTP in ${loadSeconds.toFixed(1)} s`);
    console.log(`full list of Services, all namespaces (${(emulator.bytes / 1024).toFixed(0)} KiB), ${RUNS} runs:`);
    console.log(`  embedded cluster  median ${median(emulator.times).toFixed(1)} ms  p95 ${p95(emulator.times).toFixed(1)} ms   (target: median < 100 ms)`);
    console.log(`  bare node:https   median ${median(baseline.times).toFixed(1)} ms  p95 ${p95(baseline.times).toFixed(1)} ms   (same bytes, no work)`);
    console.log(`  ratio             ${(median(emulator.times) / median(baseline.times)).toFixed(2)}x the bare server`);
    console.log(`resident memory of the embedded cluster process (target < 200 MB):`);
    console.log(`  empty ${rssIdle.toFixed(0)} MB; right after loading ${peakRss.toFixed(0)} MB; settled median ${median(samples).toFixed(0)} MB, max ${Math.max(...samples).toFixed(0)} MB`);
  } finally {
    await cluster.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
