// "The page is usable", as a user sees it, checked at every animation frame from the moment the
// document starts and stamped with performance.now(), i.e. milliseconds since the navigation
// started. The Services table: it shows its first page of rows (50, or every Service when there
// are fewer) and the name search box is there, enabled and hydrated (React has attached its
// handlers, so typing filters). A Service or Revision page: its heading, its main table's rows
// and a hydrated link.

import type { Page } from "@playwright/test";

declare global {
  interface Window {
    __benchUsableAt?: number;
  }
}

/**
 * Installs a watcher in every document the page loads from now on: the first animation frame at
 * which `isUsable` (the source of a function of no arguments, run in the page) returns true is
 * stamped. A string, not a function: tsx compiles functions with name helpers (`__name`) that do
 * not exist in the page.
 */
export async function watchUsable(page: Page, isUsable: string): Promise<void> {
  await page.addInitScript(`(() => {
    const hydrated = (el) => !!el && Object.keys(el).some((k) => k.startsWith("__reactProps$"));
    const usable = ${isUsable};
    const frame = () => {
      if (window.__benchUsableAt !== undefined) return;
      if (usable()) window.__benchUsableAt = performance.now();
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  })()`);
}

/** The Services table shows `expectedRows` rows and its search box is enabled and hydrated. */
export async function watchServicesUsable(page: Page, expectedRows: number): Promise<void> {
  await watchUsable(
    page,
    `() => {
      const table = document.querySelector('table[aria-label="Services"]');
      if (!table || table.querySelectorAll("tbody tr").length < ${Number(expectedRows)}) return false;
      const search = document.querySelector('input[type="search"]');
      return !!search && !search.disabled && hydrated(search);
    }`,
  );
}

/**
 * A detail page (Service, Revision) is usable when its heading names the resource, the table
 * labelled `table` shows at least `rows` rows, and the link `link` (a CSS selector) is hydrated,
 * i.e. a click navigates in the app.
 */
export async function watchDetailUsable(page: Page, detail: { heading: string; table: string; rows: number; link: string }): Promise<void> {
  await watchUsable(
    page,
    `() => {
      const detail = ${JSON.stringify(detail)};
      if (document.querySelector("h1")?.textContent?.trim() !== detail.heading) return false;
      const table = document.querySelector(\`table[aria-label="\${detail.table}"]\`);
      if (!table || table.querySelectorAll("tbody tr").length < detail.rows) return false;
      return hydrated(document.querySelector(detail.link));
    }`,
  );
}

/** Milliseconds from the navigation's start until the page was usable (waits for it). */
export async function usableAt(page: Page, timeoutMs = 30_000): Promise<number> {
  const handle = await page.waitForFunction(() => window.__benchUsableAt, undefined, { timeout: timeoutMs, polling: 50 });
  return (await handle.jsonValue()) as number;
}
