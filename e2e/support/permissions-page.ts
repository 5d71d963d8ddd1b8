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

const KSVC = "services.serving.knative.dev";
const REVISIONS = "revisions.serving.knative.dev";

/** The console's write actions, each with its button and the permission it needs. */
export const ACTIONS = {
  splitTraffic: { what: () => "change this Service", verb: "patch", resource: KSVC, button: (page: Page) => page.getByRole("button", { name: "Split Traffic" }) },
  createRevision: { what: () => "create a revision of this Service", verb: "update", resource: KSVC, button: (page: Page) => page.getByRole("button", { name: "Create Revision" }) },
  deleteService: { what: () => "delete this Service", verb: "delete", resource: KSVC, button: (page: Page) => page.getByRole("button", { name: "Delete", exact: true }) },
  deleteRevision: {
    what: () => "delete this revision",
    verb: "delete",
    resource: REVISIONS,
    button: (page: Page, revision: string) => page.getByRole("region", { name: "Revision Information" }).getByRole("row").filter({ hasText: revision }).getByRole("button", { name: `Delete ${revision}` }),
  },
  createService: { what: (namespace: string) => `create a Service in namespace ${namespace}`, verb: "create", resource: KSVC, button: (page: Page) => page.getByRole("button", { name: "Create Service" }) },
} as const;

export type Action = keyof typeof ACTIONS;

/**
 * `action` refused to `user` on the open page: its button disabled with the cluster's reason, and
 * pressing it opens nothing. `unchanged` reads what the action would have changed, before and
 * after: the cluster must say the same.
 */
export async function expectActionRefused(
  page: Page,
  user: string,
  action: Action,
  opts: { namespace?: string; revision?: string; unchanged?: () => unknown } = {},
): Promise<void> {
  const namespace = opts.namespace ?? "default";
  const { what, verb, resource, button } = ACTIONS[action];
  const before = opts.unchanged?.();
  await expectRefused(page, button(page, opts.revision ?? ""), refusal(what(namespace), user, verb, resource, namespace));
  if (opts.unchanged) expect(opts.unchanged()).toEqual(before);
}
