// The shape every /api route shares: resolve and check the path parameters,
// call the gateway, answer JSON; any failure answers as a Kubernetes Status with its own code.
// No per-route try/catch, no caching of cluster data.

import { isDNS1123Label, isDNS1123Subdomain } from "@/lib/knative/k8s-validation";
import { toKubeStatus } from "./errors";
import { logFailureOnce } from "./failure-log";
import { kubeStatus, StatusError } from "@/lib/queries/status";

export const NO_STORE = { "Cache-Control": "no-store" } as const;

export function statusResponse(err: unknown): Response {
  const status = toKubeStatus(err);
  if (status.code >= 500 && status.code !== 503 && status.code !== 504) logFailureOnce("api", `${status.code} ${status.reason}`, status.message);
  return Response.json(status, { status: status.code, headers: NO_STORE });
}

export function jsonRoute<P>(handler: (request: Request, params: P) => Promise<unknown>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const data = await handler(request, await context.params);
      return Response.json(data, { headers: NO_STORE });
    } catch (err) {
      return statusResponse(err);
    }
  };
}

// DNS-1123 label (namespaces) and subdomain (object names), as the API server checks them. A
// bad value is answered here with 400 rather than becoming a confusing URL on the cluster.
export function namespaceParam(value: string | null | undefined): string {
  if (!value || isDNS1123Label(value).length > 0) {
    throw new StatusError(kubeStatus(400, `"${value ?? ""}" is not a valid namespace name.`, "BadRequest"));
  }
  return value;
}

export function nameParam(value: string | null | undefined): string {
  if (!value || isDNS1123Subdomain(value).length > 0) {
    throw new StatusError(kubeStatus(400, `"${value ?? ""}" is not a valid object name.`, "BadRequest"));
  }
  return value;
}

/** `?namespace=` of a list route: a namespace, or null for all namespaces (absent or "*"). */
export function optionalNamespaceParam(value: string | null): string | null {
  return value === null || value === "" || value === "*" ? null : namespaceParam(value);
}
