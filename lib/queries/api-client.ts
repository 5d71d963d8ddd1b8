// The browser's only way to the cluster: the console's own /api routes. A failure arrives as a
// Kubernetes Status and is thrown as an ApiError carrying it, so pages can say what went wrong.

import type { KubeStatus } from "./api-types";

export class ApiError extends Error {
  constructor(readonly status: KubeStatus) {
    super(status.message);
    this.name = "ApiError";
  }

  get code(): number {
    return this.status.code;
  }
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.code === 404;
}

function fallbackStatus(code: number, message: string): KubeStatus {
  return { kind: "Status", apiVersion: "v1", status: "Failure", code, reason: code >= 500 ? "InternalError" : "BadRequest", message };
}

export async function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: "application/json" }, signal, cache: "no-store" });
  } catch (err) {
    if ((err as Error).name === "AbortError") throw err;
    throw new ApiError(fallbackStatus(0, "The console server is not reachable. Is it still running?"));
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const status = body as Partial<KubeStatus> | undefined;
    throw new ApiError(
      status?.kind === "Status" && typeof status.message === "string"
        ? (status as KubeStatus)
        : fallbackStatus(response.status, `The console server answered HTTP ${response.status}.`),
    );
  }
  return body as T;
}

/** Path segments are user data: always encode them. */
export function apiPath(...segments: string[]): string {
  return "/api/" + segments.map(encodeURIComponent).join("/");
}
