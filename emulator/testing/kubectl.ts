// Runs the installed kubectl against the embedded cluster with scratch caches, so that no
// discovery or /version cache from another run (or another server on the same port) leaks in.

import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { scratchDir } from "./temp-dir";

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function hasKubectl(): boolean {
  return ["/usr/bin/kubectl", "/usr/local/bin/kubectl"].some((p) => fs.existsSync(p));
}

/** Another kubectl than the one on PATH: the versioned ones the Cloud SDK installs beside it, if present. */
export function versionedKubectl(minor: number): string | undefined {
  const file = `/usr/lib/google-cloud-sdk/bin/kubectl.1.${minor}`;
  return fs.existsSync(file) ? file : undefined;
}

export function kubectlRunner(kubeconfig: string, binary = "kubectl") {
  const home = scratchDir("kubectl-home-");
  return (args: string[], stdin?: string, timeoutMs = 30_000): Promise<KubectlResult> =>
    new Promise((resolve) => {
      const child = execFile(
        binary,
        args,
        {
          timeout: timeoutMs,
          env: { ...process.env, HOME: home, KUBECONFIG: kubeconfig, KUBECACHEDIR: path.join(home, "cache") },
        },
        (err: Error | null, stdout: string, stderr: string) => {
          const exit = (err as { code?: unknown } | null)?.code;
          const code = err ? (typeof exit === "number" ? exit : 1) : 0;
          resolve({ code, stdout, stderr });
        },
      );
      if (stdin !== undefined) child.stdin!.end(stdin);
    });
}
