// The first-load JavaScript, in gzip, of the Services page (the Knative page's Services tab, all
// namespaces, 1,000 Services in the embedded cluster), a Service page and a Revision page, each
// against its budget (scripts/bundle-budgets.ts: 180, 185 and 180 kB).
//
//   npx tsx bench/console-bundle.ts [--services 1000] [--revisions-per-service 3] [--fresh]
//
// Measured the honest way: each page is loaded in Chromium with an empty cache, every script it
// fetches until it is usable and the network has been quiet for 2 s is recorded, and each one's
// body is gzipped here (zlib level 6, what Next's own compression uses) — per chunk and in total,
// next to the bytes the console server actually sent and when the page asked for it
// (bench/support/fetched-scripts.ts). Each script is matched against the build's manifests
// (scripts/first-load-js.ts). The headline counts the route's own (rootMainFiles and the client
// reference manifest's entry files for the route's page and the layouts, loading and error
// boundaries above it) and any chunk no manifest names, which the page fetched by itself
// (next/dynamic, import()) without anyone asking. Scripts of other routes, which Next prefetches
// for the links on the page once it is up, are shown with the route they belong to and a total
// that includes them. The manifests' own sum, from .next on disk, is the cross-check, and the
// figure `npm test` checks (scripts/check-bundle-budgets.ts). Inline <script> payloads (React
// Server Components data, the prefetched lists) are data, not code: shown apart and not counted.
// kB = 1,000 bytes.

import path from "node:path";
import { parseArgs } from "node:util";
import type { Page } from "@playwright/test";
import { consoleRoutes } from "../components/knative/console-routes";
import { PAGE_BUDGETS, type PageBudget, kB } from "../scripts/bundle-budgets";
import { type FirstLoad, entriesByChunk, firstLoadJs, rootMainFiles } from "../scripts/first-load-js";
import { launchChromium, servicesPagePath } from "./support/browser";
import { startConsole } from "./support/console-server";
import { type FetchedScript, fetchedScripts } from "./support/fetched-scripts";
import { startLoadedCluster } from "./support/loaded-cluster";
import { watchDetailUsable, watchServicesUsable } from "./support/usable";

const { values } = parseArgs({
  options: {
    services: { type: "string", default: "1000" },
    "revisions-per-service": { type: "string", default: "3" },
    fresh: { type: "boolean", default: false },
  },
});
const SERVICES = Number(values.services);
const REVISIONS_PER_SERVICE = Number(values["revisions-per-service"]);
const PAGE_SIZE = 50; // components/services/services-tab.tsx

/** Where each budgeted page is opened, and when it counts as usable. The loader's first Service, bench/support/load-services.ts. */
function pageUnderTest(budget: PageBudget, cluster: string): { path: string; watchUsable: (page: Page) => Promise<void> } {
  const [namespace, service] = ["team-0", "svc-0"];
  const revision = `${service}-${String(REVISIONS_PER_SERVICE).padStart(5, "0")}`;
  switch (budget.page) {
    case "Services page":
      return { path: servicesPagePath(cluster), watchUsable: (page) => watchServicesUsable(page, Math.min(PAGE_SIZE, SERVICES)) };
    case "Service page":
      return {
        path: consoleRoutes.service(cluster, namespace, service),
        watchUsable: (page) => watchDetailUsable(page, { heading: service, table: "Revisions", rows: REVISIONS_PER_SERVICE, link: 'table[aria-label="Revisions"] a' }),
      };
    case "Revision page":
      return {
        path: consoleRoutes.revision(cluster, namespace, service, revision),
        watchUsable: (page) =>
          watchDetailUsable(page, { heading: revision, table: "Revision conditions", rows: 1, link: `main a[href="${consoleRoutes.service(cluster, namespace, service)}"]` }),
      };
    default:
      throw new Error(`bench/console-bundle.ts does not know how to open the ${budget.page} of scripts/bundle-budgets.ts`);
  }
}

const sum = (list: FetchedScript[], pick: (s: FetchedScript) => number) => list.reduce((total, s) => total + pick(s), 0);
const row = (s: FetchedScript, note = "") =>
  console.log(`  ${s.file.padEnd(48)} ${kB(s.raw).padStart(10)} ${kB(s.gzip).padStart(10)} ${kB(s.sent).padStart(10)} ${`${s.requestedAt?.toFixed(0) ?? "?"} ms`.padStart(9)}${note}`);
const totalRow = (label: string, list: FetchedScript[]) =>
  console.log(`  ${label.padEnd(48)} ${kB(sum(list, (s) => s.raw)).padStart(10)} ${kB(sum(list, (s) => s.gzip)).padStart(10)} ${kB(sum(list, (s) => s.sent)).padStart(10)}`);

interface Measured {
  budget: PageBudget;
  /** What the browser fetched that counts: the route's own chunks and lazy ones. */
  gzip: number;
  withPrefetched: number;
  manifestGzip: number;
}

/** What the build on disk says, read once, right after the console server began serving it. */
interface BuildManifests {
  firstLoad: Map<string, FirstLoad>;
  namedBy: Map<string, Set<string>>;
  framework: Set<string>;
}

function readBuildManifests(): BuildManifests {
  return {
    firstLoad: new Map(PAGE_BUDGETS.map((b) => [b.route, firstLoadJs(b.route)])),
    namedBy: entriesByChunk(),
    framework: new Set(rootMainFiles().map((f) => `/_next/${f}`)),
  };
}

/** Prints one page's scripts and returns its figures. */
function report(budget: PageBudget, pagePath: string, fetched: Awaited<ReturnType<typeof fetchedScripts>>, build: BuildManifests): Measured {
  const underNext = (file: string) => file.replace(/^\/_next\//, "");
  const { namedBy, framework } = build;
  const manifest = build.firstLoad.get(budget.route)!;
  const named = new Set(manifest.chunks.map((c) => `/_next/${c.file}`));
  const own = fetched.scripts.filter((s) => named.has(s.file));
  const lazy = fetched.scripts.filter((s) => !named.has(s.file) && !namedBy.has(underNext(s.file)));
  const others = fetched.scripts.filter((s) => !named.has(s.file) && namedBy.has(underNext(s.file)));
  const counted = [...own, ...lazy];

  console.log(`\n${budget.page} (${pagePath}) in Chromium, empty cache; usable at ${fetched.usable.toFixed(0)} ms. Scripts fetched:`);
  console.log(`  ${"the route's own".padEnd(48)} ${"raw".padStart(10)} ${"gzip".padStart(10)} ${"sent".padStart(10)} ${"asked at".padStart(9)}`);
  for (const s of own) row(s);
  if (lazy.length) {
    console.log(`  fetched by the page itself, named by no manifest (lazy chunks), counted`);
    for (const s of lazy) row(s);
  }
  totalRow(`total, ${counted.length} scripts`, counted);
  const frameworkGzip = sum(own.filter((s) => framework.has(s.file)), (s) => s.gzip);
  console.log(`  of which Next's runtime and React (rootMainFiles, on every page) ${kB(frameworkGzip)}; the console's code and its libraries ${kB(sum(counted, (s) => s.gzip) - frameworkGzip)}`);
  if (others.length) {
    console.log(`  prefetched for links on the page (other routes' scripts)`);
    for (const s of others) row(s, `   ${[...namedBy.get(underNext(s.file))!].join(", ")}`);
    totalRow(`total with them, ${fetched.scripts.length} scripts`, fetched.scripts);
  }
  const missing = [...named].filter((f) => !fetched.scripts.some((s) => s.file === f));
  console.log(
    `  cross-check, the build's manifests for the route: ${named.size} chunks, ${kB(manifest.gzip)} gzip` +
      (missing.length ? `; named but not fetched: ${missing.map((f) => `${path.basename(f)} (${[...(namedBy.get(underNext(f)) ?? [])].join(", ")})`).join("; ")}` : "; all fetched"),
  );
  console.log(`  not counted: ${fetched.inline.count} inline scripts with ${kB(fetched.inline.chars)} of page data (RSC payload, prefetched lists) in the HTML`);
  return { budget, gzip: sum(counted, (s) => s.gzip), withPrefetched: sum(fetched.scripts, (s) => s.gzip), manifestGzip: manifest.gzip };
}

async function main() {
  const loaded = await startLoadedCluster({ services: SERVICES, revisionsPerService: REVISIONS_PER_SERVICE, fresh: values.fresh });
  let server: Awaited<ReturnType<typeof startConsole>> | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  try {
    console.log(loaded.summary);
    server = await startConsole(loaded.cluster.kubeconfig);
    browser = await launchChromium();
    const build = readBuildManifests();
    const results: Measured[] = [];
    for (const budget of PAGE_BUDGETS) {
      const { path: pagePath, watchUsable } = pageUnderTest(budget, server.clusterId);
      results.push(report(budget, pagePath, await fetchedScripts(browser, `${server.url}${pagePath}`, watchUsable), build));
    }

    console.log(`\nfirst-load JavaScript (gzip)   ${"in Chromium".padStart(11)} ${"manifests".padStart(10)} ${"budget".padStart(8)}`);
    for (const r of results) {
      const met = r.gzip <= r.budget.budgetKb * 1000;
      const prefetched = r.withPrefetched > r.gzip ? `   ${kB(r.withPrefetched)} with the scripts prefetched for links` : "";
      console.log(`  ${r.budget.page.padEnd(28)} ${kB(r.gzip).padStart(11)} ${kB(r.manifestGzip).padStart(10)} ${`${r.budget.budgetKb} kB`.padStart(8)}  ${met ? "MET" : "MISSED"}${prefetched}`);
    }
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
