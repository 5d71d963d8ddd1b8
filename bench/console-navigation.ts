// With 1,000 Services and 3,000 Revisions in the embedded cluster: the time from navigation until
// the Services table (all namespaces) is usable in Chromium (target under 1.5 s), for cold
// navigations (a new browser context each: empty cache, no connections) and warm ones (the same
// context navigating again: scripts cached, connection open).
//
//   npx tsx bench/console-navigation.ts [--services 1000] [--revisions-per-service 3] [--runs 5] [--fresh]
//
// "Usable" is what a user sees (bench/support/usable.ts): the first page of rows rendered and the
// search box enabled and hydrated, checked at every animation frame and timed from the start of
// the navigation (performance.now() in the page). The console is the production build under
// the console server; one navigation first warms the server and is reported on its own. After the runs
// the search box is used once, to check the page really works. Figures beside the headline:
// time to first byte, end of the HTML, DOMContentLoaded, and the size of the HTML document.

import { parseArgs } from "node:util";
import type { BrowserContext, Page } from "@playwright/test";
import { launchChromium, servicesPagePath } from "./support/browser";
import { startConsole } from "./support/console-server";
import { startLoadedCluster } from "./support/loaded-cluster";
import { median, p95 } from "./support/stats";
import { usableAt, watchServicesUsable } from "./support/usable";

const { values } = parseArgs({
  options: {
    services: { type: "string", default: "1000" },
    "revisions-per-service": { type: "string", default: "3" },
    runs: { type: "string", default: "5" },
    fresh: { type: "boolean", default: false },
  },
});
const SERVICES = Number(values.services);
const RUNS = Number(values.runs);
const PAGE_SIZE = 50; // components/services/services-tab.tsx
const TARGET_MS = 1500;

interface Navigation {
  usable: number;
  ttfb: number;
  htmlEnd: number;
  domContentLoaded: number;
  htmlBytes: number;
  htmlTransferred: number;
}

async function navigate(page: Page, url: string): Promise<Navigation> {
  await page.goto(url, { waitUntil: "commit" });
  const usable = await usableAt(page);
  await page.waitForLoadState("domcontentloaded");
  const nav = await page.evaluate(() => {
    const e = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    return { ttfb: e.responseStart, htmlEnd: e.responseEnd, domContentLoaded: e.domContentLoadedEventEnd, htmlBytes: e.decodedBodySize, htmlTransferred: e.transferSize };
  });
  return { usable, ...nav };
}

async function newContext(browser: Awaited<ReturnType<typeof launchChromium>>, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await watchServicesUsable(page, Math.min(PAGE_SIZE, SERVICES));
  return { context, page };
}

function report(name: string, runs: Navigation[]): void {
  const m = (pick: (n: Navigation) => number) => median(runs.map(pick)).toFixed(0).padStart(5);
  const usable = runs.map((n) => n.usable);
  console.log(
    `  ${name.padEnd(6)} usable median ${m((n) => n.usable)} ms  p95 ${p95(usable).toFixed(0).padStart(5)} ms  [${usable.map((u) => u.toFixed(0)).join(", ")}]   ` +
      `TTFB ${m((n) => n.ttfb)} ms, HTML done ${m((n) => n.htmlEnd)} ms, DOMContentLoaded ${m((n) => n.domContentLoaded)} ms`,
  );
}

async function main() {
  const loaded = await startLoadedCluster({ services: SERVICES, revisionsPerService: Number(values["revisions-per-service"]), fresh: values.fresh });
  let server: Awaited<ReturnType<typeof startConsole>> | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  try {
    console.log(loaded.summary);
    server = await startConsole(loaded.cluster.kubeconfig);
    browser = await launchChromium();
    const url = servicesPagePath(server.clusterId);

    // The first navigation after the server starts loads its modules: reported apart, not counted.
    const first = await newContext(browser, server.url);
    const firstNav = await navigate(first.page, url);
    await first.context.close();

    const cold: Navigation[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { context, page } = await newContext(browser, server.url);
      cold.push(await navigate(page, url));
      await context.close();
    }

    const warm: Navigation[] = [];
    const { context, page } = await newContext(browser, server.url);
    await navigate(page, url); // fills the cache; not counted
    for (let i = 0; i < RUNS; i++) warm.push(await navigate(page, url));

    // The page really works: the search filters the table.
    await page.getByRole("searchbox").fill("svc-999");
    await page.getByRole("table", { name: "Services" }).getByRole("row").filter({ hasText: "svc-999" }).first().waitFor({ timeout: 5_000 });
    const rowsAfterSearch = await page.getByRole("table", { name: "Services" }).locator("tbody tr").count();
    await context.close();

    const last = warm[warm.length - 1]!;
    console.log(`Services tab, all namespaces (${url}), Chromium ${browser.version()}, 1280×800:`);
    console.log(`  HTML document ${(last.htmlBytes / 1024).toFixed(0)} KiB (${(last.htmlTransferred / 1024).toFixed(0)} KiB over the wire); first navigation after the server started: usable at ${firstNav.usable.toFixed(0)} ms (not counted)`);
    report("cold", cold);
    report("warm", warm);
    const worst = Math.max(median(cold.map((n) => n.usable)), median(warm.map((n) => n.usable)));
    console.log(`time from navigation until the Services table is usable: cold median ${median(cold.map((n) => n.usable)).toFixed(0)} ms, warm median ${median(warm.map((n) => n.usable)).toFixed(0)} ms (target < ${TARGET_MS} ms)  ${worst < TARGET_MS ? "MET" : "MISSED"}`);
    console.log(`check: searching "svc-999" leaves ${rowsAfterSearch} row(s) in the table`);
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
