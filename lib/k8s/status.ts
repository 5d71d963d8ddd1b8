// Building Kubernetes `Status` objects: the one error shape the console's server speaks.

import type { KubeStatus } from "@/lib/queries/api-types";

const REASON_BY_CODE: Record<number, string> = {
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  405: "MethodNotAllowed",
  409: "Conflict",
  410: "Expired",
  415: "UnsupportedMediaType",
  422: "Invalid",
  429: "TooManyRequests",
  500: "InternalError",
  502: "BadGateway",
  503: "ServiceUnavailable",
  504: "Timeout",
};

export function kubeStatus(code: number, message: string, reason?: string, details?: KubeStatus["details"]): KubeStatus {
  return {
    kind: "Status",
    apiVersion: "v1",
    status: "Failure",
    code,
    reason: reason ?? REASON_BY_CODE[code] ?? (code >= 500 ? "InternalError" : "BadRequest"),
    message,
    ...(details ? { details } : {}),
  };
}

/** An error that already knows the Status it should answer with. */
export class StatusError extends Error {
  constructor(readonly status: KubeStatus) {
    super(status.message);
    this.name = "StatusError";
  }
}

export function isKubeStatus(value: unknown): value is KubeStatus {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<KubeStatus>;
  return v.kind === "Status" && typeof v.code === "number";
}
