// The kubeconfig the embedded cluster writes, usable as it is by kubectl and client-node.
// client-node refuses a plain-http server unless the cluster says insecure-skip-tls-verify.

import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";

export const CONTEXT_NAME = "knative-local";

export function kubeconfigYaml(server: string): string {
  return YAML.stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: CONTEXT_NAME, cluster: { server, "insecure-skip-tls-verify": true } }],
    users: [{ name: CONTEXT_NAME, user: {} }],
    contexts: [{ name: CONTEXT_NAME, context: { cluster: CONTEXT_NAME, user: CONTEXT_NAME, namespace: "default" } }],
    "current-context": CONTEXT_NAME,
    preferences: {},
  });
}

/** Written atomically, so a reader never sees half a file. */
export function writeKubeconfig(dataDir: string, server: string): string {
  const file = path.join(dataDir, "kubeconfig");
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, kubeconfigYaml(server), { mode: 0o600 });
  fs.renameSync(tmp, file);
  return file;
}
