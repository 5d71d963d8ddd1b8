// The kubeconfig the embedded cluster writes, usable as it is by kubectl and client-node: the
// API server's self-signed certificate pinned as the cluster's certificate-authority-data, and
// the admin's bearer token as the user of the current context, knative-local (emulator/credentials);
// each seeded identity is a context of its own (knative-local-viewer, knative-local-developer).
// It carries credentials, so it is written owner-only, as the tokens are.

import path from "node:path";
import YAML from "yaml";
import { writeOwnerOnlyFile } from "./credentials/owner-only-file";

export const CONTEXT_NAME = "knative-local";

export interface KubeconfigCredentials {
  /** The admin's token: the current context, knative-local. */
  token: string;
  /** PEM of the certificate the server presents (emulator/credentials/serving-cert.ts). */
  caCert: string;
  /** Further contexts on the same cluster, each with its own user and token (emulator/rbac/identities.ts). */
  identities?: ReadonlyArray<{ context: string; token: string }>;
}

export function kubeconfigYaml(server: string, creds: KubeconfigCredentials): string {
  const contexts = [{ context: CONTEXT_NAME, token: creds.token }, ...(creds.identities ?? [])];
  return YAML.stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: CONTEXT_NAME, cluster: { server, "certificate-authority-data": Buffer.from(creds.caCert).toString("base64") } }],
    users: contexts.map((c) => ({ name: c.context, user: { token: c.token } })),
    contexts: contexts.map((c) => ({ name: c.context, context: { cluster: CONTEXT_NAME, user: c.context, namespace: "default" } })),
    "current-context": CONTEXT_NAME,
    preferences: {},
  });
}

/** Written atomically, so a reader never sees half a file. */
export function writeKubeconfig(dataDir: string, server: string, creds: KubeconfigCredentials): string {
  const file = path.join(dataDir, "kubeconfig");
  writeOwnerOnlyFile(file, kubeconfigYaml(server, creds));
  return file;
}
