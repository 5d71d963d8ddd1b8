// The embedded cluster as the tests drive it: a separate process (`tsx emulator/main.ts`, as
// `npm start` runs it) that a test can stop and start again on the same ports, with its pid and
// ports kept in a small state file shared by the runner and the workers.

import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { ApiEndpoint } from "../../emulator/testing/api-endpoint";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface ClusterState {
  pid: number;
  apiPort: number;
  gatewayPort: number;
}

export function e2eDir(): string {
  const dir = process.env.KNATIVE_E2E_DIR;
  if (!dir) throw new Error("KNATIVE_E2E_DIR is not set (run the tests through playwright.config.ts)");
  return dir;
}

export const clusterDataDir = () => path.join(e2eDir(), "cluster");
export const kubeconfigPath = () => path.join(clusterDataDir(), "kubeconfig");
const statePath = () => path.join(e2eDir(), "cluster-state.json");
const logPath = () => path.join(e2eDir(), "cluster.log");

export function readClusterState(): ClusterState {
  return JSON.parse(fs.readFileSync(statePath(), "utf8")) as ClusterState;
}

/** The API server's URL, and the token and certificate to reach it, from its data dir as a user finds them. */
export function clusterApi(state: ClusterState = readClusterState()): ApiEndpoint {
  return {
    apiUrl: `https://127.0.0.1:${state.apiPort}`,
    token: fs.readFileSync(path.join(clusterDataDir(), "token"), "utf8").trim(),
    caCert: fs.readFileSync(path.join(clusterDataDir(), "apiserver.crt"), "utf8"),
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts the cluster (free ports unless given) and waits until its API answers. */
export async function startEmbeddedCluster(ports: { apiPort?: number; gatewayPort?: number } = {}): Promise<ClusterState> {
  const log = fs.openSync(logPath(), "a");
  const offset = fs.statSync(logPath()).size;
  const child = spawn(
    path.join(ROOT, "node_modules/.bin/tsx"),
    ["emulator/main.ts", "--port", String(ports.apiPort ?? 0), "--gateway-port", String(ports.gatewayPort ?? 0), "--data-dir", clusterDataDir(), "--ready-delay-ms", "300"],
    // Its own process group, and no pipes to us: it outlives the setup that starts it.
    { cwd: ROOT, stdio: ["ignore", log, log], detached: true },
  );
  child.unref();
  fs.closeSync(log);
  const pid = child.pid!;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const out = fs.readFileSync(logPath(), "utf8").slice(offset);
    const api = /Kubernetes API:\s+https?:\/\/[^:]+:(\d+)/.exec(out);
    const gateway = /Gateway:\s+http:\/\/[^:]+:(\d+)/.exec(out);
    if (api && gateway) {
      const state = { pid, apiPort: Number(api[1]), gatewayPort: Number(gateway[1]) };
      fs.writeFileSync(statePath(), JSON.stringify(state));
      return state;
    }
    if (!alive(pid)) throw new Error(`the embedded cluster exited:\n${out}`);
    if (Date.now() > deadline) throw new Error(`the embedded cluster did not start in 60 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** SIGTERM to the cluster's process group, then wait until it is gone. */
export async function stopEmbeddedCluster(state: ClusterState = readClusterState()): Promise<void> {
  try {
    process.kill(-state.pid, "SIGTERM");
  } catch {
    return;
  }
  const deadline = Date.now() + 10_000;
  while (alive(state.pid)) {
    if (Date.now() > deadline) {
      process.kill(-state.pid, "SIGKILL");
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** kubectl against the embedded cluster, as a user would run it. */
export function kubectl(args: string[], stdin?: string): string {
  return execFileSync("kubectl", args, {
    env: { ...process.env, KUBECONFIG: kubeconfigPath() },
    input: stdin,
    encoding: "utf8",
    stdio: ["pipe", "pipe", "pipe"],
  });
}
