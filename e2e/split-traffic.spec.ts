// The Split Traffic dialog on a Service of its own with two revisions: a 50/50 split typed into
// the number boxes, reviewed (before/after, the kubectl command) and applied; a sum of 90 that
// keeps OK disabled with the webhook's reason; slider keys, tags and their URLs; Promote; Roll
// back; a change made with kubectl while the dialog is open (409, then "Re-apply my split" and
// "Start over from the current split"); and a revision deleted meanwhile (422 next to its row).
// Every result is checked with kubectl. As the viewer, the dialog does not open: the button says
// which permission is missing, and the Service is unchanged.

import type { Locator, Page } from "@playwright/test";
import { type Actor, expect, test } from "./support/actor";
import { kubectl } from "./support/embedded-cluster";
import { createKnativeService, deleteKnativeService, getKnativeService, HELLO_IMAGE, uniqueName, waitReady } from "./support/knative-service";
import { expectActionRefused } from "./support/permissions-page";
import { screen } from "./support/screens";

const service = uniqueName("split");
const first = `${service}-00001`;
const second = `${service}-00002`;
const latest = `Latest revision (currently ${second})`;

test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  createKnativeService(service, { target: "one" });
  kubectl(["patch", "ksvc", service, "--type", "merge", "-p", JSON.stringify({ spec: { template: { spec: { containers: [{ image: HELLO_IMAGE, env: [{ name: "TARGET", value: "two" }] }] } } } })]);
  kubectl(["wait", `--for=jsonpath={.status.latestReadyRevisionName}=${second}`, `ksvc/${service}`, "--timeout=60s"]);
  waitReady(service);
});

test.afterAll(() => deleteKnativeService(service));

/** spec.traffic as kubectl shows it, each target reduced to what a split says. */
function specTraffic(): Array<{ tag?: string; revisionName?: string; latestRevision?: boolean; percent?: number }> {
  const traffic = (getKnativeService(service).spec.traffic ?? []) as Array<Record<string, unknown>>;
  return traffic.map(({ tag, revisionName, latestRevision, percent }) => JSON.parse(JSON.stringify({ tag, revisionName, latestRevision, percent })));
}

const openPage = (page: Page, actor: Actor) => page.goto(`/clusters/${actor.cluster}/knative/services/default/${service}`);

async function openDialog(page: Page, actor: Actor): Promise<Locator> {
  await openPage(page, actor);
  await expect(page.getByRole("heading", { name: service, level: 1 })).toBeVisible();
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Split Traffic" }).click();
  const dialog = page.getByRole("dialog", { name: "Split Traffic" });
  await expect(dialog.getByRole("table", { name: "Traffic split" })).toBeVisible();
  return dialog;
}

const percentBox = (dialog: Locator, row: string) => dialog.getByRole("spinbutton", { name: `Percent for ${row}`, exact: true });
const slider = (dialog: Locator, row: string) => dialog.getByRole("slider", { name: `Percent for ${row}`, exact: true });
const ok = (dialog: Locator) => dialog.getByRole("button", { name: "OK", exact: true });

test.describe("as someone who may not change the Service", () => {
  test.skip(({ actor }) => actor.mayChange, "the dialog is tested below");

  test("Split Traffic is refused with the missing permission, and nothing changes", async ({ page, actor }) => {
    await openPage(page, actor);
    await expect(page.getByRole("region", { name: "Revision Information" }).getByRole("row").filter({ hasText: second })).toContainText("Ready");
    await expectActionRefused(page, actor.user, "splitTraffic", { unchanged: () => getKnativeService(service).metadata.resourceVersion });
    await screen(page, "split-00-refused");
    expect(specTraffic()).toEqual([{ latestRevision: true, percent: 100 }]);
  });
});

test.describe("the dialog", () => {
  test.skip(({ actor }) => !actor.mayChange, "the viewer may not open it: the refusal is tested above");

  test("a 50/50 split typed into the number boxes, reviewed and applied", async ({ page, actor }) => {
    const dialog = await openDialog(page, actor);
    const rows = dialog.getByRole("table", { name: "Traffic split" }).getByRole("row");
    await expect(rows.nth(1)).toContainText(latest);
    await expect(rows.nth(2)).toContainText(second);
    await expect(rows.nth(3)).toContainText(first);
    await expect(percentBox(dialog, latest)).toHaveValue("100");
    await expect(percentBox(dialog, first)).toHaveValue("0");
    await expect(ok(dialog)).toBeDisabled();
    await expect(ok(dialog)).toHaveAccessibleDescription("No change yet: this is the Service's current split.");
    await screen(page, "split-01-open");

    await percentBox(dialog, latest).fill("50");
    await expect(dialog.getByText("Total 50 % (50 short)")).toBeVisible();
    await expect(ok(dialog)).toHaveAccessibleDescription("Traffic targets sum to 50, want 100");
    await percentBox(dialog, first).fill("50");
    // The box and the slider show the same value.
    await expect(slider(dialog, first)).toHaveAttribute("aria-valuenow", "50");
    await expect(dialog.getByText("Total 100 %", { exact: true })).toBeVisible();
    await expect(ok(dialog)).toBeEnabled();
    await expect(dialog.getByRole("img", { name: `New split: ${latest} 50 %, ${first} 50 %` })).toBeVisible();
    await screen(page, "split-02-fifty-fifty");

    await ok(dialog).click();
    const change = dialog.getByRole("table", { name: "Change to spec.traffic" });
    await expect(change.getByRole("row").filter({ hasText: latest })).toContainText(/100 %.*50 %/);
    await expect(change.getByRole("row").filter({ hasText: first })).toContainText(/0 %.*50 %/);
    const patch = `kubectl patch ksvc ${service} -n default --type merge -p '{"spec":{"traffic":[{"latestRevision":true,"percent":50},{"revisionName":"${first}","latestRevision":false,"percent":50}]}}'`;
    await expect(dialog.getByRole("figure", { name: "kubectl" })).toContainText(patch);
    await expect(dialog.getByRole("figure", { name: "kn" })).toContainText(`kn service update ${service} -n default --traffic @latest=50 --traffic ${first}=50`);
    await expect(dialog.getByRole("button", { name: "Copy kubectl command" })).toBeVisible();
    await screen(page, "split-03-review");

    await dialog.getByRole("button", { name: "Apply split" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`Traffic of ${service} updated`)).toBeVisible();
    expect(specTraffic()).toEqual([
      { latestRevision: true, percent: 50 },
      { revisionName: first, latestRevision: false, percent: 50 },
    ]);
    // The page follows by itself: the Route's status splits 50/50 between the two revisions.
    const revisions = page.getByRole("region", { name: "Revision Information" });
    await expect(revisions.getByRole("row").filter({ hasText: first })).toContainText("50%");
    await expect(revisions.getByRole("row").filter({ hasText: second })).toContainText("50%");
    await screen(page, "split-04-applied");
  });

  test("a sum of 90 keeps OK disabled with the webhook's reason; sliders, keys and tags", async ({ page, actor }) => {
    const dialog = await openDialog(page, actor);
    await percentBox(dialog, latest).fill("40");
    await expect(ok(dialog)).toBeDisabled();
    await expect(ok(dialog)).toHaveAccessibleDescription("Traffic targets sum to 90, want 100");
    await expect(dialog.getByText("Traffic targets sum to 90, want 100")).toBeVisible();
    await expect(dialog.getByText("Total 90 % (10 short)")).toBeVisible();
    await screen(page, "split-05-sum-90");

    // "Make the total 100 %" keeps the row just typed and rebalances the others.
    await dialog.getByRole("button", { name: "Make the total 100 %" }).click();
    await expect(percentBox(dialog, latest)).toHaveValue("40");
    await expect(percentBox(dialog, first)).toHaveValue("60");
    await expect(ok(dialog)).toBeEnabled();

    // A slider step rebalances the others, so the total stays 100.
    await slider(dialog, latest).focus();
    await page.keyboard.press("ArrowRight");
    await expect(percentBox(dialog, latest)).toHaveValue("41");
    await expect(percentBox(dialog, first)).toHaveValue("59");
    await expect(ok(dialog)).toBeEnabled();

    // Locking one row lets the slider of another move only against the rest.
    await dialog.getByRole("button", { name: `Lock percent for ${first}` }).click();
    await expect(dialog.getByRole("button", { name: `Lock percent for ${first}` })).toHaveAttribute("aria-pressed", "true");
    await expect(percentBox(dialog, first)).toBeDisabled();
    await slider(dialog, latest).focus();
    await page.keyboard.press("End");
    await expect(percentBox(dialog, latest)).toHaveValue("41");
    await expect(percentBox(dialog, second)).toHaveValue("0");
    await dialog.getByRole("button", { name: `Lock percent for ${first}` }).click();
    await dialog.getByRole("button", { name: "Evenly distribute" }).click();
    await expect(percentBox(dialog, latest)).toHaveValue("34");
    await expect(percentBox(dialog, second)).toHaveValue("33");
    await expect(percentBox(dialog, first)).toHaveValue("33");

    // One drag rebalances from where it started: rows that pass through 0 % come back.
    const thumb = slider(dialog, first);
    const track = thumb.locator("xpath=ancestor::span[@aria-disabled][1]");
    const from = (await thumb.boundingBox())!;
    const bar = (await track.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(bar.x + bar.width + 20, from.y + from.height / 2, { steps: 5 });
    await expect(percentBox(dialog, first)).toHaveValue("100");
    await expect(percentBox(dialog, second)).toHaveValue("0");
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect(percentBox(dialog, second)).not.toHaveValue("0");
    await expect(percentBox(dialog, latest)).not.toHaveValue("0");
    await expect(dialog.getByText("Total 100 %", { exact: true })).toBeVisible();

    // A tag shows the URL the Route will give it; a tag that is no DNS label is refused by its row.
    const tag = dialog.getByRole("textbox", { name: `Tag for ${second}` });
    await tag.fill("canary");
    await expect(dialog.getByText(`http://canary-${service}.default.example.com`)).toBeVisible();
    await tag.fill("Not_A_Label");
    await expect(ok(dialog)).toBeDisabled();
    await expect(tag).toHaveAccessibleDescription(/not a DNS 1035 label/);
    await screen(page, "split-06-bad-tag");

    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    expect(specTraffic()).toEqual([
      { latestRevision: true, percent: 50 },
      { revisionName: first, latestRevision: false, percent: 50 },
    ]);
  });

  test("Promote to 100 % pins one revision and warns that new revisions get no traffic", async ({ page, actor }) => {
    const dialog = await openDialog(page, actor);
    await dialog.getByRole("button", { name: `Promote to 100 %: ${second}`, exact: true }).click();
    await expect(percentBox(dialog, second)).toHaveValue("100");
    await expect(percentBox(dialog, latest)).toHaveValue("0");
    await expect(percentBox(dialog, first)).toHaveValue("0");
    await expect(dialog.getByRole("list", { name: "Warnings" })).toContainText("New revisions will get no traffic until you change the split");
    await screen(page, "split-07-promoted");
    await ok(dialog).click();
    await dialog.getByRole("button", { name: "Apply split" }).click();
    await expect(dialog).toBeHidden();
    expect(specTraffic()).toEqual([{ revisionName: second, latestRevision: false, percent: 100 }]);
  });

  test("Roll back sends all traffic to the previous ready revision, and says why when there is none", async ({ page, actor }) => {
    let dialog = await openDialog(page, actor);
    await dialog.getByRole("button", { name: `Roll back to ${first}` }).click();
    await expect(percentBox(dialog, first)).toHaveValue("100");
    await expect(percentBox(dialog, second)).toHaveValue("0");
    await screen(page, "split-08-rolled-back");
    await ok(dialog).click();
    await dialog.getByRole("button", { name: "Apply split" }).click();
    await expect(dialog).toBeHidden();
    expect(specTraffic()).toEqual([{ revisionName: first, latestRevision: false, percent: 100 }]);

    dialog = await openDialog(page, actor);
    const rollback = dialog.getByRole("button", { name: "Roll back", exact: true });
    await expect(rollback).toBeDisabled();
    await expect(rollback).toHaveAccessibleDescription(`No ready revision is older than ${first}, so there is nothing to roll back to.`);
    await screen(page, "split-09-no-rollback");
  });

  test("a change made with kubectl while the dialog is open: the conflict, then Re-apply and Start over", async ({ page, actor }) => {
    let dialog = await openDialog(page, actor);
    await percentBox(dialog, latest).fill("50");
    await percentBox(dialog, first).fill("50");
    kubectl(["patch", "ksvc", service, "--type", "merge", "-p", JSON.stringify({ spec: { traffic: [{ latestRevision: true, percent: 100 }] } })]);
    await ok(dialog).click();
    await dialog.getByRole("button", { name: "Apply split" }).click();
    await expect(dialog.getByText("The Service changed since you opened this dialog")).toBeVisible();
    const both = dialog.getByRole("table", { name: "Current split and yours" });
    await expect(both.getByRole("row").filter({ hasText: latest })).toContainText(/100 %.*50 %/);
    await expect(both.getByRole("row").filter({ hasText: first })).toContainText(/0 %.*50 %/);
    await screen(page, "split-10-conflict");
    expect(specTraffic()).toEqual([{ latestRevision: true, percent: 100 }]);

    await dialog.getByRole("button", { name: "Re-apply my split" }).click();
    await expect(dialog).toBeHidden();
    expect(specTraffic()).toEqual([
      { latestRevision: true, percent: 50 },
      { revisionName: first, latestRevision: false, percent: 50 },
    ]);

    dialog = await openDialog(page, actor);
    await dialog.getByRole("button", { name: `Promote to 100 %: ${first}`, exact: true }).click();
    kubectl(["patch", "ksvc", service, "--type", "merge", "-p", JSON.stringify({ spec: { traffic: [{ revisionName: second, percent: 100 }] } })]);
    await ok(dialog).click();
    await dialog.getByRole("button", { name: "Apply split" }).click();
    await expect(dialog.getByText("The Service changed since you opened this dialog")).toBeVisible();
    await dialog.getByRole("button", { name: "Start over from the current split" }).click();
    await expect(percentBox(dialog, second)).toHaveValue("100");
    await expect(percentBox(dialog, first)).toHaveValue("0");
    await expect(ok(dialog)).toHaveAccessibleDescription("No change yet: this is the Service's current split.");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect(specTraffic()).toEqual([{ revisionName: second, latestRevision: false, percent: 100 }]);
  });

  test("a revision deleted while the dialog is open: the refusal next to its row", async ({ page, actor }) => {
    const dialog = await openDialog(page, actor);
    await percentBox(dialog, second).fill("70");
    await percentBox(dialog, first).fill("30");
    kubectl(["delete", "revision", first, "-n", "default"]);
    await ok(dialog).click();
    await dialog.getByRole("button", { name: "Apply split" }).click();
    await expect(dialog.getByRole("alert").filter({ hasText: "The cluster refused this split" })).toBeVisible();
    await expect(percentBox(dialog, first)).toHaveAccessibleDescription(`Service "${service}" has no revision "${first}"`);
    await screen(page, "split-11-refused");
    expect(specTraffic()).toEqual([{ revisionName: second, latestRevision: false, percent: 100 }]);
  });
});
