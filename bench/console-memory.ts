// With 1,000 Services and 3,000 Revisions in the embedded cluster: the resident memory of the
// console server (scripts/console-server.ts and anything below it, read from /proc) with all of it
// watched: pages open so the cluster's watches are live (target under 300 MB).
//
//   npx tsx bench/console-memory.ts [--services 1000] [--revisions-per-service 3] [--churn-seconds 15] [--fresh]
//
// Sampled at each stage: started (one /api/clusters request answered); pages open in Chromium
// (the Services tab on all namespaces, a Service's page and a Revision's page: the SSE streams
// hold the watches on Services, Revisions, pods, namespaces and the knative-serving Deployments);
// under churn (every second, 100 Services get a traffic patch and 100 Revisions a label, each
// event pushed to every open page, while the Services list is fetched as pages refetch it); and
// settled (10 s after the churn, pages still open). The headline is the highest sample.

import { parseArgs } from "node:util";
import { type ApiEndpoint, apiFetch } from "../emulator/testing/api-endpoint";
import { inParallel } from "./support/load-services";
import { launchChromium, servicesPagePath } from "./support/browser";
import { startConsole } from "./support/console-server";
import { startLoadedCluster } from "./support/loaded-cluster";
import { processTree, rssMb } from "./support/process-memory";
import { median, sleep } from "./support/stats";
import { usableAt, watchServicesUsable } from "./support/usable";

const { values } = parseArgs({
  options: {
    services: { type: "string", default: "1000" },
    "revisions-per-service": { type: "string", default: "3" },
    "churn-seconds": { type: "string", default: "15" },
    fresh: { type: "boolean", default: false },
  },
});
const SERVICES = Number(values.services);
const REVS = Number(values["revisions-per-service"]);
const CHURN_S = Number(values["churn-seconds"]);
const TARGET_MB = 300;
const PAGE_SIZE = 50;

async function patch(api: ApiEndpoint, url: string, body: unknown): Promise<void> {
  const res = await apiFetch(api, url, { method: "PATCH", headers: { "Content-Type": "application/merge-patch+json" }, body: JSON.stringify(body) });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`PATCH ${url}: ${res.status}`);
}

async function main() {
  const loaded = await startLoadedCluster({ services: SERVICES, revisionsPerService: REVS, fresh: values.fresh });
  let server: Awaited<ReturnType<typeof startConsole>> | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  try {
    console.log(loaded.summary);
    const api = loaded.cluster.apiUrl;
    server = await startConsole(loaded.cluster.kubeconfig);
    const stages: Array<{ stage: string; mb: number[] }> = [];
    const sample = (stage: string) => {
      let entry = stages.find((s) => s.stage === stage);
      if (!entry) stages.push((entry = { stage, mb: [] }));
      entry.mb.push(rssMb(server!.pid));
    };
    await sleep(1000);
    sample("started, no page open");

    browser = await launchChromium();
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 } });
    const servicesPage = await context.newPage();
    await watchServicesUsable(servicesPage, Math.min(PAGE_SIZE, SERVICES));
    await servicesPage.goto(servicesPagePath(server.clusterId));
    await usableAt(servicesPage);
    await servicesPage.getByText("Live", { exact: true }).waitFor();
    const { items } = (await (await apiFetch(loaded.cluster, "/apis/serving.knative.dev/v1/services")).json()) as { items: Array<{ metadata: { name: string; namespace: string } }> };
    const svc = items[0]!.metadata;
    const servicePage = await context.newPage();
    await servicePage.goto(`/clusters/${server.clusterId}/knative/services/${svc.namespace}/${svc.name}`);
    await servicePage.getByRole("region", { name: "Revision Information" }).getByRole("row").nth(1).waitFor();
    const revisionPage = await context.newPage();
    await revisionPage.goto(`/clusters/${server.clusterId}/knative/services/${svc.namespace}/${svc.name}/revisions/${svc.name}-00001`);
    await revisionPage.locator('dl[aria-label="Labels"]:visible').first().waitFor();
    for (let i = 0; i < 5; i++) {
      sample("3 pages open, watches live");
      await sleep(1000);
    }

    // Churn: changes the watches carry to every page, and list requests as pages refetch.
    const url = (m: { name: string; namespace: string }, plural: string, name = m.name) => `${api}/apis/serving.knative.dev/v1/namespaces/${m.namespace}/${plural}/${name}`;
    const route = `${server.url}/api/clusters/${server.clusterId}/services`;
    let changes = 0;
    let lists = 0;
    for (let s = 0; s < CHURN_S; s++) {
      const t0 = Date.now();
      const batch = Array.from({ length: 100 }, (_, i) => items[(s * 100 + i) % items.length]!.metadata);
      await Promise.all([
        inParallel(batch, async (m) => {
          await patch(loaded.cluster, url(m, "services"), { spec: { traffic: s % 2 === 0 ? [{ revisionName: `${m.name}-00001`, percent: 50 }, { latestRevision: true, percent: 50 }] : [{ latestRevision: true, percent: 100 }] } });
          await patch(loaded.cluster, url(m, "revisions", `${m.name}-00001`), { metadata: { labels: { "bench-churn": String(s) } } });
          changes += 2;
        }),
        (async () => {
          for (let i = 0; i < 3; i++) {
            await (await fetch(route)).arrayBuffer();
            lists++;
          }
        })(),
      ]);
      sample("churn");
      await sleep(Math.max(0, 1000 - (Date.now() - t0)));
    }
    for (let i = 0; i < 10; i++) {
      await sleep(1000);
      sample("settled, pages open");
    }
    const tree = processTree(server.pid);
    await context.close();

    console.log(`console server (${tree.length} processes) resident memory, from /proc:`);
    for (const { stage, mb } of stages) {
      console.log(`  ${stage.padEnd(28)} median ${median(mb).toFixed(0).padStart(4)} MB   max ${Math.max(...mb).toFixed(0).padStart(4)} MB   (${mb.length} samples)`);
    }
    console.log(`  churn: ${changes} changes (traffic patches and Revision labels) in ${CHURN_S} s pushed to 3 pages, and ${lists} lists of all Services through the route`);
    for (const p of tree) console.log(`  pid ${p.pid}  ${p.rssMb.toFixed(0).padStart(4)} MB  ${p.command.slice(0, 90)}`);
    const peak = Math.max(...stages.flatMap((s) => s.mb));
    console.log(`console server memory with all of it watched: peak ${peak.toFixed(0)} MB, settled ${median(stages.at(-1)!.mb).toFixed(0)} MB (target < ${TARGET_MB} MB)  ${peak < TARGET_MB ? "MET" : "MISSED"}`);
  } finally {
    await browser?.close();
    await server?.stop();
    await loaded.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
