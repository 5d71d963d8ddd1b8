// What went wrong on the console's side of a kubeconfig, as a fixed description a browser may
// see: "the kubeconfig's exec credential plugin failed (exit 1)", "client certificate file not
// readable (not found)", "kubeconfig is not valid YAML at line 3". Never the text Node or
// client-node put in their errors, which carries file paths, a plugin's stderr, or (for YAML)
// the lines around the mistake, a token included. Those details go to the server's log.

import fs from "node:fs";
import { kubeStatus, StatusError } from "@/lib/queries/status";

/** A failure on the console's side: a 503 whose `description` is the few words the health banner and the Clusters page show. */
export class LocalFailure extends StatusError {
  constructor(
    readonly description: string,
    message: string,
  ) {
    super(kubeStatus(503, message, "ServiceUnavailable"));
    this.name = "LocalFailure";
  }
}

interface ErrnoLike {
  code?: unknown;
  syscall?: unknown;
  name?: unknown;
  message?: unknown;
  mark?: { line?: unknown };
}

const asErrno = (err: unknown): ErrnoLike => (typeof err === "object" && err !== null ? (err as ErrnoLike) : {});

/** Why a file could not be read, in a few words, from its errno code. */
export function unreadableBecause(code: unknown): string {
  switch (code) {
    case "ENOENT":
      return "not found";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory";
    case "ENOTDIR":
      return "a parent is not a directory";
    case "ELOOP":
      return "a symbolic link loop";
    default:
      return typeof code === "string" && /^E[A-Z]+$/.test(code) ? code : "cannot be read";
  }
}

/** Whether `err` is Node failing on a file (open, read, stat…), as opposed to anything else. */
export function isFileError(err: unknown): boolean {
  const { code, syscall } = asErrno(err);
  return typeof code === "string" && typeof syscall === "string" && !syscall.startsWith("spawn") && /^E[A-Z]+$/.test(code);
}

/** "client certificate file not readable (not found)", or null when `file` reads as a regular file. */
export function fileProblem(label: string, file: string): string | null {
  let fd: number | undefined;
  try {
    fd = fs.openSync(/*turbopackIgnore: true*/ file, "r");
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) return `${label} not readable (is a directory)`;
    return stat.isFile() ? null : `${label} not readable (not a regular file)`;
  } catch (err) {
    return `${label} not readable (${unreadableBecause(asErrno(err).code)})`;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Why a kubeconfig file could not be loaded. */
export function kubeconfigProblem(err: unknown): string {
  const e = asErrno(err);
  // js-yaml's YAMLException: its message quotes the lines around the mistake; its mark is 0-based.
  if (e.name === "YAMLException" && typeof e.mark?.line === "number") return `kubeconfig is not valid YAML at line ${e.mark.line + 1}`;
  if (e.name === "YAMLException") return "kubeconfig is not valid YAML";
  if (isFileError(err)) return `kubeconfig file not readable (${unreadableBecause(e.code)})`;
  // client-node reads `.clusters` of whatever the YAML was: nothing, or a scalar.
  if (err instanceof TypeError) return "kubeconfig is empty or not a mapping";
  return "kubeconfig cannot be loaded";
}

export interface PluginExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Why the kubeconfig's exec credential plugin gave no credential. */
export function execPluginProblem(err: unknown, exit: PluginExit | undefined): string {
  const e = asErrno(err);
  const plugin = "the kubeconfig's exec credential plugin";
  if (typeof e.syscall === "string" && e.syscall.startsWith("spawn")) {
    return `${plugin} could not be started (${e.code === "ENOENT" ? "command not found" : unreadableBecause(e.code)})`;
  }
  if (err instanceof SyntaxError) return `${plugin} printed no valid ExecCredential`;
  if (e.message === "No command was specified for exec authProvider!") return `${plugin} has no command`;
  if (exit?.signal) return `${plugin} failed (killed by ${exit.signal})`;
  if (exit && exit.code !== null && exit.code !== 0) return `${plugin} failed (exit ${exit.code})`;
  return `${plugin} failed`;
}

// OpenSSL's codes for certificates and keys it cannot use (Node's ERR_OSSL_*).
const TLS_MATERIAL: Record<string, string> = {
  ERR_OSSL_PEM_NO_START_LINE: "a certificate or key of the kubeconfig is not PEM",
  ERR_OSSL_PEM_BAD_BASE64_DECODE: "a certificate or key of the kubeconfig is not PEM",
  ERR_OSSL_PEM_BAD_END_LINE: "a certificate or key of the kubeconfig is not PEM",
  ERR_OSSL_X509_KEY_VALUES_MISMATCH: "the client certificate does not match the client key",
  ERR_OSSL_BAD_DECRYPT: "the client key is encrypted",
  ERR_OSSL_EVP_BAD_DECRYPT: "the client key is encrypted",
  ERR_OSSL_UNSUPPORTED: "a certificate or key of the kubeconfig is in a format TLS cannot use",
};

/** Why TLS could not use the kubeconfig's certificates or keys, or undefined if `err` is not that. */
export function tlsMaterialProblem(err: unknown): string | undefined {
  const { code } = asErrno(err);
  if (typeof code !== "string" || !code.startsWith("ERR_OSSL_")) return undefined;
  return TLS_MATERIAL[code] ?? `TLS cannot use a certificate or key of the kubeconfig (${code})`;
}
