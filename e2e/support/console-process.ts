// A second console for a spec that needs its own kubeconfig: started as `npm start` starts it
// (scripts/start.ts, on the build the suite's own console already made), on a free port, in its
// own process group so stopping it stops the server below it too. Its output goes to a log file,
// as the embedded cluster's does (./embedded-cluster.ts).

import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface ConsoleProcess {
  port: number;
  url: string;
  /** Everything it printed so far: its log. */
  output(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts the console with `env` on top of this process's; `logFile` receives everything it prints. */
export async function startConsole(env: Record<string, string>, logFile: string, timeoutMs = 120_000): Promise<ConsoleProcess> {
  const port = await freePort();
  const log = fs.openSync(logFile, "a");
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/start.ts", "--no-embedded", "--port", String(port)], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", log, log],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  fs.closeSync(log);
  const output = () => fs.readFileSync(logFile, "utf8");
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(-child.pid!, "SIGTERM");
    const forced = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 10_000);
    await exited;
    clearTimeout(forced);
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the console exited with ${child.exitCode}:\n${output()}`);
    const ready = await fetch(`${url}/api/clusters`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { port, url, output, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the console did not answer in ${timeoutMs} ms:\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
