// The clusters the console serves, re-read whenever a kubeconfig file changes (the embedded
// cluster rewrites its kubeconfig on every start, possibly with a new port), and cached otherwise
// so a request costs a few stat() calls, not a YAML parse.

import fs from "node:fs";
import type { ClusterRef } from "./cluster-ref";
import { type SourceEnv, discoverClusters, embeddedKubeconfigPath, kubeconfigPaths } from "./cluster-sources";
import { kubeStatus, StatusError } from "@/lib/queries/status";
import { currentProxiedUser, currentSession } from "@/lib/auth/request-session";
import { proxyClusterRef } from "@/lib/auth/proxy-cluster";
import { type TokenCluster, type TokenModeEnv, IN_CLUSTER_ROOT_ENV, TOKEN_CONTEXT_ENV, tokenCluster, tokenClusterRef } from "@/lib/auth/token-cluster";
import { AUTH_MODE_ENV } from "./auth-mode";

interface Cache {
  signature: string;
  clusters: ClusterRef[];
}

const globalCache = globalThis as unknown as { __knativeConsoleClusters?: Cache; __knativeConsoleTokenCluster?: { signature: string; cluster: TokenCluster | null } };

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

/** Whether the console runs with --auth token (scripts/console-server.ts sets the variable for the whole process). */
export function tokenMode(env: Record<string, string | undefined> = process.env): boolean {
  return env[AUTH_MODE_ENV] === "token";
}

/** Whether the console runs with --auth proxy. */
export function proxyMode(env: Record<string, string | undefined> = process.env): boolean {
  return env[AUTH_MODE_ENV] === "proxy";
}

/** Whether the console serves one cluster as each user (token and proxy modes), not the kubeconfig's clusters. */
export function singleClusterMode(env: Record<string, string | undefined> = process.env): boolean {
  return tokenMode(env) || proxyMode(env);
}

/** Token mode's (and proxy mode's) one cluster (lib/auth/token-cluster.ts), re-read when its sources change. */
export function currentTokenCluster(env: TokenModeEnv = process.env as TokenModeEnv): TokenCluster | null {
  const signature = [sourcesSignature(env), env[TOKEN_CONTEXT_ENV] ?? "", env[IN_CLUSTER_ROOT_ENV] ?? ""].join("|");
  const cached = globalCache.__knativeConsoleTokenCluster;
  if (cached && cached.signature === signature) return cached.cluster;
  const cluster = tokenCluster(env);
  globalCache.__knativeConsoleTokenCluster = { signature, cluster };
  return cluster;
}

/**
 * The clusters this request may see. In token mode: the one cluster, acting with the signed-in
 * user's token (none without a session); in proxy mode: the one cluster, impersonating the
 * proxied user; otherwise every source, acting with its own credentials.
 */
export function listClusters(env: SourceEnv = process.env as SourceEnv): ClusterRef[] {
  if (tokenMode(env as Record<string, string | undefined>)) {
    const target = currentTokenCluster(env);
    return target ? [tokenClusterRef(target, currentSession()?.token ?? null)] : [];
  }
  if (proxyMode(env as Record<string, string | undefined>)) {
    const target = currentTokenCluster(env);
    return target ? [proxyClusterRef(target, currentProxiedUser())] : [];
  }
  const signature = sourcesSignature(env);
  const cached = globalCache.__knativeConsoleClusters;
  if (cached && cached.signature === signature) return cached.clusters;
  const clusters = discoverClusters(env);
  globalCache.__knativeConsoleClusters = { signature, clusters };
  return clusters;
}

/** The cluster with this id, or a 404 Status. */
export function getCluster(id: string): ClusterRef {
  if (tokenMode() && !currentSession()) throw new StatusError(kubeStatus(401, "Sign in to the console with a Kubernetes token.", "Unauthorized"));
  if (proxyMode() && !currentProxiedUser()) throw new StatusError(kubeStatus(401, "The authenticating proxy named no user for this request.", "Unauthorized"));
  const cluster = listClusters().find((c) => c.id === id);
  if (!cluster) throw new StatusError(kubeStatus(404, `There is no cluster "${id}" in this console's kubeconfig.`, "NotFound"));
  return cluster;
}
