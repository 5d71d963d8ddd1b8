import { type Page, test } from "@playwright/test";

/** Where a screenshot goes: test-results/screens, in a folder per identity the spec ran as. */
export function screenPath(name: string): string {
  return `test-results/screens/${test.info().project.name}/${name}.png`;
}

/** Full-page screenshots of the states worth looking at. */
export async function screen(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: screenPath(name), fullPage: true });
}
