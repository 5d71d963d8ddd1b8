// What a console started for a test prints, and the moment it listens: the same for the
// standalone server (its own process) and the image's container (`docker logs --follow`).

import type { ChildProcess } from "node:child_process";

/** How long a console may take to say it listens. */
const START_TIMEOUT_MS = 60_000;

/**
 * Collects `child`'s output and resolves, with a reader of it, once the console says it listens
 * (Next's "- Local:" line). Fails with the output when `child` exits first, or after 60 s, having
 * called `giveUp` to end what was started.
 */
export async function untilListening(child: ChildProcess, giveUp: () => unknown): Promise<() => string> {
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const started = Date.now();
  while (!out.includes("- Local:")) {
    if (child.exitCode !== null) {
      await giveUp();
      throw new Error(`the console exited with ${child.exitCode}:\n${out}`);
    }
    if (Date.now() - started > START_TIMEOUT_MS) {
      await giveUp();
      throw new Error(`the console did not start in ${START_TIMEOUT_MS / 1000} s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return () => out;
}
