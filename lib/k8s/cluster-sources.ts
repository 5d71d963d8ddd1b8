// Where clusters come from: every context of the kubeconfig (KUBECONFIG or
// ~/.kube/config), the in-cluster service account when the console runs inside Kubernetes, and
// the embedded cluster whose kubeconfig `npm start` names in an environment variable.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { KubeConfig } from "@kubernetes/client-node";
import type { ClusterRef } from "./cluster-ref";
import { displayServerUrl } from "./redact";

/** Set by scripts/start.ts (and the e2e setup) to the embedded cluster's kubeconfig. */
export const EMBEDDED_KUBECONFIG_ENV = "KNATIVE_CONSOLE_EMBEDDED_KUBECONFIG";
const SERVICE_ACCOUNT_TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";

export interface SourceEnv {
  KUBECONFIG?: string;
  KUBERNETES_SERVICE_HOST?: string;
  KUBERNETES_SERVICE_PORT?: string;
  [EMBEDDED_KUBECONFIG_ENV]?: string;
  HOME?: string;
}

/** The kubeconfig files to read, in kubectl's order of precedence. */
export function kubeconfigPaths(env: SourceEnv): string[] {
  if (env.KUBECONFIG) return env.KUBECONFIG.split(path.delimiter).filter(Boolean);
  const home = env.HOME || os.homedir();
  return home ? [path.join(home, ".kube", "config")] : [];
}

export function embeddedKubeconfigPath(env: SourceEnv): string | undefined {
  return env[EMBEDDED_KUBECONFIG_ENV] || undefined;
}

export function inClusterAvailable(env: SourceEnv, tokenPath = SERVICE_ACCOUNT_TOKEN): boolean {
  return Boolean(env.KUBERNETES_SERVICE_HOST && env.KUBERNETES_SERVICE_PORT && fs.existsSync(/*turbopackIgnore: true*/ tokenPath));
}

/** A KubeConfig narrowed to one context, so API clients made from it cannot switch clusters. */
function singleContext(base: KubeConfig, contextName: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: base.clusters,
    users: base.users,
    contexts: base.contexts,
    currentContext: contextName,
  });
  return kc;
}

function serverOf(kc: KubeConfig): string {
  const server = kc.getCurrentCluster()?.server;
  return server ? displayServerUrl(server) : "";
}

interface Candidate extends Omit<ClusterRef, "id"> {
  preferredId: string;
}

function fromKubeconfigFile(file: string, seen: Set<string>): Candidate[] {
  if (!fs.existsSync(/*turbopackIgnore: true*/ file)) return [];
  const base = new KubeConfig();
  try {
    base.loadFromFile(file, { onInvalidEntry: "filter" });
  } catch (err) {
    console.warn(`[clusters] skipping unreadable kubeconfig ${file}: ${(err as Error).message}`);
    return [];
  }
  const out: Candidate[] = [];
  for (const context of base.getContexts()) {
    // With several files, the first definition of a context wins, as in kubectl.
    if (seen.has(context.name)) continue;
    seen.add(context.name);
    const kc = singleContext(base, context.name);
    out.push({
      preferredId: context.name,
      name: context.name,
      source: "kubeconfig",
      server: serverOf(kc),
      ...(context.namespace ? { namespace: context.namespace } : {}),
      kubeConfig: kc,
    });
  }
  return out;
}

function fromServiceAccount(): Candidate {
  const kc = new KubeConfig();
  kc.loadFromCluster();
  return { preferredId: "in-cluster", name: "In-cluster", source: "in-cluster", server: serverOf(kc), kubeConfig: kc };
}

function fromEmbedded(file: string): Candidate {
  const candidate: Candidate = {
    preferredId: "embedded",
    name: "Embedded cluster",
    source: "embedded",
    server: "",
    kubeConfig: null,
  };
  if (!fs.existsSync(/*turbopackIgnore: true*/ file)) {
    return { ...candidate, unavailableReason: "the embedded cluster has not started yet" };
  }
  try {
    const kc = new KubeConfig();
    kc.loadFromFile(file);
    return { ...candidate, server: serverOf(kc), kubeConfig: kc };
  } catch (err) {
    return { ...candidate, unavailableReason: `its kubeconfig cannot be read: ${(err as Error).message}` };
  }
}

/** A URL-safe id: lower-case letters, digits and dashes. */
export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "cluster";
}

function assignIds(candidates: Candidate[]): ClusterRef[] {
  const used = new Set<string>();
  return candidates.map(({ preferredId, ...rest }) => {
    const base = slugify(preferredId);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return { id, ...rest };
  });
}

/** Reads every source now. Embedded first, then in-cluster, then kubeconfig contexts in file order. */
export function discoverClusters(env: SourceEnv = process.env as SourceEnv): ClusterRef[] {
  const candidates: Candidate[] = [];
  const embedded = embeddedKubeconfigPath(env);
  if (embedded) candidates.push(fromEmbedded(embedded));
  if (inClusterAvailable(env)) {
    try {
      candidates.push(fromServiceAccount());
    } catch (err) {
      console.warn(`[clusters] in-cluster service account unusable: ${(err as Error).message}`);
    }
  }
  const seen = new Set<string>();
  for (const file of kubeconfigPaths(env)) candidates.push(...fromKubeconfigFile(file, seen));
  return assignIds(candidates);
}
