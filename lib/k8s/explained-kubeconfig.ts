// A KubeConfig whose credential failures say what failed without saying more. client-node
// applies a context's credentials on every request (reading certificate and key files, running
// the exec plugin) and throws Node's own errors: "ENOENT: no such file or directory, open
// '/home/me/.kube/admin.key'", or the plugin's whole stderr. Here they become a
// LocalCredentialError with a fixed description (lib/k8s/local-failures.ts); the details are
// logged once (lib/k8s/failure-log.ts).

import { KubeConfig } from "@kubernetes/client-node";
import type { ChildProcess } from "node:child_process";
import { logFailureOnce } from "./failure-log";
import { LocalFailure, type PluginExit, execPluginProblem, fileProblem, isFileError, tlsMaterialProblem } from "./local-failures";
import { StatusError } from "@/lib/queries/status";

/** A context's credentials could not be used: nothing was sent to the cluster. */
export class LocalCredentialError extends LocalFailure {
  constructor(description: string) {
    super(description, `The console cannot use the credentials of this kubeconfig context: ${description}.`);
    this.name = "LocalCredentialError";
  }
}

type SpawnFn = (command: string, args?: readonly string[], options?: object) => ChildProcess;
/** client-node 1.4's ExecAuth, as far as it is used here: it spawns the plugin through `execFn`. */
interface ExecAuthInternals {
  execFn: SpawnFn;
  tokenCache: object;
}

const HTTP_WITHOUT_SKIP = "HTTP protocol is not allowed when skipTLSVerify is not set or false";
const UNSUPPORTED_PROXY = "Unsupported proxy type";

export class ExplainedKubeConfig extends KubeConfig {
  /** How the last exec plugin run ended: client-node rejects with its stderr alone, without the exit code. */
  private lastPluginExit: PluginExit | undefined;

  constructor() {
    super();
    const authenticators = (this as unknown as { authenticators: object[] }).authenticators;
    const exec = authenticators.find((a): a is ExecAuthInternals => "execFn" in a && "tokenCache" in a);
    if (exec) {
      const spawnPlugin = exec.execFn;
      exec.execFn = (command, args, options) => {
        const child = spawnPlugin(command, args, options);
        // Registered before client-node's own listener, which rejects right after this one runs.
        child.once("close", (code: number | null, signal: NodeJS.Signals | null) => (this.lastPluginExit = { code, signal }));
        return child;
      };
    }
  }

  override async applySecurityAuthentication(...args: Parameters<KubeConfig["applySecurityAuthentication"]>): Promise<void> {
    try {
      await super.applySecurityAuthentication(...args);
    } catch (err) {
      throw this.explain(err);
    }
  }

  override async applyToHTTPSOptions(...args: Parameters<KubeConfig["applyToHTTPSOptions"]>): Promise<void> {
    try {
      await super.applyToHTTPSOptions(...args);
    } catch (err) {
      throw this.explain(err);
    }
  }

  /** The files client-node reads for this context, in the order it reads them. */
  private credentialFiles(): Array<[label: string, file: string]> {
    const cluster = this.getCurrentCluster();
    const user = this.getCurrentUser();
    const tokenFile = (user?.authProvider as { config?: { tokenFile?: unknown } } | undefined)?.config?.tokenFile;
    const files: Array<[string, string | null | undefined]> = [
      ["certificate authority file", cluster?.caFile],
      ["client certificate file", user?.certFile],
      ["client key file", user?.keyFile],
      ["token file", typeof tokenFile === "string" ? tokenFile : undefined],
    ];
    return files.filter((f): f is [string, string] => Boolean(f[1]));
  }

  private describe(err: unknown): string {
    const user = this.getCurrentUser();
    const e = err as { message?: unknown; path?: unknown };
    if (isFileError(err)) {
      // EISDIR and friends name no path: find the file that does not read, as client-node would.
      const files = this.credentialFiles();
      const named = files.filter(([, file]) => file === e.path);
      for (const [label, file] of named.length ? named : files) {
        const problem = fileProblem(label, file);
        if (problem) return problem;
      }
      return "a credential file of the kubeconfig is not readable";
    }
    const tls = tlsMaterialProblem(err);
    if (tls) return tls;
    if (e.message === HTTP_WITHOUT_SKIP) return "the kubeconfig names an http:// server without insecure-skip-tls-verify";
    if (e.message === UNSUPPORTED_PROXY) return "the kubeconfig's proxy-url has a scheme client-node does not support";
    if (user?.exec) return execPluginProblem(err, this.lastPluginExit);
    const provider = (user?.authProvider as { name?: unknown } | undefined)?.name;
    if (typeof provider === "string" && /^[a-z0-9-]{1,20}$/.test(provider)) return `the kubeconfig's auth-provider "${provider}" failed`;
    return "the kubeconfig context's credentials cannot be used";
  }

  private explain(err: unknown): StatusError {
    if (err instanceof StatusError) return err;
    const description = this.describe(err);
    // A plugin's stdout is its credential: a parse error quoting it stays out of the log too.
    const detail = err instanceof SyntaxError ? "its output is not JSON" : err instanceof Error ? err.message : String(err);
    logFailureOnce("kubeconfig", `context ${JSON.stringify(this.getCurrentContext())}: ${description}`, detail);
    return new LocalCredentialError(description);
  }
}
