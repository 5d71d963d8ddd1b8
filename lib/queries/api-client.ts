// The browser's only way to the cluster: the console's own /api routes. A failure arrives as a
// Kubernetes Status and is thrown as a StatusError carrying it (lib/queries/status.ts), so pages
// and dialogs can say what went wrong: which field, or that the object changed meanwhile.

import { isKubeStatus, kubeStatus, StatusError } from "./status";

const UNREACHABLE = "The console server is not reachable. Is it still running?";

async function respond(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, { ...init, cache: "no-store" });
  } catch (err) {
    if ((err as Error).name === "AbortError") throw err;
    throw new StatusError(kubeStatus(0, UNREACHABLE, "ServiceUnavailable"));
  }
}

function failure(response: Response, body: unknown): StatusError {
  return new StatusError(isKubeStatus(body) && typeof body.message === "string" ? body : kubeStatus(response.status, `The console server answered HTTP ${response.status}.`));
}

async function call<T>(path: string, init: RequestInit): Promise<T> {
  const response = await respond(path, init);
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw failure(response, body);
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

/**
 * A POST whose answer streams (NDJSON): the Response, to be read as it comes, once the server
 * has accepted the request; a refusal is thrown as a StatusError, as `apiSend` throws it.
 */
export async function apiPostStream(path: string, body: unknown, signal: AbortSignal): Promise<Response> {
  const response = await respond(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body), signal });
  if (!response.ok) throw failure(response, await response.json().catch(() => undefined));
  return response;
}

/** Path segments are user data: always encode them. */
export function apiPath(...segments: string[]): string {
  return "/api/" + segments.map(encodeURIComponent).join("/");
}
