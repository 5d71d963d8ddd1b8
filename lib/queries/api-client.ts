// The browser's only way to the cluster: the console's own /api routes. A failure arrives as a
// Kubernetes Status and is thrown as a StatusError carrying it (lib/queries/status.ts), so pages
// and dialogs can say what went wrong: which field, or that the object changed meanwhile.

import { isKubeStatus, kubeStatus, StatusError } from "./status";

const UNREACHABLE = "The console server is not reachable. Is it still running?";

async function call<T>(path: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, cache: "no-store" });
  } catch (err) {
    if ((err as Error).name === "AbortError") throw err;
    throw new StatusError(kubeStatus(0, UNREACHABLE, "ServiceUnavailable"));
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    throw new StatusError(isKubeStatus(body) && typeof body.message === "string" ? body : kubeStatus(response.status, `The console server answered HTTP ${response.status}.`));
  }
  return body as T;
}

export function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  return call<T>(path, { headers: { Accept: "application/json" }, signal });
}

/** A write: JSON in, JSON out; same-origin, so the console's cross-site check lets it through. */
export function apiSend<T>(method: "POST" | "PUT" | "PATCH" | "DELETE", path: string, body?: unknown): Promise<T> {
  return call<T>(path, {
    method,
    headers: { Accept: "application/json", ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Path segments are user data: always encode them. */
export function apiPath(...segments: string[]): string {
  return "/api/" + segments.map(encodeURIComponent).join("/");
}
