// The one error contract of the console, on both sides of its HTTP boundary: a Kubernetes
// `Status` (metav1.Status). The server answers every failure as one (the cluster's own passes
// through), the browser throws it as a StatusError, and dialogs read its code and field causes:
// 409 "changed since you opened it", 422 with the field each problem names.

/** A Kubernetes `Status`: how every error leaves the console's server. */
export interface KubeStatus {
  kind: "Status";
  apiVersion: "v1";
  status: "Failure";
  code: number;
  reason: string;
  message: string;
  details?: StatusDetails;
}

export interface StatusCause {
  /** The field path the problem is about, as the API server names it (`spec.traffic[1].percent`). */
  field?: string;
  message?: string;
  reason?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: StatusCause[];
}

const REASON_BY_CODE: Record<number, string> = {
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  405: "MethodNotAllowed",
  409: "Conflict",
  410: "Expired",
  413: "RequestEntityTooLarge",
  415: "UnsupportedMediaType",
  422: "Invalid",
  429: "TooManyRequests",
  500: "InternalError",
  502: "BadGateway",
  503: "ServiceUnavailable",
  504: "Timeout",
};

export function kubeStatus(code: number, message: string, reason?: string, details?: StatusDetails): KubeStatus {
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

export function isKubeStatus(value: unknown): value is KubeStatus {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<KubeStatus>;
  return v.kind === "Status" && typeof v.code === "number";
}

/** An error that carries the Status it stands for: thrown by route code to answer, and by the browser's API client. */
export class StatusError extends Error {
  constructor(readonly status: KubeStatus) {
    super(status.message);
    this.name = "StatusError";
  }

  get code(): number {
    return this.status.code;
  }

  /** The field causes (422 Invalid), empty otherwise. */
  get causes(): StatusCause[] {
    return this.status.details?.causes ?? [];
  }
}

const statusOf = (error: unknown) => (error instanceof StatusError ? error.status : undefined);

export const isNotFound = (error: unknown) => statusOf(error)?.code === 404;
/** The object changed since it was read: a write carried an old resourceVersion. */
export const isConflict = (error: unknown) => statusOf(error)?.code === 409 && statusOf(error)?.reason !== "AlreadyExists";
export const isAlreadyExists = (error: unknown) => statusOf(error)?.reason === "AlreadyExists";
/** The request was refused for what it asked: 400 (the webhook's denials) and 422 (field errors). */
export const isInvalid = (error: unknown) => [400, 422].includes(statusOf(error)?.code ?? 0);
