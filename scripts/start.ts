// `npm start`: the console on http://127.0.0.1:3000 together with the embedded cluster.
//
//   1. builds .next when it is missing or older than the sources;
//   2. starts the embedded cluster (as `npm run emulator` does) on free ports with its state in
//      .data/embedded, unless KNATIVE_CONSOLE_EMBEDDED=0 (or --no-embedded);
//   3. starts the console's server (scripts/console-server.ts: Next.js behind the console's HTTP
//      front, bundled to .next/console-server.mjs and run by node), telling it the embedded cluster's kubeconfig through
//      KNATIVE_CONSOLE_EMBEDDED_KUBECONFIG; other clusters come from KUBECONFIG / ~/.kube/config;
//   4. forwards SIGINT/SIGTERM and stops both children by their process ids.
// With --dev (`npm run dev`) the server runs Next's development server instead of the build.
//
// Settings: PORT (3000), HOST (127.0.0.1: loopback, since the console acts with your
// kubeconfig's rights), KNATIVE_CONSOLE_AUTH / --auth (local: loopback only, see
// lib/k8s/auth-mode.ts), KNATIVE_CONSOLE_EMBEDDED (1), KNATIVE_CONSOLE_DATA_DIR (.data/embedded).

import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { AUTH_MODE_ENV, authMode } from "../lib/k8s/auth-mode";
import { buildIsCurrent } from "./build-freshness";
import { bundleConsoleServer } from "./console-server-bundle";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

const { values: flags } = parseArgs({
  options: {
    port: { type: "string" },
    host: { type: "string" },
    "no-embedded": { type: "boolean" },
    "data-dir": { type: "string" },
    dev: { type: "boolean" },
    auth: { type: "string" },
    "allow-remote-local": { type: "boolean" },
    help: { type: "boolean", short: "h" },
  },
  strict: true,
});

if (flags.help) {
  console.log("usage: npm start -- [--port N] [--host H] [--auth local|token|proxy] [--allow-remote-local] [--no-embedded] [--data-dir DIR] [--dev]");
  console.log("env:   PORT, HOST, KNATIVE_CONSOLE_AUTH, KNATIVE_CONSOLE_PUBLIC_URL, KNATIVE_CONSOLE_ALLOWED_HOSTS,");
  console.log("       KNATIVE_CONSOLE_EMBEDDED=0, KNATIVE_CONSOLE_DATA_DIR, KUBECONFIG");
  process.exit(0);
}

const port = flags.port ?? (process.env.PORT || "3000");
const host = flags.host ?? (process.env.HOST || "127.0.0.1");
const embeddedEnabled = !flags["no-embedded"] && process.env.KNATIVE_CONSOLE_EMBEDDED !== "0";
const dataDir = path.resolve(root, flags["data-dir"] ?? process.env.KNATIVE_CONSOLE_DATA_DIR ?? ".data/embedded");
const auth = flags.auth ?? (process.env[AUTH_MODE_ENV] || "local");
const allowRemote = flags["allow-remote-local"] ?? false;

// Refused before anything is built or started: a minute of building, then a refusal, would be worse.
try {
  const mode = authMode(auth);
  const decision = mode.checkBind({ host, port, allowRemote });
  if (!decision.ok) throw new Error(decision.error);
  mode.checkSettings?.(process.env);
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}

const children = new Set<ChildProcess>();
let stopping = false;

function run(command: string, args: string[], env: NodeJS.ProcessEnv, stdio: "inherit" | "pipe"): ChildProcess {
  // Same process group as this script: a terminal's Ctrl-C, or a supervisor that kills the
  // group, reaches the children even if this script cannot forward anything.
  const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", stdio, stdio] });
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    // tsx and next relay the signal to the process they run.
    process.kill(child.pid, signal);
  } catch {
    // Already gone.
  }
}

async function stopAll(code: number): Promise<never> {
  stopping = true;
  const waiting = [...children].map((c) => new Promise<void>((resolve) => (c.exitCode !== null ? resolve() : c.once("exit", () => resolve()))));
  for (const child of children) stopChild(child, "SIGTERM");
  const forced = setTimeout(() => {
    for (const child of children) stopChild(child, "SIGKILL");
  }, 5_000);
  await Promise.all(waiting);
  clearTimeout(forced);
  process.exit(code);
}

async function build(): Promise<void> {
  if (buildIsCurrent(root)) return;
  console.log("Building the console (next build)…");
  const child = run(bin("next"), ["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, "inherit");
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) {
    console.error("The build failed; see above.");
    await stopAll(code ?? 1);
  }
}

/** scripts/console-server.ts bundled into .next, afresh each start (it takes a moment). */
async function bundledServer(): Promise<string> {
  const outfile = path.join(root, ".next", "console-server.mjs");
  try {
    await bundleConsoleServer(outfile);
  } catch (err) {
    console.error(`Could not bundle the console's server: ${(err as Error).message}`);
    await stopAll(1);
  }
  return outfile;
}

function prefixLines(stream: NodeJS.ReadableStream | null, prefix: string, onLine?: (line: string) => void): void {
  let buffer = "";
  stream?.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines) {
      console.log(`${prefix}${line}`);
      onLine?.(line);
    }
  });
}

/** Starts the embedded cluster and resolves with its kubeconfig once it is listening. */
async function startEmbedded(): Promise<string> {
  const kubeconfig = path.join(dataDir, "kubeconfig");
  const args = ["emulator/main.ts", "--port", process.env.KNATIVE_CONSOLE_EMBEDDED_PORT ?? "0", "--gateway-port", process.env.KNATIVE_CONSOLE_GATEWAY_PORT ?? "0", "--data-dir", dataDir];
  // The same process as `npm run emulator` (package.json): one node with the tsx loader, a small
  // young generation, V8 tuned for size and few malloc arenas: the cluster stays small.
  const child = run(process.execPath, ["--import", "tsx", "--max-semi-space-size=2", "--optimize-for-size", ...args], { ...process.env, MALLOC_ARENA_MAX: "2" }, "pipe");
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the embedded cluster did not start within 60 s")), 60_000);
    const onLine = (line: string) => {
      if (line.startsWith("Kubernetes API:")) {
        clearTimeout(timer);
        resolve(kubeconfig);
      }
    };
    prefixLines(child.stdout, "[embedded cluster] ", onLine);
    prefixLines(child.stderr, "[embedded cluster] ");
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (stopping) return;
      reject(new Error(`the embedded cluster exited (${signal ?? `code ${code}`})`));
      // After a successful start this only informs: the console shows the cluster as unreachable.
      console.error(`[embedded cluster] stopped (${signal ?? `code ${code}`}); the console keeps running.`);
    });
  });
}

async function main(): Promise<void> {
  process.on("SIGINT", () => void stopAll(130));
  process.on("SIGTERM", () => void stopAll(143));

  if (!flags.dev) await build();
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (embeddedEnabled) {
    try {
      env.KNATIVE_CONSOLE_EMBEDDED_KUBECONFIG = await startEmbedded();
    } catch (err) {
      console.error(`Could not start the embedded cluster: ${(err as Error).message}`);
      await stopAll(1);
    }
  }

  // The build runs bundled, with plain node; --dev runs the sources under tsx, as they change.
  const entry = flags.dev ? ["--import", "tsx", "scripts/console-server.ts"] : [await bundledServer(), "--dir", root];
  const serverArgs = [...entry, "--host", host, "--port", port, "--auth", auth];
  if (allowRemote) serverArgs.push("--allow-remote-local");
  if (flags.dev) serverArgs.push("--dev");
  const consoleServer = run(process.execPath, serverArgs, env, "inherit");
  console.log(`Knative Console: http://${host.includes(":") ? `[${host}]` : host}:${port}`);
  consoleServer.on("exit", (code) => {
    if (!stopping) void stopAll(code ?? 1);
  });
}

void main();
