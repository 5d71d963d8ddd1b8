// The console as `npm start` serves it: the production build (`next build`, made first when
// `.next` is missing or older than the sources, as scripts/start.ts decides) served by the
// console's own server (scripts/console-server.ts: Next behind its HTTP front, in one process,
// bundled and run by node as npm start runs it),
// in its own process group, pointed at a cluster's kubeconfig through
// KNATIVE_CONSOLE_EMBEDDED_KUBECONFIG. No other kubeconfig is read (KUBECONFIG names a file that
// does not exist), so only the "embedded" cluster is listed. It listens on a free port, or on
// KNATIVE_BENCH_PORT when set (for machines where each engineer has a range of ports).

import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { buildIsCurrent } from "../../scripts/build-freshness";
import { bundleConsoleServer } from "../../scripts/console-server-bundle";
import { sleep } from "./stats";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const NEXT = path.join(ROOT, "node_modules", ".bin", "next");
/** Runs `next build` unless the build is current (or `force`); its output goes to stderr. */
export async function ensureBuild(force = false): Promise<void> {
  if (!force && buildIsCurrent(ROOT)) return;
  console.error("building the console (next build)…");
  const child = spawn(NEXT, ["build"], { cwd: ROOT, stdio: ["ignore", process.stderr, process.stderr], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`next build failed (exit ${code})`);
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The port KNATIVE_BENCH_PORT names, checked free: an answer from someone else's server must not pass for ours. */
async function benchPort(value: string): Promise<number> {
  const port = Number(value);
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", (err) => reject(new Error(`KNATIVE_BENCH_PORT=${value}: ${(err as NodeJS.ErrnoException).code ?? err.message}`)));
    server.listen(port, "127.0.0.1", resolve);
  });
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface ConsoleServer {
  url: string;
  /** The console server's process: its HTTP front and Next, the pollers and the watches. */
  pid: number;
  /** The id the console gives the cluster it was pointed at. */
  clusterId: string;
  output(): string;
  stop(): Promise<void>;
}

export interface ConsoleOptions {
  timeoutMs?: number;
  /** Added to the server's environment (e.g. NODE_OPTIONS for a bench that inspects it). */
  env?: Record<string, string>;
  /** Node's own options for the server (V8 flags among them, which NODE_OPTIONS refuses). */
  nodeArgs?: string[];
}

export async function startConsole(kubeconfig: string, options: ConsoleOptions = {}): Promise<ConsoleServer> {
  const { timeoutMs = 60_000 } = options;
  await ensureBuild();
  const port = process.env.KNATIVE_BENCH_PORT ? await benchPort(process.env.KNATIVE_BENCH_PORT) : await freePort();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "kc-bench-console-"));
  // Inside the repository, where `next` and client-node resolve from node_modules.
  const server = path.join(ROOT, ".next", `console-server-bench-${process.pid}.mjs`);
  await bundleConsoleServer(server);
  const args = [server, "--dir", ROOT, "--host", "127.0.0.1", "--port", String(port), "--auth", "local"];
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), ...args], {
    cwd: ROOT,
    // Its own process group, so stopping it stops anything it started too.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      KNATIVE_CONSOLE_EMBEDDED_KUBECONFIG: kubeconfig,
      KUBECONFIG: path.join(scratch, "no-kubeconfig"),
      HOME: scratch,
      ...options.env,
    },
  });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    const signal = (s: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, s);
      } catch {
        // already gone
      }
    };
    if (child.exitCode === null && child.signalCode === null) {
      signal("SIGTERM");
      const forced = setTimeout(() => signal("SIGKILL"), 5_000);
      await exited;
      clearTimeout(forced);
    }
    fs.rmSync(scratch, { recursive: true, force: true });
    fs.rmSync(server, { force: true });
  };

  for (const deadline = Date.now() + timeoutMs; ; await sleep(100)) {
    if (child.exitCode !== null) throw new Error(`the console server exited with ${child.exitCode}:\n${out}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the console did not answer in ${timeoutMs} ms:\n${out}`);
    }
    try {
      const res = await fetch(`${url}/api/clusters`);
      if (res.ok) {
        await res.arrayBuffer();
        break;
      }
    } catch {
      // not listening yet
    }
  }
  return { url, pid: child.pid!, clusterId: "embedded", output: () => out, stop };
}
