// A console of a spec's own in another auth mode: the production build behind the HTTP front,
// `tsx scripts/console-server.ts --auth MODE`, as `npm start -- --auth MODE` runs it once built,
// serving the embedded cluster and nothing of this process's kubeconfig.

import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { expect } from "@playwright/test";
import { kubeconfigPath } from "./embedded-cluster";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface ConsoleServer {
  output(): string;
  stop(): Promise<void>;
}

export async function startConsoleServer(port: number, args: string[], env: Record<string, string>): Promise<ConsoleServer> {
  const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/console-server.ts", ...args, "--host", "127.0.0.1", "--port", String(port)], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", KNATIVE_CONSOLE_EMBEDDED_KUBECONFIG: kubeconfigPath(), ...env },
  });
  let output = "";
  server.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  server.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  await expect.poll(() => output.includes("- Local:") || server.exitCode !== null, { timeout: 60_000 }).toBe(true);
  expect(server.exitCode, output).toBeNull();
  return {
    output: () => output,
    async stop() {
      if (server.exitCode !== null) return;
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    },
  };
}
