// When an open page first shows something, as its user sees it: a MutationObserver in the page
// tests a predicate at every change and stamps the Date.now() of the next animation frame, i.e.
// when the change is painted. Date.now(), so the stamp compares with this machine's other clocks
// (a bench's own, or the API server's watch as bench/support/api-watch.ts receives it).

import type { Page } from "@playwright/test";

/**
 * Arms a watcher in the page for `predicate` (JavaScript source of a function returning true
 * once the change shows); resolves with the Date.now() of the frame that painted it. A string, not
 * a function: tsx compiles functions with name helpers (`__name`) that do not exist in the page.
 */
export async function armPageWatcher(page: Page, predicate: string, timeoutMs = 10_000): Promise<() => Promise<number>> {
  await page.evaluate(`(() => {
    window.__benchShown = undefined;
    const shows = ${predicate};
    const done = () => { observer.disconnect(); requestAnimationFrame(() => { window.__benchShown = Date.now(); }); };
    const observer = new MutationObserver(() => { if (shows()) done(); });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    if (shows()) done();
  })()`);
  return async () => (await (await page.waitForFunction("window.__benchShown", undefined, { timeout: timeoutMs, polling: 20 })).jsonValue()) as number;
}
