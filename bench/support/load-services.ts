// Fills a cluster with Knative Services over plain HTTP, as a busy client would: N Services
// spread over ten namespaces, each patched until it has R Revisions, then waits until the
// controllers have stamped every Revision. Shared by the emulator and console benches.

import { type ApiEndpoint, apiFetch } from "../../emulator/testing/api-endpoint";
import { sleep } from "./stats";

export interface LoadOptions {
  services: number;
  revisionsPerService: number;
  namespaces?: number;
  /** How long to wait for the controllers to create every Revision. */
  timeoutMs?: number;
}

export interface ServiceName {
  name: string;
  namespace: string;
}

export interface LoadResult {
  services: ServiceName[];
  namespaces: string[];
  revisions: number;
  seconds: number;
}

export async function call(api: ApiEndpoint, path: string, method: string, body?: unknown, contentType = "application/json"): Promise<unknown> {
  const res = await apiFetch(api, path, { method, headers: { "Content-Type": contentType }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = (await res.json()) as unknown;
  if (!res.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json)}`);
  return json;
}

/** Runs `work` for each item with a few requests in flight. */
export async function inParallel<T>(items: T[], work: (item: T) => Promise<unknown>, width = 8): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

const template = (target: string) => ({ spec: { containers: [{ image: "ghcr.io/knative/helloworld-go", env: [{ name: "TARGET", value: target }] }] } });

export async function loadServices(api: ApiEndpoint, options: LoadOptions): Promise<LoadResult> {
  const { services: serviceCount, revisionsPerService, namespaces: namespaceCount = 10, timeoutMs = 300_000 } = options;
  const t0 = performance.now();
  const namespaces = Array.from({ length: namespaceCount }, (_, n) => `team-${n}`);
  for (const name of namespaces) await call(api, "/api/v1/namespaces", "POST", { metadata: { name } });
  const services = Array.from({ length: serviceCount }, (_, i) => ({ name: `svc-${i}`, namespace: namespaces[i % namespaceCount]! }));
  const collection = (s: ServiceName) => `/apis/serving.knative.dev/v1/namespaces/${s.namespace}/services`;
  await inParallel(services, (s) => call(api, collection(s), "POST", { apiVersion: "serving.knative.dev/v1", kind: "Service", metadata: { name: s.name }, spec: { template: template("v1") } }));
  for (let r = 2; r <= revisionsPerService; r++) {
    await inParallel(services, (s) => call(api, `${collection(s)}/${s.name}`, "PATCH", { spec: { template: template(`v${r}`) } }, "application/merge-patch+json"));
  }
  // Wait until the controllers have stamped every Revision.
  const want = serviceCount * revisionsPerService;
  let revisions = 0;
  for (const deadline = Date.now() + timeoutMs; revisions < want && Date.now() < deadline; ) {
    revisions = ((await call(api, "/apis/serving.knative.dev/v1/revisions", "GET")) as { items: unknown[] }).items.length;
    if (revisions < want) await sleep(500);
  }
  if (revisions < want) throw new Error(`only ${revisions} of ${want} Revisions after ${timeoutMs / 1000} s`);
  return { services, namespaces, revisions, seconds: (performance.now() - t0) / 1000 };
}

interface ServiceStatusView {
  status?: { conditions?: Array<{ type: string; status: string }> };
}

/** Waits until every Service in the cluster says Ready=True (the controllers have settled). */
export async function waitServicesReady(api: ApiEndpoint, count: number, timeoutMs = 120_000): Promise<number> {
  let ready = 0;
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(500)) {
    const list = (await call(api, "/apis/serving.knative.dev/v1/services", "GET")) as { items: ServiceStatusView[] };
    ready = list.items.filter((s) => s.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True")).length;
    if (ready >= count) return ready;
  }
  throw new Error(`only ${ready} of ${count} Services Ready after ${timeoutMs / 1000} s`);
}

/**
 * Waits until the cluster is quiet: its resourceVersion (one counter for every write, as etcd's)
 * has not moved for `quietMs`, i.e. the controllers have nothing left to do.
 */
export async function waitQuiet(api: ApiEndpoint, quietMs = 3000, timeoutMs = 60_000): Promise<void> {
  const version = async () => ((await call(api, "/api/v1/namespaces?limit=1", "GET")) as { metadata?: { resourceVersion?: string } }).metadata?.resourceVersion;
  let last = await version();
  let since = Date.now();
  for (const deadline = Date.now() + timeoutMs; Date.now() - since < quietMs; await sleep(250)) {
    if (Date.now() > deadline) throw new Error(`the cluster was still writing after ${timeoutMs / 1000} s`);
    const now = await version();
    if (now !== last) {
      last = now;
      since = Date.now();
    }
  }
}
