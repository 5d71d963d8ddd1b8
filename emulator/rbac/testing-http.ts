// Requests of the RBAC integration tests: JSON in and out, with one identity's token, and the 403
// kube-apiserver sends, whole.

import { apiFetch, type ApiEndpoint } from "../testing/api-endpoint";

export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

export async function call(api: ApiEndpoint, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const contentType: Record<string, string> = body === undefined ? {} : { "Content-Type": "application/json" };
  const res = await apiFetch(api, path, { method, headers: { ...contentType, ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

export function forbiddenStatus(message: string, details: Record<string, string>) {
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason: "Forbidden", details, code: 403 };
}
