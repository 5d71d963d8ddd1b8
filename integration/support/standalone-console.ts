// The console as the container image runs it (deploy/Dockerfile): Next's standalone output with
// the bundled HTTP front, `node console-server.mjs`, in-cluster configuration. Built first when
// the build is missing or older than the sources, as `npm start` does.

import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildIsCurrent } from "@/scripts/build-freshness";

const ROOT = path.resolve(import.meta.dirname, "../..");
const STANDALONE = path.join(ROOT, ".next/standalone");

export function buildStandalone(): void {
  if (!buildIsCurrent(ROOT) || !fs.existsSync(path.join(STANDALONE, "server.js"))) {
    execFileSync(path.join(ROOT, "node_modules/.bin/next"), ["build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  }
  execFileSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/bundle-console-server.ts")], { cwd: ROOT, stdio: "inherit" });
}

export interface RunningConsole {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts `node console-server.mjs` with `args` and `env` (and nothing of this process's KUBECONFIG), resolving once it listens. */
export async function startStandaloneConsole(port: number, args: string[], env: Record<string, string>): Promise<RunningConsole> {
  const child: ChildProcess = spawn(process.execPath, [path.join(STANDALONE, "console-server.mjs"), "--dir", STANDALONE, "--host", "127.0.0.1", "--port", String(port), ...args], {
    cwd: STANDALONE,
    stdio: ["ignore", "pipe", "pipe"],
    // Only what a pod would have: no kubeconfig, no embedded cluster.
    env: { PATH: process.env.PATH ?? "", HOME: path.join(STANDALONE, ".home-unused"), NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const started = Date.now();
  while (!out.includes("- Local:")) {
    if (child.exitCode !== null) throw new Error(`the console exited with ${child.exitCode}:\n${out}`);
    if (Date.now() - started > 60_000) {
      child.kill("SIGKILL");
      throw new Error(`the console did not start in 60 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => out,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
