// One Knative Service made for the live-traffic benches: R Revisions, each kept at one ready pod
// by `autoscaling.knative.dev/min-scale: "1"` (so a quiet second is not a scale to zero, and a
// request is never a cold start), the traffic split evenly over all of them. Made over HTTP as a
// user would (create, then a template change per further Revision, then the split), and waited
// for until every Revision's pod is Ready.

import { type ApiEndpoint, apiFetch } from "../../emulator/testing/api-endpoint";
import { call } from "./load-services";
import { sleep } from "./stats";

export interface LiveService {
  namespace: string;
  name: string;
  /** The Host its gateway requests carry, from status.url. */
  host: string;
  revisions: string[];
}

interface PodView {
  metadata: { deletionTimestamp?: string; labels?: Record<string, string> };
  status?: { conditions?: Array<{ type: string; status: string }> };
}

const template = (target: string) => ({
  metadata: { annotations: { "autoscaling.knative.dev/min-scale": "1" } },
  spec: { containers: [{ image: "ghcr.io/knative/helloworld-go", env: [{ name: "TARGET", value: target }] }] },
});

/** Percent per Revision summing to exactly 100: the remainder goes to the first ones. */
export function evenSplit(revisions: string[]): Array<{ revisionName: string; percent: number }> {
  const base = Math.floor(100 / revisions.length);
  const extra = 100 - base * revisions.length;
  return revisions.map((revisionName, i) => ({ revisionName, percent: base + (i < extra ? 1 : 0) }));
}

export async function createLiveService(api: ApiEndpoint, options: { namespace: string; name: string; revisions: number; timeoutMs?: number }): Promise<LiveService> {
  const { namespace, name, revisions: count, timeoutMs = 120_000 } = options;
  const existing = await apiFetch(api, `/api/v1/namespaces/${namespace}`);
  await existing.arrayBuffer();
  if (existing.status === 404) await call(api, "/api/v1/namespaces", "POST", { metadata: { name: namespace } });
  const path = `/apis/serving.knative.dev/v1/namespaces/${namespace}/services`;
  await call(api, path, "POST", { apiVersion: "serving.knative.dev/v1", kind: "Service", metadata: { name }, spec: { template: template("v1") } });
  // One template change at a time: as Knative's Configuration, the cluster makes a Revision for
  // the generation it reconciles, so a change made before the previous one's Revision exists
  // replaces it instead of adding one.
  let revisions = await waitRevisions(api, namespace, name, 1, timeoutMs);
  for (let r = 2; r <= count; r++) {
    await call(api, `${path}/${name}`, "PATCH", { spec: { template: template(`v${r}`) } }, "application/merge-patch+json");
    revisions = await waitRevisions(api, namespace, name, r, timeoutMs);
  }
  await call(api, `${path}/${name}`, "PATCH", { spec: { traffic: evenSplit(revisions) } }, "application/merge-patch+json");

  const selector = encodeURIComponent(`serving.knative.dev/service=${name}`);
  let ready = 0;
  for (const deadline = Date.now() + timeoutMs; ; await sleep(250)) {
    const pods = (await call(api, `/api/v1/namespaces/${namespace}/pods?labelSelector=${selector}`, "GET")) as { items: PodView[] };
    const readyRevisions = new Set(pods.items.filter(isReady).map((p) => p.metadata.labels?.["serving.knative.dev/revision"]));
    ready = revisions.filter((r) => readyRevisions.has(r)).length;
    if (ready === count) break;
    if (Date.now() > deadline) throw new Error(`only ${ready} of ${count} Revisions of ${namespace}/${name} have a ready pod after ${timeoutMs / 1000} s`);
  }
  const svc = (await call(api, `${path}/${name}`, "GET")) as { status?: { url?: string } };
  if (!svc.status?.url) throw new Error(`${namespace}/${name} has no status.url`);
  return { namespace, name, host: new URL(svc.status.url).host, revisions };
}

/** The Service's Revision names, sorted, once there are `count`. */
async function waitRevisions(api: ApiEndpoint, namespace: string, name: string, count: number, timeoutMs: number): Promise<string[]> {
  const selector = encodeURIComponent(`serving.knative.dev/service=${name}`);
  for (const deadline = Date.now() + timeoutMs; ; await sleep(50)) {
    const list = (await call(api, `/apis/serving.knative.dev/v1/namespaces/${namespace}/revisions?labelSelector=${selector}`, "GET")) as { items: Array<{ metadata: { name: string } }> };
    if (list.items.length >= count) return list.items.map((r) => r.metadata.name).sort();
    if (Date.now() > deadline) throw new Error(`only ${list.items.length} of ${count} Revisions of ${namespace}/${name} after ${timeoutMs / 1000} s`);
  }
}

function isReady(pod: PodView): boolean {
  return !pod.metadata.deletionTimestamp && (pod.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false);
}
