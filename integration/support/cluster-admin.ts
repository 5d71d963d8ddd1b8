// What integration tests do to the embedded cluster as its admin before a console meets it:
// create objects, ask a service account's token, and lay out a pod's service account mount.

import fs from "node:fs";
import path from "node:path";
import { type ApiEndpoint, apiFetch } from "@/emulator/testing/api-endpoint";

export async function adminCall(admin: ApiEndpoint, method: string, target: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await apiFetch(admin, target, { method, headers: { "Content-Type": "application/json" }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export async function create(admin: ApiEndpoint, collection: string, object: unknown): Promise<void> {
  const { status, body } = await adminCall(admin, "POST", collection, object);
  if (status !== 201 && status !== 200) throw new Error(`creating in ${collection}: ${status} ${JSON.stringify(body)}`);
}

/** A token of `serviceAccount`, from the TokenRequest API. */
export async function tokenFor(admin: ApiEndpoint, namespace: string, serviceAccount: string): Promise<string> {
  const { status, body } = await adminCall(admin, "POST", `/api/v1/namespaces/${namespace}/serviceaccounts/${serviceAccount}/token`, {
    apiVersion: "authentication.k8s.io/v1",
    kind: "TokenRequest",
    spec: { expirationSeconds: 3600 },
  });
  if (status !== 201) throw new Error(`TokenRequest: ${status} ${JSON.stringify(body)}`);
  return (body.status as { token: string }).token;
}

/** Writes the files a pod's service account mount has, under `root`. */
export function mountServiceAccount(root: string, token: string, namespace: string, caCert: string): void {
  const dir = path.join(root, "var/run/secrets/kubernetes.io/serviceaccount");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "token"), token);
  fs.writeFileSync(path.join(dir, "ca.crt"), caCert);
  fs.writeFileSync(path.join(dir, "namespace"), namespace);
}
