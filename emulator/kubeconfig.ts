// The kubeconfig the embedded cluster writes, usable as it is by kubectl and client-node: the
// API server's self-signed certificate pinned as the cluster's certificate-authority-data, and
// the bearer token as the user (emulator/credentials). It carries a credential, so it is
// written owner-only, as the token is.

import path from "node:path";
import YAML from "yaml";
import { writeOwnerOnlyFile } from "./credentials/owner-only-file";

export const CONTEXT_NAME = "knative-local";

export interface KubeconfigCredentials {
  token: string;
  /** PEM of the certificate the server presents (emulator/credentials/serving-cert.ts). */
  caCert: string;
}

export function kubeconfigYaml(server: string, creds: KubeconfigCredentials): string {
  return YAML.stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: CONTEXT_NAME, cluster: { server, "certificate-authority-data": Buffer.from(creds.caCert).toString("base64") } }],
    users: [{ name: CONTEXT_NAME, user: { token: creds.token } }],
    contexts: [{ name: CONTEXT_NAME, context: { cluster: CONTEXT_NAME, user: CONTEXT_NAME, namespace: "default" } }],
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
