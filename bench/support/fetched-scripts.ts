// Every script a page fetches in Chromium, from a new browser context (empty cache, no open
// connections), until the page is usable (bench/support/usable.ts) and no script has arrived for
// `quietMs`: each one's body gzipped here (scripts/first-load-js.ts's level), next to the bytes
// the console server actually sent and when the page asked for it. Inline <script> payloads (React
// Server Components data, the prefetched lists) are data, not code: counted apart.

import type { Browser, Page } from "@playwright/test";
import { gzipSize } from "../../scripts/first-load-js";
import { sleep } from "./stats";
import { usableAt } from "./usable";

export interface FetchedScript {
  /** The URL's path, `/_next/static/chunks/….js`. */
  file: string;
  raw: number;
  gzip: number;
  sent: number;
  /** When the page asked for it, in ms since the navigation started. */
  requestedAt?: number;
}

export interface PageScripts {
  /** Biggest first. */
  scripts: FetchedScript[];
  /** Ms from the navigation's start until the page was usable. */
  usable: number;
  inline: { count: number; chars: number };
}

export async function fetchedScripts(browser: Browser, url: string, watchUsable: (page: Page) => Promise<void>, quietMs = 2000): Promise<PageScripts> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await watchUsable(page);
    const pending: Array<Promise<FetchedScript>> = [];
    let lastScriptAt = Date.now();
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      lastScriptAt = Date.now();
      pending.push(
        (async () => {
          const body = await response.body();
          const sizes = await response.request().sizes();
          return { file: new URL(response.url()).pathname, raw: body.length, gzip: gzipSize(body), sent: sizes.responseBodySize };
        })(),
      );
    });
    await page.goto(url, { waitUntil: "load" });
    const usable = await usableAt(page);
    while (Date.now() - lastScriptAt < quietMs) await sleep(200);
    const scripts = (await Promise.all(pending)).sort((a, b) => b.gzip - a.gzip);
    const seen = await page.evaluate(() => ({
      count: document.querySelectorAll("script:not([src])").length,
      chars: [...document.querySelectorAll("script:not([src])")].reduce((sum, s) => sum + (s.textContent?.length ?? 0), 0),
      requested: performance.getEntriesByType("resource").map((e) => [new URL(e.name).pathname, e.startTime] as const),
    }));
    const requestedAt = new Map(seen.requested);
    for (const s of scripts) s.requestedAt = requestedAt.get(s.file);
    return { scripts, usable, inline: { count: seen.count, chars: seen.chars } };
  } finally {
    await context.close();
  }
}
