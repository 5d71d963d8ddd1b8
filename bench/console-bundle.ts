// The first-load JavaScript of the Services page (the Knative page's Services tab, all
// namespaces, 1,000 Services in the embedded cluster), in gzip (target under 180 kB).
//
//   npx tsx bench/console-bundle.ts [--services 1000] [--revisions-per-service 3] [--fresh]
//
// Measured the honest way: the page is loaded in Chromium with an empty cache, every script the
// page fetches until the table is usable and the network has been quiet for 2 s is recorded,
// and each one's body is gzipped here (zlib level 6, what Next's own compression uses) — per
// chunk and in total, next to the bytes `next start` actually sent and when the page asked for
// it. Each script is matched against the build's manifests: the route's own (rootMainFiles and
// the client reference manifest's entry files for the route's page and the layouts and
// boundaries above it) make the headline; scripts of other routes, which Next prefetches for
// the links on the page once it is up, are shown with the route they belong to and a total that
// includes them. The manifests' own sum, from .next on disk, is a cross-check. Inline <script>
// payloads (React Server Components data, the prefetched lists) are data, not code: shown
// apart and not counted. kB = 1,000 bytes.

import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { parseArgs } from "node:util";
import { launchChromium, servicesPagePath } from "./support/browser";
import { ROOT, startConsole } from "./support/console-server";
import { startLoadedCluster } from "./support/loaded-cluster";
import { sleep } from "./support/stats";
import { usableAt, watchServicesUsable } from "./support/usable";

const { values } = parseArgs({
  options: {
    services: { type: "string", default: "1000" },
    "revisions-per-service": { type: "string", default: "3" },
    fresh: { type: "boolean", default: false },
  },
});
const SERVICES = Number(values.services);
const TARGET_KB = 180;
const PAGE_SIZE = 50;
const PAGE_ENTRY = "[project]/app/clusters/[cluster]/knative/page";

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const gz = (body: Buffer) => gzipSync(body, { level: 6 }).length;

interface Chunk {
  file: string;
  raw: number;
  gzip: number;
  sent: number;
  /** When the page asked for it, in ms since the navigation started. */
  requestedAt?: number;
}

interface RscManifest {
  entryJSFiles: Record<string, string[]>;
}

/** The client reference manifest of an app route, as `.next/server/app/…/page_client-reference-manifest.js` defines it. */
function readRscManifest(file: string): RscManifest {
  const sandbox = { __RSC_MANIFEST: {} as Record<string, RscManifest> };
  new Function("globalThis", fs.readFileSync(file, "utf8"))(sandbox);
  return Object.values(sandbox.__RSC_MANIFEST)[0]!;
}

/** The chunks the build names for the Services page, from .next on disk. */
function chunksByManifest(): string[] {
  const next = path.join(ROOT, ".next");
  const build = JSON.parse(fs.readFileSync(path.join(next, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const entry = readRscManifest(path.join(next, "server", "app", "clusters", "[cluster]", "knative", "page_client-reference-manifest.js")).entryJSFiles;
  // The page's own entry plus the layouts and boundaries (loading, error, not-found) of the segments above it.
  const pageDir = PAGE_ENTRY.slice(0, PAGE_ENTRY.lastIndexOf("/") + 1);
  const segments = Object.keys(entry).filter((k) => {
    const dir = k.slice(0, k.lastIndexOf("/") + 1);
    return k === PAGE_ENTRY || (k.startsWith("[project]/app/") && pageDir.startsWith(dir) && !k.endsWith("/page"));
  });
  return [...new Set([...build.rootMainFiles, ...segments.flatMap((k) => entry[k]!)])].filter((f) => f.endsWith(".js"));
}

/** For each chunk, the app entries (pages, layouts, boundaries) of every route that names it. */
function entriesByChunk(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith("_client-reference-manifest.js") ? [path.join(dir, e.name)] : []));
  for (const file of walk(path.join(ROOT, ".next", "server", "app"))) {
    for (const [entry, files] of Object.entries(readRscManifest(file).entryJSFiles)) {
      for (const f of files) {
        if (!out.has(f)) out.set(f, new Set());
        out.get(f)!.add(entry.replace("[project]/", ""));
      }
    }
  }
  return out;
}

function rootMainFiles(): Set<string> {
  const build = JSON.parse(fs.readFileSync(path.join(ROOT, ".next", "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  return new Set(build.rootMainFiles.map((f) => `/_next/${f}`));
}

async function main() {
  const loaded = await startLoadedCluster({ services: SERVICES, revisionsPerService: Number(values["revisions-per-service"]), fresh: values.fresh });
  let server: Awaited<ReturnType<typeof startConsole>> | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  try {
    console.log(loaded.summary);
    server = await startConsole(loaded.cluster.kubeconfig);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await watchServicesUsable(page, Math.min(PAGE_SIZE, SERVICES));

    const pending: Array<Promise<Chunk | undefined>> = [];
    let lastScriptAt = Date.now();
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      lastScriptAt = Date.now();
      pending.push(
        (async () => {
          const body = await response.body();
          const sizes = await response.request().sizes();
          return { file: new URL(response.url()).pathname, raw: body.length, gzip: gz(body), sent: sizes.responseBodySize };
        })(),
      );
    });
    const url = `${server.url}${servicesPagePath(server.clusterId)}`;
    await page.goto(url, { waitUntil: "load" });
    const usable = await usableAt(page);
    while (Date.now() - lastScriptAt < 2000) await sleep(200);
    const chunks = (await Promise.all(pending)).filter((c): c is Chunk => c !== undefined).sort((a, b) => b.gzip - a.gzip);
    const html = await page.evaluate(() => ({
      inline: [...document.querySelectorAll("script:not([src])")].reduce((sum, s) => sum + (s.textContent?.length ?? 0), 0),
      count: document.querySelectorAll("script:not([src])").length,
      requested: performance.getEntriesByType("resource").map((e) => [new URL(e.name).pathname, e.startTime] as const),
    }));
    await context.close();
    const requestedAt = new Map(html.requested);
    for (const c of chunks) c.requestedAt = requestedAt.get(c.file);

    const byManifest = new Set(chunksByManifest().map((f) => `/_next/${f}`));
    const namedBy = entriesByChunk();
    const own = chunks.filter((c) => byManifest.has(c.file));
    const others = chunks.filter((c) => !byManifest.has(c.file));
    const manifestGzip = [...byManifest].reduce((sum, f) => sum + gz(fs.readFileSync(path.join(ROOT, ".next", f.replace(/^\/_next\//, "")))), 0);
    const sum = (list: Chunk[], pick: (c: Chunk) => number) => list.reduce((total, c) => total + pick(c), 0);
    const row = (c: Chunk, note = "") =>
      console.log(`  ${c.file.padEnd(48)} ${kB(c.raw).padStart(10)} ${kB(c.gzip).padStart(10)} ${kB(c.sent).padStart(10)} ${`${c.requestedAt?.toFixed(0) ?? "?"} ms`.padStart(9)}${note}`);
    const totalRow = (label: string, list: Chunk[]) =>
      console.log(`  ${label.padEnd(48)} ${kB(sum(list, (c) => c.raw)).padStart(10)} ${kB(sum(list, (c) => c.gzip)).padStart(10)} ${kB(sum(list, (c) => c.sent)).padStart(10)}`);

    console.log(`Services page (${servicesPagePath(server.clusterId)}) in Chromium, empty cache; the table usable at ${usable.toFixed(0)} ms. Scripts fetched:`);
    console.log(`  ${"the route's own".padEnd(48)} ${"raw".padStart(10)} ${"gzip".padStart(10)} ${"sent".padStart(10)} ${"asked at".padStart(9)}`);
    for (const c of own) row(c);
    totalRow(`total, ${own.length} scripts`, own);
    const framework = rootMainFiles();
    const frameworkGzip = sum(own.filter((c) => framework.has(c.file)), (c) => c.gzip);
    console.log(`  of which Next's runtime and React (rootMainFiles, on every page) ${kB(frameworkGzip)}; the console's code and its libraries ${kB(sum(own, (c) => c.gzip) - frameworkGzip)}`);
    if (others.length) {
      console.log(`  prefetched for links on the page (other routes' scripts)`);
      for (const c of others) row(c, `   ${[...(namedBy.get(c.file.replace(/^\/_next\//, "")) ?? [])].join(", ") || "(no manifest names it)"}`);
      totalRow(`total with them, ${chunks.length} scripts`, chunks);
    }
    const missing = [...byManifest].filter((f) => !chunks.some((c) => c.file === f));
    console.log(
      `cross-check, the build's manifests for the route: ${byManifest.size} chunks, ${kB(manifestGzip)} gzip` +
        (missing.length ? `; named but not fetched: ${missing.map((f) => `${path.basename(f)} (${[...(namedBy.get(f.replace(/^\/_next\//, "")) ?? [])].join(", ")})`).join("; ")}` : "; all fetched"),
    );
    console.log(`not counted: ${html.count} inline scripts with ${kB(html.inline)} of page data (RSC payload, prefetched lists) in the HTML`);
    const ownGzip = sum(own, (c) => c.gzip);
    console.log(
      `first-load JavaScript of the Services page: ${kB(ownGzip)} gzip (target < ${TARGET_KB} kB)  ${ownGzip < TARGET_KB * 1000 ? "MET" : "MISSED"}` +
        (others.length ? `; ${kB(sum(chunks, (c) => c.gzip))} with the ${others.length} scripts prefetched for links` : ""),
    );
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
