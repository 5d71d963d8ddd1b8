// The console as the container image runs it (deploy/Dockerfile): Next's standalone output with
// the bundled HTTP front, `node console-server.mjs`, in-cluster configuration. Built first when
// the build is missing or older than the sources, as `npm start` does.
//
// With `asImage`, also the image's constraints: a copy of the output laid out as the Dockerfile
// lays it (.next/cache a link into a writable /tmp), that the image's user (65532, deploy/'s
// runAsUser) cannot write, run as that user when this process may switch users (root, as CI
// is): a console that writes anywhere but /tmp, or needs root, fails here as it would in the pod.
// With KNATIVE_CONSOLE_IMAGE set (`npm run test:image`), the image's container instead.

import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { scratchDir } from "@/emulator/testing/temp-dir";
import { buildIsCurrent } from "@/scripts/build-freshness";
import { IMAGE_USER, startConsoleContainer } from "./console-container";
import { untilListening } from "./console-output";

const ROOT = path.resolve(import.meta.dirname, "../..");
const STANDALONE = path.join(ROOT, ".next/standalone");

/**
 * The image to run instead of the standalone output (`npm run test:image` builds it from
 * deploy/Dockerfile and names it here): every console these tests start is then that container.
 */
const CONSOLE_IMAGE = process.env.KNATIVE_CONSOLE_IMAGE;

export function buildStandalone(): void {
  if (CONSOLE_IMAGE) return;
  if (!buildIsCurrent(ROOT) || !fs.existsSync(path.join(STANDALONE, "server.js"))) {
    execFileSync(path.join(ROOT, "node_modules/.bin/next"), ["build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  }
  execFileSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/bundle-console-server.ts")], { cwd: ROOT, stdio: "inherit" });
}

export interface RunningConsole {
  url: string;
  pid: number;
  output: () => string;
  stop(): Promise<void>;
}

export { IMAGE_USER };

/** Whether this process can run a child as IMAGE_USER. */
export const canRunAsImageUser = () => process.getuid?.() === 0;

/** The standalone output as the image holds it: read-only to IMAGE_USER, .next/cache in a writable tmp. */
function imageCopy(): { app: string; tmp: string } {
  const root = scratchDir("console-image-");
  const app = path.join(root, "app");
  const tmp = path.join(root, "tmp");
  fs.cpSync(STANDALONE, app, { recursive: true, verbatimSymlinks: true });
  fs.rmSync(path.join(app, ".next/cache"), { recursive: true, force: true });
  fs.mkdirSync(tmp, { mode: 0o1777 });
  fs.chmodSync(tmp, 0o1777); // the mode above is masked by the umask
  fs.symlinkSync(path.join(tmp, "next-cache"), path.join(app, ".next/cache"));
  execFileSync("chmod", ["-R", "a-w,a+rX", app]);
  fs.chmodSync(root, 0o755);
  return { app, tmp };
}

/** Lets IMAGE_USER read `dir` (a mounted service account, say) and every file below it, as a pod's mounts are. */
export function readableByImageUser(dir: string): void {
  execFileSync("chmod", ["-R", "a+rX", dir]);
}

/** Starts `node console-server.mjs` with `args` and `env` (and nothing of this process's KUBECONFIG), resolving once it listens. */
export async function startStandaloneConsole(port: number, args: string[], env: Record<string, string>, options: { asImage?: boolean } = {}): Promise<RunningConsole> {
  if (CONSOLE_IMAGE) return startConsoleContainer(CONSOLE_IMAGE, port, args, env);
  const image = options.asImage ? imageCopy() : undefined;
  const app = image?.app ?? STANDALONE;
  const child: ChildProcess = spawn(process.execPath, [path.join(app, "console-server.mjs"), "--dir", app, "--host", "127.0.0.1", "--port", String(port), ...args], {
    cwd: app,
    stdio: ["ignore", "pipe", "pipe"],
    ...(image && canRunAsImageUser() ? { uid: IMAGE_USER, gid: IMAGE_USER } : {}),
    // Only what a pod would have: no kubeconfig, no embedded cluster; the image's ENV.
    env: { PATH: process.env.PATH ?? "", HOME: image ? "/nonexistent" : path.join(STANDALONE, ".home-unused"), ...(image ? { TMPDIR: image.tmp } : {}), NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const output = await untilListening(child, () => child.kill("SIGKILL"));
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    output,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
