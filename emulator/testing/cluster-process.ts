// Runs the embedded cluster as a separate process, exactly as `npm run emulator` does, for
// tests that need a real process boundary (kill -9, kubectl against it).

import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { certPath } from "../credentials/serving-cert";
import { tokenPath } from "../credentials/token";
import { DEVELOPER, VIEWER } from "../rbac/identities";
import type { ApiEndpoint } from "./api-endpoint";

export interface ClusterProcess {
  child: ChildProcess;
  apiUrl: string;
  gatewayUrl: string;
  kubeconfig: string;
  /** The bearer token its API server requires, read from the data dir as a user would. */
  token: string;
  /** PEM of the certificate its API server presents, from the data dir too. */
  caCert: string;
  /** The seeded identities (emulator/rbac/identities.ts), each with its own token from the data dir. */
  as: { viewer: ApiEndpoint; developer: ApiEndpoint };
  output: () => string;
  /** SIGTERM, and wait for a clean exit. */
  stop(): Promise<number | null>;
  /** SIGKILL: no chance to flush anything. */
  kill9(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, "../..");
const EMULATOR_NODE_FLAGS = (process.env.EMULATOR_NODE_FLAGS ?? "--import tsx --max-semi-space-size=2 --optimize-for-size").split(/\s+/).filter(Boolean);

export async function startClusterProcess(dataDir: string, extraArgs: string[] = [], timeoutMs = 30_000): Promise<ClusterProcess> {
  // The same command line as `npm run emulator` (package.json), minus npm.
  const child = spawn(
    process.execPath,
    [...EMULATOR_NODE_FLAGS, path.join(ROOT, "emulator/main.ts"), "--port", "0", "--gateway-port", "0", "--data-dir", dataDir, "--ready-delay-ms", "200", ...extraArgs],
    // glibc's per-thread malloc arenas otherwise hold tens of MB the process no longer uses.
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, MALLOC_ARENA_MAX: "2" } },
  );
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const started = Date.now();
  while (!/kubeconfig:\s+(\S+)/.test(out)) {
    if (child.exitCode !== null) throw new Error(`the embedded cluster exited with ${child.exitCode}:\n${out}`);
    if (Date.now() - started > timeoutMs) {
      child.kill("SIGKILL");
      throw new Error(`the embedded cluster did not start in ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const field = (label: string) => new RegExp(`${label}:\\s+(\\S+)`).exec(out)![1]!;
  const caCert = fs.readFileSync(certPath(dataDir), "utf8");
  const identity = (tokenFile: string): ApiEndpoint => ({ apiUrl: field("Kubernetes API"), caCert, token: fs.readFileSync(tokenPath(dataDir, tokenFile), "utf8").trim() });
  return {
    child,
    apiUrl: field("Kubernetes API"),
    gatewayUrl: field("Gateway"),
    kubeconfig: field("kubeconfig"),
    token: fs.readFileSync(tokenPath(dataDir), "utf8").trim(),
    caCert,
    as: { viewer: identity(VIEWER.tokenFile), developer: identity(DEVELOPER.tokenFile) },
    output: () => out,
    async stop() {
      child.kill("SIGTERM");
      return exited;
    },
    async kill9() {
      child.kill("SIGKILL");
      await exited;
    },
  };
}
