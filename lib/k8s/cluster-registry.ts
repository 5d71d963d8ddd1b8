// The clusters the console serves, re-read whenever a kubeconfig file changes (the embedded
// cluster rewrites its kubeconfig on every start, possibly with a new port), and cached otherwise
// so a request costs a few stat() calls, not a YAML parse.

import fs from "node:fs";
import type { ClusterRef } from "./cluster-ref";
import { type SourceEnv, discoverClusters, embeddedKubeconfigPath, kubeconfigPaths } from "./cluster-sources";
import { kubeStatus, StatusError } from "@/lib/queries/status";

interface Cache {
  signature: string;
  clusters: ClusterRef[];
}

const globalCache = globalThis as unknown as { __knativeConsoleClusters?: Cache };

function fileStamp(file: string): string {
  try {
    const st = fs.statSync(/*turbopackIgnore: true*/ file);
    return `${file}:${st.mtimeMs}:${st.size}`;
  } catch {
    return `${file}:missing`;
  }
}

/** Changes whenever anything that decides the cluster list changes. */
export function sourcesSignature(env: SourceEnv): string {
  const files = [...kubeconfigPaths(env)];
  const embedded = embeddedKubeconfigPath(env);
  if (embedded) files.push(embedded);
  return [env.KUBERNETES_SERVICE_HOST ?? "", env.KUBERNETES_SERVICE_PORT ?? "", ...files.map(fileStamp)].join("|");
}

export function listClusters(env: SourceEnv = process.env as SourceEnv): ClusterRef[] {
  const signature = sourcesSignature(env);
  const cached = globalCache.__knativeConsoleClusters;
  if (cached && cached.signature === signature) return cached.clusters;
  const clusters = discoverClusters(env);
  globalCache.__knativeConsoleClusters = { signature, clusters };
  return clusters;
}

/** The cluster with this id, or a 404 Status. */
export function getCluster(id: string): ClusterRef {
  const cluster = listClusters().find((c) => c.id === id);
  if (!cluster) throw new StatusError(kubeStatus(404, `There is no cluster "${id}" in this console's kubeconfig.`, "NotFound"));
  return cluster;
}
