// Every page in Chromium under the console's Content-Security-Policy (a nonce per request,
// 'strict-dynamic'): no violation, reported by the page (securitypolicyviolation) or by
// Chromium's console, while the app does what it does: lazy chunks load (dialogs, the YAML
// view), a toast injects its styles, live updates arrive over the event stream; as the viewer,
// the refusals' hints show instead of the dialogs.

import type { Page } from "@playwright/test";
import { expect, test } from "./support/actor";
import { kubectl } from "./support/embedded-cluster";
import { createKnativeService, deleteKnativeService, uniqueName, waitReady, HELLO_IMAGE } from "./support/knative-service";
import { pagePaths } from "./support/console-paths";
import { expectActionRefused } from "./support/permissions-page";
import { ServicePage } from "./support/service-page";

const service = uniqueName("csp");
const first = `${service}-00001`;
const second = `${service}-00002`;

test.beforeAll(() => {
  createKnativeService(service, { target: "one" });
  kubectl(["patch", "ksvc", service, "--type", "merge", "-p", JSON.stringify({ spec: { template: { spec: { containers: [{ image: HELLO_IMAGE, env: [{ name: "TARGET", value: "two" }] }] } } } })]);
  waitReady(service);
});
test.afterAll(() => deleteKnativeService(service));

interface Watched {
  violations(): Promise<string[]>;
}

/** Records every CSP violation the page sees, and every console message Chromium writes about one. */
async function watchViolations(page: Page): Promise<Watched> {
  const fromConsole: string[] = [];
  page.on("console", (message) => {
    if (/content security policy|refused to (load|execute|apply|connect|frame)/i.test(message.text())) fromConsole.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => fromConsole.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`));
  });
  return {
    async violations() {
      const inPage = await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []).catch(() => []);
      return [...fromConsole, ...inPage];
    },
  };
}

/** The page's document carries a nonce policy, and every script element the server sent carries that nonce. */
async function expectNoncedDocument(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  const csp = response?.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce, `${path}: ${csp}`).toBeTruthy();
  expect(csp).toContain("'strict-dynamic'");
  const tags = (await response!.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  // Scripts the page adds later (chunks) need no nonce: 'strict-dynamic' trusts what trusted scripts load.
  expect(tags.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
}

test("every page renders under the CSP, each with its own nonce, and nothing is blocked", async ({ page, actor }) => {
  test.setTimeout(150_000);
  const watched = await watchViolations(page);
  const values = { cluster: actor.cluster, namespace: "default", name: service, revision: first };
  const pages = pagePaths(values).map((p) => p.path);
  expect(pages.length).toBeGreaterThan(4);
  for (const path of [...pages, `/clusters/${actor.cluster}/knative?tab=components`, "/no-such-page"]) {
    await expectNoncedDocument(page, path);
    // Hydration and the chunks it loads come after the load event.
    await page.waitForTimeout(500);
  }
  await expect(page.getByText("This page does not exist")).toBeVisible();
  expect(await watched.violations()).toEqual([]);
});

test("the app still works under the CSP: dialogs, lazy chunks, a toast, live updates", async ({ page, actor }) => {
  test.setTimeout(150_000);
  const watched = await watchViolations(page);

  await page.goto(`/clusters/${actor.cluster}/knative?tab=services&namespace=default`);
  await expect(page.getByRole("table", { name: "Services" })).toBeVisible();
  if (actor.mayChange) {
    await page.getByRole("button", { name: "Create Service" }).click();
    const create = page.getByRole("dialog", { name: "Create Service" });
    await expect(create).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(create).toBeHidden();
  } else {
    await expectActionRefused(page, actor.user, "createService");
  }

  const servicePage = await new ServicePage(page, service, "default", actor.cluster).open();
  if (actor.mayChange) {
    const wizard = await servicePage.openCreateRevision();
    await wizard.root.getByRole("button", { name: "Cancel" }).click();
    await expect(wizard.root).toBeHidden();

    await page.getByRole("button", { name: "Delete", exact: true }).click();
    const remove = page.getByRole("dialog", { name: "Delete Service" });
    await expect(remove).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(remove).toBeHidden();

    // A split applied from the dialog: its toast injects sonner's <style> element.
    const split = await servicePage.openSplitTraffic();
    await split.promote(first);
    await split.apply();
  } else {
    // The refusals' hints, each a tooltip drawn where the dialog would have opened.
    for (const action of ["createRevision", "deleteService", "splitTraffic"] as const) await expectActionRefused(page, actor.user, action);
    kubectl(["patch", "ksvc", service, "--type", "merge", "-p", JSON.stringify({ spec: { traffic: [{ revisionName: first, percent: 100 }] } })]);
  }
  await expect(servicePage.revisionRow(first)).toContainText("100%");

  // A change made with kubectl arrives over the event stream.
  kubectl(["patch", "ksvc", service, "--type", "merge", "-p", JSON.stringify({ spec: { traffic: [{ latestRevision: true, percent: 100 }] } })]);
  await expect(servicePage.revisionRow(second)).toContainText("100%", { timeout: 5_000 });

  await page.goto(`/clusters/${actor.cluster}/knative/services/default/${service}/revisions/${first}`);
  await page.getByRole("button", { name: "Show YAML" }).click();
  await expect(page.getByLabel("Revision YAML")).toContainText("kind: Revision");

  expect(await watched.violations()).toEqual([]);
});

test("injected code does not run, and the watcher above sees it", async ({ page }) => {
  const watched = await watchViolations(page);
  await page.goto("/clusters");
  await expect(page.getByRole("table", { name: "Clusters" })).toBeVisible();
  // What injected markup would carry: an inline event handler and a javascript: link. (A script
  // element that running code creates would run: 'strict-dynamic' trusts it, which is how Next
  // loads its chunks; markup cannot create one that runs.)
  await page.evaluate(() => {
    document.body.insertAdjacentHTML(
      "beforeend",
      `<img alt="" src="data:,not-an-image" onerror="window.__injected = 'handler'"><a id="injected" href="javascript:window.__injected = 'link'">x</a>`,
    );
  });
  await page.locator("#injected").click();
  await expect.poll(async () => (await watched.violations()).filter((v) => /script-src-(attr|elem) blocked inline/.test(v)).length).toBeGreaterThanOrEqual(2);
  expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
});
