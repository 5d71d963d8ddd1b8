// Where clusters come from: every context of the kubeconfig (KUBECONFIG or
// ~/.kube/config), the in-cluster service account when the console runs inside Kubernetes, and
// the embedded cluster whose kubeconfig `npm start` names in an environment variable.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Context, KubeConfig } from "@kubernetes/client-node";
import { parse as parseYaml } from "yaml";
import type { ClusterRef } from "./cluster-ref";
import { ExplainedKubeConfig } from "./explained-kubeconfig";
import { logFailureOnce } from "./failure-log";
import { fileProblem, kubeconfigProblem } from "./local-failures";
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
  const kc = new ExplainedKubeConfig();
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

/** A kubeconfig file as client-node's loadFromFile reads it, keeping its text for diagnosis. */
function loadKubeconfig(file: string): { kc: KubeConfig; text: string } {
  const text = fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8");
  const kc = new ExplainedKubeConfig();
  kc.loadFromString(text, { onInvalidEntry: "filter" });
  kc.makePathsAbsolute(path.dirname(file));
  return { kc, text };
}

/** Why client-node dropped the user a context names (it drops entries it cannot read), in the words of kubectl where it has them. */
function missingUserProblem(text: string, userName: string, contextName: string): string {
  let users: unknown;
  try {
    users = (parseYaml(text) as { users?: unknown } | null)?.users;
  } catch {
    users = undefined;
  }
  const entry = Array.isArray(users) ? (users as Array<{ name?: unknown; user?: Record<string, unknown> }>).find((u) => u?.name === userName) : undefined;
  const tokenFile = entry?.user?.["token-file"];
  if (typeof tokenFile === "string") return fileProblem("token file", tokenFile) ?? `the user "${userName}" of context "${contextName}" cannot be read`;
  // k8s.io/client-go tools/clientcmd/validation.go, validateContext.
  return entry ? `the user "${userName}" of context "${contextName}" cannot be read` : `user "${userName}" was not found for context "${contextName}"`;
}

/** Why a context cannot be used at all, or undefined when it can. */
function contextProblem(base: KubeConfig, context: Context, text: string): string | undefined {
  if (context.user && !base.getUser(context.user)) return missingUserProblem(text, context.user, context.name);
  if (context.cluster && !base.getCluster(context.cluster)) return `cluster "${context.cluster}" was not found for context "${context.name}"`;
  return undefined;
}

/** A file that could not be read at all still shows on the Clusters page, with why (its path only in the log). */
function unreadableKubeconfig(file: string, err: unknown): Candidate {
  const problem = kubeconfigProblem(err);
  logFailureOnce("clusters", `kubeconfig ${file}: ${problem}`, (err as { reason?: string }).reason);
  return { preferredId: "unreadable-kubeconfig", name: "Unreadable kubeconfig", source: "kubeconfig", server: "", kubeConfig: null, unavailableReason: problem };
}

function fromKubeconfigFile(file: string, seen: Set<string>): Candidate[] {
  if (!fs.existsSync(/*turbopackIgnore: true*/ file)) return [];
  let loaded: { kc: KubeConfig; text: string };
  try {
    loaded = loadKubeconfig(file);
  } catch (err) {
    return [unreadableKubeconfig(file, err)];
  }
  const out: Candidate[] = [];
  for (const context of loaded.kc.getContexts()) {
    // With several files, the first definition of a context wins, as in kubectl.
    if (seen.has(context.name)) continue;
    seen.add(context.name);
    const kc = singleContext(loaded.kc, context.name);
    const problem = contextProblem(loaded.kc, context, loaded.text);
    if (problem) logFailureOnce("clusters", `kubeconfig ${file}, context ${JSON.stringify(context.name)}: ${problem}`);
    out.push({
      preferredId: context.name,
      name: context.name,
      source: "kubeconfig",
      server: serverOf(kc),
      ...(context.namespace ? { namespace: context.namespace } : {}),
      kubeConfig: problem ? null : kc,
      ...(problem ? { unavailableReason: problem } : {}),
    });
  }
  return out;
}

function fromServiceAccount(): Candidate {
  const kc = new ExplainedKubeConfig();
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
    const { kc } = loadKubeconfig(file);
    return { ...candidate, server: serverOf(kc), kubeConfig: kc };
  } catch (err) {
    const problem = kubeconfigProblem(err);
    logFailureOnce("clusters", `embedded cluster's kubeconfig ${file}: ${problem}`, (err as { reason?: string }).reason);
    return { ...candidate, unavailableReason: problem };
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
      logFailureOnce("clusters", "in-cluster service account unusable", (err as Error).message);
    }
  }
  const seen = new Set<string>();
  for (const file of kubeconfigPaths(env)) candidates.push(...fromKubeconfigFile(file, seen));
  return assignIds(candidates);
}
