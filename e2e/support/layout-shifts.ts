// The layout shifts a page makes, each with what moved. Chromium reports one (the Layout
// Instability API, https://wicg.github.io/layout-instability/) whenever a visible element or
// text starts a frame somewhere other than where it was the frame before: a figure that changes
// in place causes none; right-aligned text that narrows, or a sentence after a number that
// grows, does.

import type { Page } from "@playwright/test";

// A string, not a function: it runs in the page as written.
const RECORD = `globalThis.__layoutShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    globalThis.__layoutShifts.push(entry.sources.map((source) => {
      const node = source.node;
      if (!node) return "(a node since removed)";
      const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
      return (element ? element.tagName.toLowerCase() : "?") + ' "' + (node.textContent || "").trim().slice(0, 60) + '"';
    }).join(", "));
  }
}).observe({ type: "layout-shift" });`;

export class LayoutShifts {
  private constructor(private readonly page: Page) {}

  /** Records the layout shifts of every document `page` loads from now on. */
  static async record(page: Page): Promise<LayoutShifts> {
    await page.addInitScript(RECORD);
    return new LayoutShifts(page);
  }

  /** How many shifts the current document has made. */
  async count(): Promise<number> {
    return (await this.page.evaluate("globalThis.__layoutShifts.length")) as number;
  }

  /** What moved in each shift from the `from`th on (a shift lists every node it moved). */
  async since(from: number): Promise<string[]> {
    return ((await this.page.evaluate("globalThis.__layoutShifts")) as string[]).slice(from);
  }
}
