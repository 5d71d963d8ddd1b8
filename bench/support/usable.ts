// "The Services table is usable", as a user sees it: the table shows its first page of rows
// (50, or every Service when there are fewer) and the name search box is there, enabled and
// hydrated (React has attached its handlers, so typing filters). Checked at every animation frame
// from the moment the document starts, and stamped with performance.now(), i.e. milliseconds
// since the navigation started.

import type { Page } from "@playwright/test";

declare global {
  interface Window {
    __benchUsableAt?: number;
  }
}

/**
 * Installs the watcher in every document the page loads from now on. A string, not a function:
 * tsx compiles functions with name helpers (`__name`) that do not exist in the page.
 */
export async function watchServicesUsable(page: Page, expectedRows: number): Promise<void> {
  await page.addInitScript(`(() => {
    const rows = ${Number(expectedRows)};
    const usable = () => {
      const table = document.querySelector('table[aria-label="Services"]');
      if (!table || table.querySelectorAll("tbody tr").length < rows) return false;
      const search = document.querySelector('input[type="search"]');
      return !!search && !search.disabled && Object.keys(search).some((k) => k.startsWith("__reactProps$"));
    };
    const frame = () => {
      if (window.__benchUsableAt !== undefined) return;
      if (usable()) window.__benchUsableAt = performance.now();
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  })()`);
}

/** Milliseconds from the navigation's start until the table was usable (waits for it). */
export async function usableAt(page: Page, timeoutMs = 30_000): Promise<number> {
  const handle = await page.waitForFunction(() => window.__benchUsableAt, undefined, { timeout: timeoutMs, polling: 50 });
  return (await handle.jsonValue()) as number;
}
