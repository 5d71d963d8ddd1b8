// How many layout shifts a page records. Chromium keeps each one as a performance entry (with
// its sources' rectangles), the first 150 of them, so a page that shifts as it redraws has a
// heap that grows until that buffer is full: a memory bench says how many it saw. An observer
// sees every shift, past the buffer's 150 too.

import type { Page } from "@playwright/test";

// A string, not a function: it runs in the page as written.
const COUNT_SHIFTS = `globalThis.__layoutShifts = 0;
new PerformanceObserver((list) => { globalThis.__layoutShifts += list.getEntries().length; }).observe({ type: "layout-shift" });`;

/** Counts the layout shifts of every document `page` loads from now on. */
export async function countLayoutShifts(page: Page): Promise<{ seen(): Promise<number> }> {
  await page.addInitScript(COUNT_SHIFTS);
  return { seen: () => page.evaluate("globalThis.__layoutShifts") as Promise<number> };
}
