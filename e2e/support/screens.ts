import type { Page } from "@playwright/test";

/** Full-page screenshots of the states worth looking at, kept under test-results/screens. */
export async function screen(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}
