// The canary release, start to finish in the browser with no other tool: a new revision with
// TARGET=Knative on ASM at 0 %, then 50/50, then 100 %, then rolled back. kubectl checks the
// cluster's state independently after each step, and 20 requests through the ingress gateway show
// what the traffic does. Then two people edit the same split at once: exactly one wins.

import { expect, type Browser, type Locator, type Page, test } from "@playwright/test";
import { kubectl } from "./support/embedded-cluster";
import { answersOf } from "./support/gateway";
import { createKnativeService, deleteKnativeService, getKnativeService, uniqueName, waitReady } from "./support/knative-service";
import { screen } from "./support/screens";

const service = uniqueName("canary-walk");
const first = `${service}-00001`;
const second = `${service}-00002`;
const HOST = `${service}.default.example.com`;

test.beforeAll(() => createKnativeService(service));
test.afterAll(() => deleteKnativeService(service));
test.describe.configure({ mode: "serial" });

/** `curl -H "Host: …" http://gateway/` twenty times, as the walk-through does; answers counted by body. */
const twentyRequests = () => answersOf(HOST, 20);

function pinnedSplit(): Record<string, number> {
  const traffic = (getKnativeService(service).spec.traffic ?? []) as Array<{ revisionName?: string; latestRevision?: boolean; percent?: number }>;
  return Object.fromEntries(traffic.filter((t) => (t.percent ?? 0) > 0).map((t) => [t.latestRevision ? "@latest" : t.revisionName!, t.percent!]));
}

async function openServicePage(page: Page) {
  await page.goto(`/clusters/embedded/knative/services/default/${service}`);
  await expect(page.getByRole("heading", { name: service, level: 1 })).toBeVisible();
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
}

async function openSplit(page: Page): Promise<Locator> {
  await page.getByRole("button", { name: "Split Traffic" }).click();
  const dialog = page.getByRole("dialog", { name: "Split Traffic" });
  await expect(dialog.getByRole("table", { name: "Traffic split" })).toBeVisible();
  return dialog;
}

const percentBox = (dialog: Locator, row: string) => dialog.getByRole("spinbutton", { name: `Percent for ${row}`, exact: true });

async function apply(page: Page, dialog: Locator) {
  await dialog.getByRole("button", { name: "OK", exact: true }).click();
  await expect(dialog.getByRole("table", { name: "Change to spec.traffic" })).toBeVisible();
  await dialog.getByRole("button", { name: "Apply split" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Traffic of ${service} updated`).first()).toBeVisible();
}

test("a canary release: 0 %, 50/50, 100 %, rolled back", async ({ page }) => {
  test.setTimeout(120_000);
  await openServicePage(page);
  expect(await twentyRequests()).toEqual({ "Hello World!": 20 });

  // 1. A new revision with TARGET=Knative on ASM, at 0 %.
  await page.getByRole("button", { name: "Create Revision" }).click();
  const wizard = page.getByRole("dialog", { name: "Create Revision" });
  await wizard.getByRole("button", { name: "Advanced" }).click();
  await wizard.getByRole("button", { name: "Add" }).click();
  const env = wizard.getByRole("group", { name: /^Environment variable/ }).last();
  await env.getByLabel("Variable Key").fill("TARGET");
  await env.getByLabel("Value").fill("Knative on ASM");
  await wizard.getByRole("button", { name: "Next" }).click();
  await expect(wizard.getByLabel(`Percent for ${second}`)).toHaveValue("0");
  await expect(wizard.getByLabel(`Percent for ${first}`)).toHaveValue("100");
  await screen(page, "canary-01-new-revision-at-zero");
  await wizard.getByRole("button", { name: "Create" }).click();
  await expect(wizard).toBeHidden();
  const revisions = page.getByRole("region", { name: "Revision Information" });
  await expect(revisions.getByRole("row").filter({ hasText: second })).toContainText("Ready", { timeout: 15_000 });
  expect(pinnedSplit()).toEqual({ [first]: 100 });
  waitReady(service);
  expect(await twentyRequests()).toEqual({ "Hello World!": 20 });

  // 2. 50/50.
  let dialog = await openSplit(page);
  await percentBox(dialog, second).fill("50");
  await percentBox(dialog, first).fill("50");
  await expect(dialog.getByText("Total 100 %", { exact: true })).toBeVisible();
  await screen(page, "canary-02-fifty-fifty");
  await apply(page, dialog);
  await expect(revisions.getByRole("row").filter({ hasText: second })).toContainText("50%");
  expect(pinnedSplit()).toEqual({ [first]: 50, [second]: 50 });
  expect(await twentyRequests()).toEqual({ "Hello World!": 10, "Hello Knative on ASM!": 10 });

  // 3. Promote the canary to 100 %.
  dialog = await openSplit(page);
  await dialog.getByRole("button", { name: `Promote to 100 %: ${second}`, exact: true }).click();
  await expect(percentBox(dialog, second)).toHaveValue("100");
  await apply(page, dialog);
  await expect(revisions.getByRole("row").filter({ hasText: second })).toContainText("100%");
  expect(pinnedSplit()).toEqual({ [second]: 100 });
  expect(await twentyRequests()).toEqual({ "Hello Knative on ASM!": 20 });
  await screen(page, "canary-03-promoted");

  // 4. Roll back: all traffic to the previous ready revision.
  dialog = await openSplit(page);
  await dialog.getByRole("button", { name: `Roll back to ${first}` }).click();
  await expect(percentBox(dialog, first)).toHaveValue("100");
  await apply(page, dialog);
  await expect(revisions.getByRole("row").filter({ hasText: first })).toContainText("100%");
  expect(pinnedSplit()).toEqual({ [first]: 100 });
  expect(await twentyRequests()).toEqual({ "Hello World!": 20 });
  await screen(page, "canary-04-rolled-back");
});

async function splitInNewContext(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openServicePage(page);
  return { context, page, dialog: await openSplit(page) };
}

test("two people edit the same split at once: exactly one wins, the other is told", async ({ browser }) => {
  const before = getKnativeService(service).metadata.resourceVersion;
  const alice = await splitInNewContext(browser);
  const bob = await splitInNewContext(browser);
  try {
    // Alice moves to 50/50 and applies; Bob, still on the split he opened, promotes the canary.
    await percentBox(alice.dialog, second).fill("50");
    await percentBox(alice.dialog, first).fill("50");
    await apply(alice.page, alice.dialog);
    expect(pinnedSplit()).toEqual({ [first]: 50, [second]: 50 });

    await bob.dialog.getByRole("button", { name: `Promote to 100 %: ${second}`, exact: true }).click();
    await bob.dialog.getByRole("button", { name: "OK", exact: true }).click();
    await bob.dialog.getByRole("button", { name: "Apply split" }).click();
    await expect(bob.dialog.getByText("The Service changed since you opened this dialog")).toBeVisible();
    await screen(bob.page, "canary-05-conflict");
    // Nothing of Bob's reached the cluster.
    expect(pinnedSplit()).toEqual({ [first]: 50, [second]: 50 });
    expect(getKnativeService(service).metadata.resourceVersion).not.toBe(before);
    kubectl(["get", "ksvc", service]); // the Service is there and readable
  } finally {
    await alice.context.close();
    await bob.context.close();
  }
});
