// With 1,000 Services and 3,000 Revisions in the embedded cluster: the time of the console's
// Services API route for all namespaces (GET /api/clusters/embedded/services, served by
// the console server from its watch cache when in sync, else listed through @kubernetes/client-node)
// against a raw list of the same objects straight from the cluster's API server
// (GET /apis/serving.knative.dev/v1/services), measured in the same run (target: the route at
// most 1.3× the raw list, by median).
//
//   npx tsx bench/console-services-api.ts [--services 1000] [--revisions-per-service 3] [--runs 30] [--fresh]
//
// Both are fetched the same way, one after the other in alternating order so a burst of other
// work on the machine skews both alike, after warm-up runs: full response body read, with the
// Accept-Encoding a browser sends (Next gzips its answers; the embedded API server gzips those
// over 128 KiB, as kube-apiserver does) and, as a second figure, without compression. Then the
// route's work is taken apart in this process (the same list through @kubernetes/client-node,
// clean and sort, serialize, gzip of the same bytes) to say where its extra time goes. --fresh
// loads the cluster over HTTP even when a stored copy of the same load exists (see
// bench/support/loaded-cluster.ts).

import { gzipSync } from "node:zlib";
import { parseArgs } from "node:util";
import { CustomObjectsApi, KubeConfig } from "@kubernetes/client-node";
import { apiFetch } from "../emulator/testing/api-endpoint";
import { cleanList } from "../lib/k8s/clean-object";
import type { KubeObject } from "../lib/knative/types";
import { startConsole } from "./support/console-server";
import { startLoadedCluster } from "./support/loaded-cluster";
import { median, p95, sleep } from "./support/stats";

const { values } = parseArgs({
  options: {
    services: { type: "string", default: "1000" },
    "revisions-per-service": { type: "string", default: "3" },
    runs: { type: "string", default: "30" },
    fresh: { type: "boolean", default: false },
  },
});
const SERVICES = Number(values.services);
const REVS = Number(values["revisions-per-service"]);
const RUNS = Number(values.runs);
const WARMUP = 5;
const BROWSER_ENCODING = "gzip, deflate, br, zstd";

interface Timing {
  times: number[];
  bytes: number;
  items: number;
  encoding: string;
}

/** What to time: the raw list from the API server (over TLS, with its token), or the console's route. */
type Fetcher = (headers: Record<string, string>) => Promise<Response>;

async function timeOne(fetcher: Fetcher, encoding: string): Promise<{ ms: number; bytes: number; items: number; encoding: string }> {
  const t0 = performance.now();
  const res = await fetcher({ Accept: "application/json", "Accept-Encoding": encoding });
  const body = await res.arrayBuffer();
  const elapsed = performance.now() - t0;
  if (!res.ok) throw new Error(`${res.url}: ${res.status} ${Buffer.from(body).toString().slice(0, 300)}`);
  const items = (JSON.parse(Buffer.from(body).toString()) as { items: unknown[] }).items.length;
  return { ms: elapsed, bytes: body.byteLength, items, encoding: res.headers.get("content-encoding") ?? "identity" };
}

/** Alternates the two URLs run by run (who goes first alternates too); warm-up runs do not count. */
async function compare(urls: [Fetcher, Fetcher], encoding: string): Promise<[Timing, Timing]> {
  const out: [Timing, Timing] = [
    { times: [], bytes: 0, items: 0, encoding: "" },
    { times: [], bytes: 0, items: 0, encoding: "" },
  ];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const order = i % 2 === 0 ? [0, 1] : [1, 0];
    for (const k of order as Array<0 | 1>) {
      const r = await timeOne(urls[k], encoding);
      if (i >= WARMUP) out[k].times.push(r.ms);
      Object.assign(out[k], { bytes: r.bytes, items: r.items, encoding: r.encoding });
    }
  }
  return out;
}

function line(name: string, t: Timing, target = ""): string {
  return `  ${name.padEnd(34)} median ${median(t.times).toFixed(1).padStart(6)} ms   p95 ${p95(t.times).toFixed(1).padStart(6)} ms   ${t.items} items, ${(t.bytes / 1024).toFixed(0)} KiB decoded ${target}`;
}

/** Median time of `work` over a few runs, in this process. */
async function timeLocal(work: () => unknown, runs = 15): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const t0 = performance.now();
    await work();
    if (i >= 3) times.push(performance.now() - t0);
  }
  return median(times);
}

async function main() {
  const loaded = await startLoadedCluster({ services: SERVICES, revisionsPerService: REVS, fresh: values.fresh });
  let server: Awaited<ReturnType<typeof startConsole>> | undefined;
  try {
    console.log(loaded.summary);
    server = await startConsole(loaded.cluster.kubeconfig);
    await sleep(2000); // the console just started: let it settle before timing it
    const rawPath = "/apis/serving.knative.dev/v1/services";
    const routeUrl = `${server.url}/api/clusters/${server.clusterId}/services`;
    const raw: Fetcher = (headers) => apiFetch(loaded.cluster, rawPath, { headers });
    const route: Fetcher = (headers) => fetch(routeUrl, { headers });

    const [rawGz, routeGz] = await compare([raw, route], BROWSER_ENCODING);
    const [rawId, routeId] = await compare([raw, route], "identity");
    // The fixed cost of each hop: the same two requests for a namespace with no Services.
    const [rawEmpty, routeEmpty] = await compare(
      [(headers) => apiFetch(loaded.cluster, "/apis/serving.knative.dev/v1/namespaces/bench-empty/services", { headers }), (headers) => fetch(`${routeUrl}?namespace=bench-empty`, { headers })],
      BROWSER_ENCODING,
    );
    const ratio = median(routeGz.times) / median(rawGz.times);
    const ratioId = median(routeId.times) / median(rawId.times);

    console.log(`Services of all namespaces, ${RUNS} runs each after ${WARMUP} warm-up runs, alternating:`);
    console.log(`as a browser asks (Accept-Encoding: ${BROWSER_ENCODING}):`);
    console.log(line("raw list from the API server", rawGz, `(sent ${rawGz.encoding})`));
    console.log(line("console route /api/…/services", routeGz, `(sent ${routeGz.encoding})`));
    console.log(`  ratio route / raw list: median ${ratio.toFixed(2)}×, p95 ${(p95(routeGz.times) / p95(rawGz.times)).toFixed(2)}×   (target ≤ 1.30×)  ${ratio <= 1.3 ? "MET" : "MISSED"}`);
    console.log(`without compression (Accept-Encoding: identity):`);
    console.log(line("raw list from the API server", rawId));
    console.log(line("console route /api/…/services", routeId));
    console.log(`  ratio route / raw list: median ${ratioId.toFixed(2)}×, p95 ${(p95(routeId.times) / p95(rawId.times)).toFixed(2)}×`);
    console.log(`fixed cost of a request, an empty namespace (no Services):`);
    console.log(line("raw list from the API server", rawEmpty));
    console.log(line("console route /api/…/services", routeEmpty));

    // Where the route's extra time goes: its own steps on the same bytes, timed in this process.
    const rawBytes = Buffer.from(await (await apiFetch(loaded.cluster, rawPath)).arrayBuffer());
    const text = rawBytes.toString();
    const cleaned = cleanList(JSON.parse(text) as { items: KubeObject[] });
    const out = JSON.stringify(cleaned);
    const kc = new KubeConfig();
    kc.loadFromFile(loaded.cluster.kubeconfig);
    const custom = kc.makeApiClient(CustomObjectsApi);
    const step = (name: string, msTaken: number, note = "") => console.log(`  ${name.padEnd(48)} ${msTaken.toFixed(1).padStart(6)} ms ${note}`);
    console.log(`the route's steps on the same ${(rawBytes.length / 1024).toFixed(0)} KiB, each timed alone in this process (medians):`);
    step("fetch of the raw list (body read, no parse)", await timeLocal(async () => (await apiFetch(loaded.cluster, rawPath)).arrayBuffer()));
    step("the same list through client-node (parsed)", await timeLocal(() => custom.listClusterCustomObject({ group: "serving.knative.dev", version: "v1", plural: "services" })));
    step("JSON.parse of the API server's answer", await timeLocal(() => JSON.parse(text)));
    step("cleanList (drop managedFields, sort)", await timeLocal(() => cleanList(JSON.parse(text) as { items: KubeObject[] })), "(parse included)");
    step("JSON.stringify of the answer", await timeLocal(() => JSON.stringify(cleaned)));
    step("gzip (level 6) of the answer", await timeLocal(() => gzipSync(out), 5), `(${(out.length / 1024).toFixed(0)} KiB → ${(gzipSync(out).length / 1024).toFixed(0)} KiB)`);
  } finally {
    await server?.stop();
    await loaded.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
