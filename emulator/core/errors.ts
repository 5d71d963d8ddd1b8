// Kubernetes API errors as `Status` objects (k8s.io/apimachinery/pkg/api/errors).
// Every failure the embedded cluster returns travels as one of these.

import { webhookDenialMessage } from "../../lib/knative/webhooks";

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

export interface KubeStatus {
  kind: "Status";
  apiVersion: "v1";
  metadata: Record<string, never>;
  status: "Failure" | "Success";
  code: number;
  reason?: string;
  message: string;
  details?: StatusDetails;
}

/** Identifies a resource in messages: `services.serving.knative.dev`, or `pods` for core. */
export interface ResourceRef {
  group: string;
  resource: string;
}

const qualified = (r: ResourceRef) => (r.group ? `${r.resource}.${r.group}` : r.resource);

export class ApiError extends Error {
  readonly status: KubeStatus;
  constructor(code: number, reason: string | undefined, message: string, details?: StatusDetails) {
    super(message);
    // In metav1.Status's field order, so the JSON is kube-apiserver's byte for byte.
    this.status = {
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message,
      ...(reason ? { reason } : {}),
      ...(details ? { details } : {}),
      code,
    };
  }
  get code(): number {
    return this.status.code;
  }

  static notFound(r: ResourceRef, name: string): ApiError {
    return new ApiError(404, "NotFound", `${qualified(r)} "${name}" not found`, { name, group: r.group, kind: r.resource });
  }
  static alreadyExists(r: ResourceRef, name: string): ApiError {
    return new ApiError(409, "AlreadyExists", `${qualified(r)} "${name}" already exists`, { name, group: r.group, kind: r.resource });
  }
  static conflict(r: ResourceRef, name: string): ApiError {
    return new ApiError(
      409,
      "Conflict",
      `Operation cannot be fulfilled on ${qualified(r)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
      { name, group: r.group, kind: r.resource },
    );
  }
  /** 422 Invalid: `kind` is the Kind (`Service`), as the apiserver reports it. */
  static invalid(group: string, kind: string, name: string, causes: StatusCause[]): ApiError {
    const gk = group ? `${kind}.${group}` : kind;
    const text = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message)).join(", ");
    const message = causes.length === 0 ? `${gk} "${name}" is invalid` : `${gk} "${name}" is invalid: ${causes.length > 1 ? `[${text}]` : text}`;
    return new ApiError(422, "Invalid", message, { name, group, kind, causes });
  }
  /** 401: no valid credential; kube-apiserver's words (apierrors.NewUnauthorized("Unauthorized")). */
  static unauthorized(): ApiError {
    return new ApiError(401, "Unauthorized", "Unauthorized");
  }
  static badRequest(message: string): ApiError {
    return new ApiError(400, "BadRequest", message);
  }
  static methodNotAllowed(message: string): ApiError {
    return new ApiError(405, "MethodNotAllowed", message);
  }
  static unsupportedMediaType(message: string): ApiError {
    return new ApiError(415, "UnsupportedMediaType", message);
  }
  static notAcceptable(message: string): ApiError {
    return new ApiError(406, "NotAcceptable", message);
  }
  static expired(message: string): ApiError {
    return new ApiError(410, "Expired", message);
  }
  static internal(message: string): ApiError {
    return new ApiError(500, "InternalError", message);
  }
  static serviceUnavailable(message: string): ApiError {
    return new ApiError(503, "ServiceUnavailable", message);
  }
}

/** The webhook denial as kube-apiserver wraps it (k8s.io/apiserver pkg/admission/plugin/webhook/errors/statuserror.go ToStatusErr). */
export function webhookDenied(webhook: string, message: string): ApiError {
  return ApiError.badRequest(webhookDenialMessage(webhook, message));
}
