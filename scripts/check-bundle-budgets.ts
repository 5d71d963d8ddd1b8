// `npm run test:budgets`, the last step of `npm test`: fails when a page's first-load JavaScript
// (gzip) is over its budget (scripts/bundle-budgets.ts). It reads the production build that the
// browser tests just built (.next), computes each page's figure from the manifests and the chunks
// on disk (scripts/first-load-js.ts) and starts nothing, so it takes a second or two.
//
// The figure is the one bench/console-bundle.ts measures by loading the pages in Chromium: the
// bench gzips the bodies `next start` sent, at the same level, and they are the same files. On the
// build of 2026-12-01 the two agreed to the byte on all three pages (Services 168.2 kB, Service
// 171.0 kB, Revision 172.9 kB; every chunk named here fetched, nothing else fetched by the page
// itself). Only the browser sees a lazy chunk that a page fetches during its load without being
// asked; the bench counts that, so run it after moving code behind next/dynamic or import().
//
//   npm run test:budgets        (after `npx next build`, or after `npm run test:e2e`, which builds)

import path from "node:path";
import { buildIsCurrent } from "./build-freshness";
import { PAGE_BUDGETS, kB } from "./bundle-budgets";
import { type FirstLoad, MissingBuildError, NEXT_DIR, ROOT, firstLoadJs } from "./first-load-js";

/** The chunks to look at first when a page is over: its biggest, Next's own left out. */
function biggestOwnChunks(load: FirstLoad): string {
  return load.chunks
    .filter((c) => !c.framework)
    .sort((a, b) => b.gzip - a.gzip)
    .slice(0, 3)
    .map((c) => `${c.file} ${kB(c.gzip)}`)
    .join(", ");
}

function main(): number {
  if (!buildIsCurrent(ROOT)) {
    console.warn(`note: ${path.relative(ROOT, NEXT_DIR)} is older than the sources; these are the figures of that older build (\`npx next build\` makes a current one)`);
  }
  console.log("first-load JavaScript (gzip) of the production build in .next:");
  const over: string[] = [];
  for (const { page, route, budgetKb } of PAGE_BUDGETS) {
    const load = firstLoadJs(route);
    const ok = load.gzip <= budgetKb * 1000;
    console.log(`  ${page.padEnd(14)} ${kB(load.gzip).padStart(9)}  budget ${budgetKb} kB  ${ok ? "ok" : "OVER"}   (${load.chunks.length} chunks; Next and React ${kB(load.frameworkGzip)}; ${route})`);
    if (!ok) {
      over.push(
        `${page} (${route}): ${kB(load.gzip)} of first-load JavaScript (gzip), over its ${budgetKb} kB budget by ${kB(load.gzip - budgetKb * 1000)}.` +
          ` Biggest chunks of its own: ${biggestOwnChunks(load)}.`,
      );
    }
  }
  if (over.length === 0) return 0;
  console.error(`\nbundle budget exceeded:\n${over.map((o) => `  ${o}`).join("\n")}`);
  console.error("Load what the page does not need at first lazily (next/dynamic, import() on demand); `npx tsx bench/console-bundle.ts` shows every chunk each page fetches.");
  return 1;
}

try {
  process.exitCode = main();
} catch (err) {
  if (!(err instanceof MissingBuildError)) throw err;
  console.error(`bundle budgets: ${err.message}`);
  process.exitCode = 1;
}
