// Every failure on the way to a cluster becomes one Kubernetes `Status`, so a route handler, a
// server page and the browser all see the same {code, reason, message}. The cluster's own Status
// passes through untouched (its messages are already precise); transport failures get a message
// a person can act on. Nothing here echoes request headers, which can carry credentials.

import type { KubeStatus } from "@/lib/queries/status";
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
  DEPTH_ZERO_SELF_SIGNED_CERT: "TLS: self-signed certificate",
  SELF_SIGNED_CERT_IN_CHAIN: "TLS: self-signed certificate in chain",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "TLS: certificate not trusted",
  CERT_HAS_EXPIRED: "TLS: certificate expired",
  ERR_TLS_CERT_ALTNAME_INVALID: "TLS: certificate does not match the host",
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
  if (!known) return e.type === "system" ? redactSecrets(code) : undefined;
  const host = hostOf(e.message ?? "");
  return host ? `${known} (${host})` : known;
}

function fromApiException(err: ApiExceptionLike): KubeStatus {
  const body = parseBody(err.body);
  if (isKubeStatus(body)) {
    return kubeStatus(body.code || err.code, redactSecrets(body.message ?? ""), body.reason, body.details);
  }
  switch (err.code) {
    case 401:
      return kubeStatus(401, "The cluster rejected the credentials of this kubeconfig context (401 Unauthorized).");
    case 403:
      return kubeStatus(403, "The account of this kubeconfig context is not allowed to do this (403 Forbidden).");
    case 404:
      return kubeStatus(404, "The cluster does not serve this resource (404). Is Knative Serving installed?");
    default: {
      const text = typeof body === "string" ? body.trim().slice(0, 200) : "";
      return kubeStatus(err.code >= 400 ? err.code : 502, redactSecrets(text || `The cluster answered with HTTP ${err.code}.`));
    }
  }
}

/** Turns anything thrown while talking to a cluster into a Kubernetes Status. */
export function toKubeStatus(err: unknown): KubeStatus {
  if (err instanceof StatusError) return err.status;
  if (isApiException(err)) return fromApiException(err);
  const reason = unreachableReason(err);
  if (reason === "no answer in time") return kubeStatus(504, "The cluster did not answer in time.", "Timeout");
  if (reason) return kubeStatus(503, `The cluster is not reachable: ${reason}.`, "ServiceUnavailable");
  const message = err instanceof Error ? err.message : String(err);
  return kubeStatus(500, redactSecrets(`The console could not talk to the cluster: ${message}`), "InternalError");
}
