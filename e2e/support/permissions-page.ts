// What an identity without a permission finds on the Service page: each refused action still in
// its place, announced as disabled, with the cluster's reason on hover.

import { expect, type Locator, type Page } from "@playwright/test";

/**
 * An action button the cluster refuses: disabled, with `reason` as its explanation when it has
 * the focus (as a keyboard user reaches it), and inert when pressed.
 */
export async function expectRefused(page: Page, button: Locator, reason: string): Promise<void> {
  await expect(button).toHaveAttribute("aria-disabled", "true");
  await expect(button).toHaveAccessibleDescription(reason);
  await button.focus();
  await expect(page.getByRole("tooltip")).toHaveText(reason);
  await button.dispatchEvent("click");
  await expect(page.getByRole("dialog")).toHaveCount(0);
}

/** The sentence the console shows for `verb` on `resource` refused to `user` in `namespace`. */
export function refusal(what: string, user: string, verb: string, resource: string, namespace: string): string {
  return `You cannot ${what}: the cluster does not allow User "${user}" to ${verb} ${resource} in namespace ${namespace}.`;
}
