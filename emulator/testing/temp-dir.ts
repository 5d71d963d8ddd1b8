// Scratch directories for tests and benches, removed when the process exits.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const created: string[] = [];
let cleanupRegistered = false;

export function scratchDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  if (!cleanupRegistered) {
    cleanupRegistered = true;
    process.once("exit", () => {
      for (const d of created) fs.rmSync(d, { recursive: true, force: true });
    });
  }
  return dir;
}
