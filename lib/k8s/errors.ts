// Every failure on the way to a cluster becomes one Kubernetes `Status`, so a route handler, a
// server page and the browser all see the same {code, reason, message}. The cluster's own Status
// passes through (its messages are already precise); a failure on the console's side gets a
// fixed description (lib/k8s/local-failures.ts). Nothing else of an error's own text leaves the
// server: Node's and client-node's messages carry file paths, a plugin's stderr, request
// headers. Those are logged once instead (lib/k8s/failure-log.ts).

import { currentSession } from "@/lib/auth/request-session";
import type { KubeStatus } from "@/lib/queries/status";
import { LocalCredentialError } from "./explained-kubeconfig";
import { logFailureOnce } from "./failure-log";
import { LocalFailure, tlsMaterialProblem } from "./local-failures";
import { redactSecrets } from "./redact";
import { StatusError, isKubeStatus, kubeStatus } from "@/lib/queries/status";

interface ApiExceptionLike {
  code: number;
  body: unknown;
}

interface SystemErrorLike {
  code?: string;
  errno?: string;
  type?: string;
  message?: string;
  name?: string;
  cause?: unknown;
}

const UNREACHABLE_CODES: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ETIMEDOUT: "connection timed out",
  EPIPE: "connection closed",
  EPROTO: "TLS: protocol error",
  DEPTH_ZERO_SELF_SIGNED_CERT: "TLS: self-signed certificate",
  SELF_SIGNED_CERT_IN_CHAIN: "TLS: self-signed certificate in chain",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "TLS: certificate not trusted",
  UNABLE_TO_GET_ISSUER_CERT: "TLS: certificate not trusted (unknown issuer)",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "TLS: certificate not trusted (unknown issuer)",
  CERT_HAS_EXPIRED: "TLS: certificate expired",
  CERT_NOT_YET_VALID: "TLS: certificate not yet valid",
  ERR_TLS_CERT_ALTNAME_INVALID: "TLS: certificate does not match the host",
  ERR_SSL_WRONG_VERSION_NUMBER: "TLS: the server does not speak TLS on this port",
  ERR_SSL_TLSV1_ALERT_UNKNOWN_CA: "TLS: the server does not trust the client certificate",
  ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE: "TLS: the server refused the client certificate",
  ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED: "TLS: the server requires a client certificate",
};

function isApiException(err: unknown): err is ApiExceptionLike {
  return typeof err === "object" && err !== null && typeof (err as ApiExceptionLike).code === "number" && "body" in err;
}

function parseBody(body: unknown): unknown {
  if (typeof body !== "string") return body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

function systemCode(err: SystemErrorLike): string | undefined {
  if (typeof err.code === "string") return err.code;
  if (typeof err.errno === "string") return err.errno;
  const cause = err.cause as SystemErrorLike | undefined;
  return cause && typeof cause === "object" ? systemCode(cause) : undefined;
}

function hostOf(message: string): string | undefined {
  return /(?:connect|getaddrinfo) \w+ ([^\s,]+)/.exec(message)?.[1];
}

/** Why a cluster cannot be reached, in a few words ("connection refused (127.0.0.1:6443)"), or undefined if `err` is not a transport failure. */
export function unreachableReason(err: unknown): string | undefined {
  if (typeof err !== "object" || err === null) return undefined;
  const e = err as SystemErrorLike;
  if (e.name === "AbortError" || e.name === "TimeoutError" || e.type === "aborted" || e.type === "request-timeout") {
    return "no answer in time";
  }
  const code = systemCode(e);
  if (!code) return undefined;
  const known = UNREACHABLE_CODES[code];
  if (!known) return e.type === "system" && /^[A-Z0-9_]+$/.test(code) ? code : undefined;
  const host = hostOf(e.message ?? "");
  return host ? `${known} (${host})` : known;
}

function fromApiException(err: ApiExceptionLike): KubeStatus {
  const body = parseBody(err.body);
  if (isKubeStatus(body)) {
    return kubeStatus(body.code || err.code, redactSecrets(body.message ?? ""), body.reason, body.details);
  }
  // A signed-in user acts with their own token; otherwise the console acts with a kubeconfig context's.
  const signedIn = currentSession() !== null;
  switch (err.code) {
    case 401:
      return kubeStatus(401, signedIn ? "The cluster rejected your sign-in token (401 Unauthorized)." : "The cluster rejected the credentials of this kubeconfig context (401 Unauthorized).");
    case 403:
      return kubeStatus(403, signedIn ? "Your account is not allowed to do this (403 Forbidden)." : "The account of this kubeconfig context is not allowed to do this (403 Forbidden).");
    case 404:
      return kubeStatus(404, "The cluster does not serve this resource (404). Is Knative Serving installed?");
    default: {
      // Not a Kubernetes answer (a proxy's error page, say): its body stays in the log.
      const code = err.code >= 400 ? err.code : 502;
      if (typeof body === "string" && body.trim()) logFailureOnce("cluster", `HTTP ${err.code} without a Status`, body.slice(0, 500));
      return kubeStatus(code, `The cluster answered with HTTP ${err.code}, without a Kubernetes Status.`);
    }
  }
}

// Errors are recognized by their shape, not `instanceof`: Next bundles each route and page with
// its own copy of these classes, and a cluster (its KubeConfig included) made by one bundle is
// kept on globalThis and used by the others (lib/k8s/cluster-registry.ts).

/** The Status a StatusError (of any bundle) carries. */
function carriedStatus(err: unknown): KubeStatus | undefined {
  if (err instanceof StatusError) return err.status;
  const status = typeof err === "object" && err !== null ? (err as { status?: unknown }).status : undefined;
  return err instanceof Error && isKubeStatus(status) ? status : undefined;
}

/** The few words of a LocalFailure (of any bundle). */
function localDescription(err: unknown): string | undefined {
  if (err instanceof LocalFailure) return err.description;
  const description = carriedStatus(err) ? (err as { description?: unknown }).description : undefined;
  return typeof description === "string" ? description : undefined;
}

/** Turns anything thrown while talking to a cluster into a Kubernetes Status. */
export function toKubeStatus(err: unknown): KubeStatus {
  const carried = carriedStatus(err);
  if (carried) return carried;
  if (isApiException(err)) return fromApiException(err);
  const reason = unreachableReason(err);
  if (reason === "no answer in time") return kubeStatus(504, "The cluster did not answer in time.", "Timeout");
  if (reason) return kubeStatus(503, `The cluster is not reachable: ${reason}.`, "ServiceUnavailable");
  const tls = tlsMaterialProblem(err);
  if (tls) return new LocalCredentialError(tls).status;
  logFailureOnce("cluster", "unexpected error", err instanceof Error ? (err.stack ?? err.message) : String(err));
  return kubeStatus(500, "The console could not talk to the cluster: an unexpected error (the console's log has the details).", "InternalError");
}

/** Why talking to a cluster failed, in a few words: for the health banner and the Clusters page. */
export function failureReason(err: unknown): string {
  const local = localDescription(err);
  if (local) return local;
  const tls = tlsMaterialProblem(err);
  if (tls) return tls;
  return unreachableReason(err) ?? toKubeStatus(err).message;
}
