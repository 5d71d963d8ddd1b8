// With 1,000 Services and 3,000 Revisions in the embedded cluster: the delay from a change made
// with kubectl to the open console page showing it, without a reload (target p95 under 1 s).
//
//   npx tsx bench/console-live-delay.ts [--samples 10] [--services 1000] [--revisions-per-service 3] [--fresh]
//
// Two kinds of change, --samples of each (20 in all by default), one at a time:
//   traffic  `kubectl patch ksvc … --type merge` of spec.traffic (50/50 between the first and the
//            latest Revision, then back to 100 % latest) with the Services tab open on all
//            namespaces; shown when the row's traffic bar has the new split. The Route controller
//            writes status.traffic in between, as on a real cluster.
//   label    `kubectl label revision … bench-sample=<n> --overwrite` with that Revision's page
//            open; shown when its (visible) Labels list has the new value.
// Times are wall-clock (Date.now()) on this machine: kubectl started; the change visible on the
// API server (a watch this script holds on the same API server: the object as the page will show
// it); the page showing it (a MutationObserver in the page, stamped at the next animation frame,
// i.e. when it is painted). The headline is from kubectl's start, what a user at the terminal
// sees; the console's own share (from the API server to the page) is printed beside it.

import { parseArgs } from "node:util";
import { apiFetch } from "../emulator/testing/api-endpoint";
import { kubectlRunner } from "../emulator/testing/kubectl";
import { type ApiWatch, type ArrivedEvent, watchCollection } from "./support/api-watch";
import { launchChromium, servicesPagePath } from "./support/browser";
import { startConsole } from "./support/console-server";
import { startLoadedCluster } from "./support/loaded-cluster";
import { armPageWatcher } from "./support/page-watcher";
import { median, p95, sleep } from "./support/stats";
import { usableAt, watchServicesUsable } from "./support/usable";

const { values } = parseArgs({
  options: {
    samples: { type: "string", default: "10" },
    services: { type: "string", default: "1000" },
    "revisions-per-service": { type: "string", default: "3" },
    fresh: { type: "boolean", default: false },
  },
});
const SAMPLES = Number(values.samples);
const SERVICES = Number(values.services);
const REVS = Number(values["revisions-per-service"]);
const TARGET_MS = 1000;
const PAGE_SIZE = 50;

interface Sample {
  kind: "traffic" | "label";
  kubectlStart: number;
  kubectlEnd: number;
  onApiServer: number;
  onPage: number;
}

/** When the API server's watch first delivered an object for which `matches` holds, after `since`. */
async function arrival(watch: ApiWatch, since: number, matches: (e: ArrivedEvent) => boolean): Promise<number> {
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await sleep(10)) {
    const hit = watch.events.find((e) => e.at >= since && matches(e));
    if (hit) return hit.at;
  }
  throw new Error("the change never reached the API server's watch");
}

function report(name: string, samples: Sample[]): void {
  const fig = (xs: number[]) => `median ${median(xs).toFixed(0).padStart(4)} ms  p95 ${p95(xs).toFixed(0).padStart(4)} ms`;
  console.log(`  ${name} (${samples.length} samples)`);
  console.log(`    kubectl start → page shows it     ${fig(samples.map((s) => s.onPage - s.kubectlStart))}`);
  console.log(`    API server has it → page shows it ${fig(samples.map((s) => s.onPage - s.onApiServer))}   (the console's share: watch, SSE, cache, render)`);
  console.log(`    kubectl start → API server has it ${fig(samples.map((s) => s.onApiServer - s.kubectlStart))}   (kubectl${name.startsWith("traffic") ? " and the Route controller" : ""})`);
  console.log(`    kubectl's own run                 ${fig(samples.map((s) => s.kubectlEnd - s.kubectlStart))}`);
}

async function main() {
  const loaded = await startLoadedCluster({ services: SERVICES, revisionsPerService: REVS, fresh: values.fresh });
  let server: Awaited<ReturnType<typeof startConsole>> | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  const watches: ApiWatch[] = [];
  try {
    console.log(loaded.summary);
    server = await startConsole(loaded.cluster.kubeconfig);
    browser = await launchChromium();
    const kubectl = kubectlRunner(loaded.cluster.kubeconfig);
    const run = async (args: string[]) => {
      const r = await kubectl(args);
      if (r.code !== 0) throw new Error(`kubectl ${args.join(" ")}: ${r.stderr}`);
    };
    await run(["get", "ksvc", "-A", "-o", "name"]); // discovery into kubectl's cache, as for a user who has used it before

    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 } });
    const servicesPage = await context.newPage();
    await watchServicesUsable(servicesPage, Math.min(PAGE_SIZE, SERVICES));
    await servicesPage.goto(servicesPagePath(server.clusterId));
    await usableAt(servicesPage);
    await servicesPage.getByText("Live", { exact: true }).waitFor();
    // The Services on the first page of the table: their rows are on screen.
    const onScreen = (await servicesPage.locator('table[aria-label="Services"] tbody tr td:first-child a').allTextContents()).slice(0, SAMPLES);
    const namespaceOf = new Map((await (await apiFetch(loaded.cluster, "/apis/serving.knative.dev/v1/services")).json() as { items: ArrivedEvent["object"][] }).items.map((s) => [s.metadata.name!, s.metadata.namespace!]));

    watches.push(await watchCollection(loaded.cluster, "/apis/serving.knative.dev/v1/services"));
    watches.push(await watchCollection(loaded.cluster, "/apis/serving.knative.dev/v1/revisions"));
    const [serviceWatch, revisionWatch] = watches as [ApiWatch, ApiWatch];
    const samples: Sample[] = [];

    // Traffic: split 50/50 and back, alternating over the Services on screen.
    for (let i = 0; i < SAMPLES; i++) {
      const name = onScreen[Math.floor(i / 2) % onScreen.length]!;
      const split = i % 2 === 0;
      const first = `${name}-00001`;
      const latest = `${name}-${String(REVS).padStart(5, "0")}`;
      const traffic = split ? [{ revisionName: first, percent: 50 }, { latestRevision: true, percent: 50 }] : [{ latestRevision: true, percent: 100 }];
      const wantLabel = split ? `${first} 50%` : `Traffic: ${latest} 100%`;
      const shown = await armPageWatcher(
        servicesPage,
        `() => {
          const row = [...document.querySelectorAll('table[aria-label="Services"] tbody tr')].find((tr) => tr.querySelector("td a")?.textContent === ${JSON.stringify(name)});
          const label = row?.querySelector('[role="img"]')?.getAttribute("aria-label") ?? "";
          return ${split ? `label.includes(${JSON.stringify(wantLabel)})` : `label === ${JSON.stringify(wantLabel)}`};
        }`,
      );
      const kubectlStart = Date.now();
      await run(["patch", "ksvc", name, "-n", namespaceOf.get(name)!, "--type", "merge", "-p", JSON.stringify({ spec: { traffic } })]);
      const kubectlEnd = Date.now();
      const onPage = await shown();
      const onApiServer = await arrival(serviceWatch, kubectlStart, (e) => {
        if (e.object.metadata.name !== name) return false;
        const targets = (e.object.status?.traffic ?? []) as Array<{ revisionName?: string; percent?: number }>;
        return split ? targets.some((t) => t.revisionName === first && t.percent === 50) : targets.length === 1 && targets[0]?.percent === 100;
      });
      samples.push({ kind: "traffic", kubectlStart, kubectlEnd, onApiServer, onPage });
      await sleep(200 + Math.random() * 300);
    }

    // Label: on one Revision's page, a new value each time.
    const name = onScreen[0]!;
    const revision = `${name}-00001`;
    const namespace = namespaceOf.get(name)!;
    const revisionPage = await context.newPage();
    await revisionPage.goto(`/clusters/${server.clusterId}/knative/services/${namespace}/${name}/revisions/${revision}`);
    await revisionPage.locator('dl[aria-label="Labels"]:visible').first().waitFor();
    await revisionPage.getByText("Live", { exact: true }).waitFor();
    for (let i = 0; i < SAMPLES; i++) {
      const value = `v${i}-${Date.now()}`;
      const shown = await armPageWatcher(
        revisionPage,
        `() => [...document.querySelectorAll('dl[aria-label="Labels"] dt')].some((dt) => dt.textContent === "bench-sample" && dt.nextElementSibling?.textContent === ${JSON.stringify(value)} && dt.checkVisibility())`,
      );
      const kubectlStart = Date.now();
      await run(["label", "revision", revision, "-n", namespace, `bench-sample=${value}`, "--overwrite"]);
      const kubectlEnd = Date.now();
      const onPage = await shown();
      const onApiServer = await arrival(revisionWatch, kubectlStart, (e) => e.object.metadata.name === revision && e.object.metadata.labels?.["bench-sample"] === value);
      samples.push({ kind: "label", kubectlStart, kubectlEnd, onApiServer, onPage });
      await sleep(200 + Math.random() * 300);
    }
    await context.close();

    console.log(`delay from a kubectl change to the open page showing it (Chromium, ${samples.length} samples, one at a time):`);
    report("traffic patch of a Service, Services tab (all namespaces) open", samples.filter((s) => s.kind === "traffic"));
    report("label on a Revision, its page open", samples.filter((s) => s.kind === "label"));
    const all = samples.map((s) => s.onPage - s.kubectlStart);
    const consoleShare = samples.map((s) => s.onPage - s.onApiServer);
    console.log(
      `all samples: kubectl start → page median ${median(all).toFixed(0)} ms, p95 ${p95(all).toFixed(0)} ms (target p95 < ${TARGET_MS} ms)  ${p95(all) < TARGET_MS ? "MET" : "MISSED"}; ` +
        `the console's share p95 ${p95(consoleShare).toFixed(0)} ms`,
    );
  } finally {
    for (const w of watches) w.stop();
    await browser?.close();
    await server?.stop();
    await loaded.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
