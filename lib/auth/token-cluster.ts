// The cluster --auth token (and --auth proxy) serves, and the KubeConfig a signed-in user reaches
// it with.
//
// One cluster, the first of:
//   1. the in-cluster one when the console runs in a pod (KUBERNETES_SERVICE_HOST and the
//      service account's files; KNATIVE_CONSOLE_IN_CLUSTER_ROOT prefixes their paths, for tests);
//   2. the kubeconfig context KNATIVE_CONSOLE_TOKEN_CONTEXT names;
//   3. the embedded cluster (`npm start -- --auth token`).
// Token mode takes only the cluster's address and CA from it: the credentials of the service
// account or of the kubeconfig never serve a user, every call carries the user's own token, so
// the cluster's RBAC decides what they may do. Proxy mode acts with those credentials (`ownUser`),
// always impersonating the proxied user (lib/auth/proxy-cluster.ts). The other kubeconfig
// contexts are not served at all.

import fs from "node:fs";
import path from "node:path";
import type { Cluster, User } from "@kubernetes/client-node";
import type { ClusterRef } from "@/lib/k8s/cluster-ref";
import { type SourceEnv, embeddedKubeconfigPath, kubeconfigPaths, slugify } from "@/lib/k8s/cluster-sources";
import { ExplainedKubeConfig } from "@/lib/k8s/explained-kubeconfig";
import { displayServerUrl } from "@/lib/k8s/redact";
import { identityKey } from "./request-session";

export const IN_CLUSTER_ROOT_ENV = "KNATIVE_CONSOLE_IN_CLUSTER_ROOT";
export const TOKEN_CONTEXT_ENV = "KNATIVE_CONSOLE_TOKEN_CONTEXT";
export const SERVICE_ACCOUNT_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";

export interface TokenModeEnv extends SourceEnv {
  [IN_CLUSTER_ROOT_ENV]?: string;
  [TOKEN_CONTEXT_ENV]?: string;
}

/** The cluster users sign in to: its address and CA, no credentials. */
export interface TokenCluster {
  id: string;
  name: string;
  source: ClusterRef["source"];
  cluster: Cluster;
  namespace?: string;
  /** The console's own identity there (the service account), for its readiness check only; never for a user. */
  ownToken?: () => string;
  /**
   * The console's own kubeconfig user there (the service account's token file, or the context's
   * credentials): --auth proxy acts with it, impersonating; token mode never uses it.
   */
  ownUser?: User;
}

/** The in-cluster service account's file `name`, under the configured root. */
export function serviceAccountFile(env: TokenModeEnv, name: "token" | "ca.crt" | "namespace"): string {
  return `${env[IN_CLUSTER_ROOT_ENV] ?? ""}${SERVICE_ACCOUNT_DIR}/${name}`;
}

function inCluster(env: TokenModeEnv): TokenCluster | null {
  if (!env.KUBERNETES_SERVICE_HOST || !env.KUBERNETES_SERVICE_PORT) return null;
  const tokenFile = serviceAccountFile(env, "token");
  if (!fs.existsSync(/*turbopackIgnore: true*/ tokenFile)) return null;
  const kc = new ExplainedKubeConfig();
  // client-node reads KUBERNETES_SERVICE_HOST/PORT from process.env.
  kc.loadFromCluster(env[IN_CLUSTER_ROOT_ENV] ?? "");
  return {
    id: "in-cluster",
    name: "In-cluster",
    source: "in-cluster",
    cluster: kc.getCurrentCluster()!,
    ...(kc.getContextObject(kc.currentContext)?.namespace ? { namespace: kc.getContextObject(kc.currentContext)!.namespace } : {}),
    // Read on every use: the kubelet rotates projected tokens.
    ownToken: () => fs.readFileSync(/*turbopackIgnore: true*/ tokenFile, "utf8").trim(),
    // client-node's in-cluster user reads the token file again as it changes, for the same reason.
    ...(kc.getCurrentUser() ? { ownUser: kc.getCurrentUser()! } : {}),
  };
}

function fromKubeconfig(file: string, contextName: string | undefined, id: string, name: string, source: ClusterRef["source"]): TokenCluster | null {
  if (!fs.existsSync(/*turbopackIgnore: true*/ file)) return null;
  const kc = new ExplainedKubeConfig();
  kc.loadFromString(fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8"), { onInvalidEntry: "filter" });
  kc.makePathsAbsolute(path.dirname(file));
  const context = kc.getContextObject(contextName ?? kc.currentContext);
  const cluster = context ? kc.getCluster(context.cluster) : null;
  if (!context || !cluster) return null;
  const user = kc.getUser(context.user);
  return { id, name, source, cluster, ...(context.namespace ? { namespace: context.namespace } : {}), ...(user ? { ownUser: user } : {}) };
}

function namedContext(env: TokenModeEnv): TokenCluster | null {
  const wanted = env[TOKEN_CONTEXT_ENV]?.trim();
  if (!wanted) return null;
  for (const file of kubeconfigPaths(env)) {
    const found = fromKubeconfig(file, wanted, slugify(wanted), wanted, "kubeconfig");
    if (found) return found;
  }
  return null;
}

function embedded(env: TokenModeEnv): TokenCluster | null {
  const file = embeddedKubeconfigPath(env);
  return file ? fromKubeconfig(file, undefined, "embedded", "Embedded cluster", "embedded") : null;
}

/** The cluster of token mode now, or null when there is none (yet). */
export function tokenCluster(env: TokenModeEnv = process.env as TokenModeEnv): TokenCluster | null {
  try {
    return inCluster(env) ?? namedContext(env) ?? embedded(env);
  } catch {
    return null;
  }
}

/** A fresh KubeConfig for `token`; userKubeConfig keeps them for signed-in users. */
export function kubeConfigWithToken(target: TokenCluster, token: string): ExplainedKubeConfig {
  const kc = new ExplainedKubeConfig();
  kc.loadFromOptions({
    clusters: [target.cluster],
    users: [{ name: "session", token }],
    contexts: [{ name: "session", cluster: target.cluster.name, user: "session", ...(target.namespace ? { namespace: target.namespace } : {}) }],
    currentContext: "session",
  });
  return kc;
}

// One KubeConfig per identity and cluster address, reused so API clients and kept-alive
// connections are too; bounded, the least recently used going first.
const MAX_CONFIGS = 500;
const store = globalThis as unknown as { __knativeConsoleTokenConfigs?: Map<string, ExplainedKubeConfig> };

/** The kept KubeConfig for `identity` (a key naming who it acts as) at `target`, made by `make` the first time. */
export function keptKubeConfig(target: TokenCluster, identity: string, make: () => ExplainedKubeConfig): ExplainedKubeConfig {
  const configs = (store.__knativeConsoleTokenConfigs ??= new Map());
  const key = `${target.cluster.server}|${target.cluster.caFile ?? target.cluster.caData ?? ""}|${identity}`;
  let kc = configs.get(key);
  if (kc) configs.delete(key);
  else kc = make();
  configs.set(key, kc);
  while (configs.size > MAX_CONFIGS) configs.delete(configs.keys().next().value!);
  return kc;
}

export function userKubeConfig(target: TokenCluster, token: string): ExplainedKubeConfig {
  return keptKubeConfig(target, `token:${identityKey(token)}`, () => kubeConfigWithToken(target, token));
}

/** The cluster as a ClusterRef acting with `kubeConfig`, or unavailable for `reason` without one. */
export function targetClusterRef(target: TokenCluster, kubeConfig: ExplainedKubeConfig | null, reason: string): ClusterRef {
  const summary = { id: target.id, name: target.name, source: target.source, server: displayServerUrl(target.cluster.server), ...(target.namespace ? { namespace: target.namespace } : {}) };
  return kubeConfig ? { ...summary, kubeConfig } : { ...summary, kubeConfig: null, unavailableReason: reason };
}

/** The cluster as a ClusterRef acting with `token`, or without credentials (unavailable) when there is no session. */
export function tokenClusterRef(target: TokenCluster, token: string | null): ClusterRef {
  return targetClusterRef(target, token ? userKubeConfig(target, token) : null, "you are not signed in");
}
