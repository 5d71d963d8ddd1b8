// The embedded cluster in its own process (as `npm run emulator` runs it), filled over HTTP with
// N Services and N×R Revisions and settled: every Service Ready, and the cluster quiet, in its
// steady state, where idle Revisions have scaled to zero. The benches run it with a 1 s
// scale-to-zero grace instead of the default 30 s, so that the scaling down of a thousand pods
// after a start happens before the measuring, not in the middle of it. The common start of the
// console benches.
//
// Loading 1,000 Services takes over a minute, so the loaded store is kept under bench/out/
// (ignored by git) and a later run starts the cluster on a copy of it (a few seconds: the store
// is durable, and the controllers resync on start). The copy is reused only while the emulator,
// lib/knative, the loader and the lock file are unchanged; `fresh` loads over HTTP regardless.

import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { apiFetch } from "../../emulator/testing/api-endpoint";
import { type ClusterProcess, startClusterProcess } from "../../emulator/testing/cluster-process";
import { ROOT } from "./console-server";
import { loadServices, waitQuiet, waitServicesReady } from "./load-services";

export interface LoadedCluster {
  cluster: ClusterProcess;
  /** One line saying what was loaded, and how. */
  summary: string;
  stop(): Promise<void>;
}

export interface LoadedClusterOptions {
  services: number;
  revisionsPerService: number;
  /** Load over HTTP even when a stored copy of the same load exists. */
  fresh?: boolean;
}

/** Loading runs with the default grace (as bench/emulator-list.ts does); measuring with a short one. */
const LOAD_ARGS = ["--no-seed", "--ready-delay-ms", "50"];
const RUN_ARGS = [...LOAD_ARGS, "--scale-to-zero-grace-ms", "1000"];
const CACHE_DIR = path.join(ROOT, "bench", "out", "cluster-cache");

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return filesUnder(p);
    return /\.test\.ts$/.test(e.name) ? [] : [p];
  });
}

/** Changes whenever anything that decides what the loaded store holds changes. */
function sourceKey(): string {
  const hash = crypto.createHash("sha256");
  const files = [...filesUnder(path.join(ROOT, "emulator")), ...filesUnder(path.join(ROOT, "lib", "knative")), path.join(ROOT, "bench", "support", "load-services.ts"), path.join(ROOT, "package-lock.json")];
  for (const file of files.sort()) hash.update(path.relative(ROOT, file)).update(fs.readFileSync(file));
  return hash.digest("hex").slice(0, 12);
}

export async function startLoadedCluster(options: LoadedClusterOptions): Promise<LoadedCluster> {
  const { services, revisionsPerService } = options;
  const prefix = `s${services}-r${revisionsPerService}-`;
  const cached = path.join(CACHE_DIR, `${prefix}${sourceKey()}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kc-bench-"));
  const t0 = performance.now();
  let how: string;
  let cluster: ClusterProcess | undefined;
  try {
    if (!options.fresh && fs.existsSync(path.join(cached, "complete"))) {
      fs.cpSync(cached, dir, { recursive: true });
      fs.rmSync(path.join(dir, "complete"));
      cluster = await startClusterProcess(dir, RUN_ARGS);
      how = `started on a stored copy of an earlier load (${path.relative(ROOT, cached)}; --fresh loads again)`;
    } else {
      cluster = await startClusterProcess(dir, LOAD_ARGS);
      const load = await loadServices(cluster, { services, revisionsPerService });
      await waitServicesReady(cluster, services);
      how = `loaded over HTTP in ${load.seconds.toFixed(1)} s`;
      // Keep a copy of the settled store for later runs, then go on from the same files.
      await cluster.stop();
      cluster = undefined;
      for (const old of fs.existsSync(CACHE_DIR) ? fs.readdirSync(CACHE_DIR) : []) {
        if (old.startsWith(prefix)) fs.rmSync(path.join(CACHE_DIR, old), { recursive: true, force: true });
      }
      fs.mkdirSync(CACHE_DIR, { recursive: true });
      fs.cpSync(dir, cached, { recursive: true });
      fs.writeFileSync(path.join(cached, "complete"), new Date().toISOString());
      cluster = await startClusterProcess(dir, RUN_ARGS);
    }
    await waitServicesReady(cluster, services);
    await waitQuiet(cluster);
  } catch (err) {
    await cluster?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const running = cluster;
  const count = async (collection: string) => ((await (await apiFetch(running, collection)).json()) as { items: unknown[] }).items.length;
  const [revisions, pods] = [await count("/apis/serving.knative.dev/v1/revisions"), await count("/api/v1/pods")];
  return {
    cluster: running,
    summary: `embedded cluster: ${services} Services and ${revisions} Revisions, all Ready, ${pods} pods (idle Revisions scaled to zero), ${how}; settled in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    async stop() {
      await running.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
