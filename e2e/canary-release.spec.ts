// The canary release, start to finish in the browser with no other tool: a new revision with
// TARGET=Knative on ASM at 0 %, then 50/50, then 100 %, then rolled back. At each step the page's
// Send requests panel sends 20 requests through the ingress gateway and shows the answers, and
// its Live Traffic shows where they went beside the configured split; kubectl checks the
// cluster's state independently. Then two people edit the same split at once: exactly one wins.
// As the viewer, who may change nothing, each step is refused with the reason and the admin takes
// it with kubectl: the viewer follows the release live and sees the same answers.

import type { Browser } from "@playwright/test";
import { type Actor, expect, test } from "./support/actor";
import { CanarySteps } from "./support/canary-steps";
import { answersOf } from "./support/gateway";
import { createKnativeService, deleteKnativeService, getKnativeService, uniqueName, waitReady } from "./support/knative-service";
import { screen } from "./support/screens";
import { SendRequestsPanel } from "./support/send-requests-panel";
import { LiveTraffic, ServicePage } from "./support/service-page";

const service = uniqueName("canary-walk");
const first = `${service}-00001`;
const second = `${service}-00002`;
const HOST = `${service}.default.example.com`;

test.beforeAll(() => createKnativeService(service));
test.afterAll(() => deleteKnativeService(service));
test.describe.configure({ mode: "serial" });

/** `curl -H "Host: …" http://gateway/` twenty times, as the walk-through does; answers counted by body. */
const twentyRequests = () => answersOf(HOST, 20);

/** Twenty requests from the page's Send requests panel (its default), answers counted by body. */
async function sendTwentyFromThePage(panel: SendRequestsPanel): Promise<Record<string, number>> {
  await panel.countMode(20);
  await panel.sendAndWait();
  return panel.answers();
}

/** Live Traffic shows each revision's observed share near its configured one, as configured. */
async function expectObserved(live: LiveTraffic, expected: Record<string, number>) {
  for (const [revision, percent] of Object.entries(expected)) {
    await expect(live.splitRow(revision)).toContainText("As configured");
    await expect.poll(() => live.observedPercent(revision)).toBeGreaterThanOrEqual(percent - 10);
    await expect.poll(() => live.observedPercent(revision)).toBeLessThanOrEqual(percent + 10);
  }
}

function pinnedSplit(): Record<string, number> {
  const traffic = (getKnativeService(service).spec.traffic ?? []) as Array<{ revisionName?: string; latestRevision?: boolean; percent?: number }>;
  return Object.fromEntries(traffic.filter((t) => (t.percent ?? 0) > 0).map((t) => [t.latestRevision ? "@latest" : t.revisionName!, t.percent!]));
}

test("a canary release: 0 %, 50/50, 100 %, rolled back", async ({ page, actor }) => {
  test.setTimeout(120_000);
  const servicePage = await new ServicePage(page, service, "default", actor.cluster).open();
  const steps = new CanarySteps(servicePage, actor);
  const panel = await new SendRequestsPanel(page).ready();
  const live = new LiveTraffic(page);
  // Counters read before the poller's first sample are its baseline: send after it.
  await expect(live.splitRow(first)).toBeVisible();
  expect(await sendTwentyFromThePage(panel)).toEqual({ "Hello World!": 20 });
  await expectObserved(live, { [first]: 100 });

  // 1. A new revision with TARGET=Knative on ASM, at 0 %.
  await steps.createRevision({ TARGET: "Knative on ASM" }, first, async (wizard) => {
    await expect(wizard.percent(second)).toHaveValue("0");
    await expect(wizard.percent(first)).toHaveValue("100");
    await screen(page, "canary-01-new-revision-at-zero");
  });
  await expect(servicePage.revisionRow(second)).toContainText("Ready", { timeout: 15_000 });
  expect(pinnedSplit()).toEqual({ [first]: 100 });
  waitReady(service);
  expect(await sendTwentyFromThePage(panel)).toEqual({ "Hello World!": 20 });
  await expectObserved(live, { [first]: 100 });

  // 2. 50/50.
  await steps.split({ [second]: 50, [first]: 50 }, async (split) => {
    await expect(split.root.getByText("Total 100 %", { exact: true })).toBeVisible();
    await screen(page, "canary-02-fifty-fifty");
  });
  await expect(servicePage.revisionRow(second)).toContainText("50%");
  expect(pinnedSplit()).toEqual({ [first]: 50, [second]: 50 });
  waitReady(service);
  await live.showsConfigured({ [first]: 50, [second]: 50 });
  expect(await sendTwentyFromThePage(panel)).toEqual({ "Hello World!": 10, "Hello Knative on ASM!": 10 });
  // The observed window starts after the split change: these 20 requests, 10 and 10.
  await expectObserved(live, { [first]: 50, [second]: 50 });
  // The stable revision's request counters: every request answered. (The canary was scaled to
  // zero before the split; the embedded gateway attributes requests served during its cold start
  // to no pod, so its counters can miss them.)
  await expect(live.healthRow(first)).toContainText("100 %");
  await screen(page, "canary-02b-fifty-fifty-live");

  // 3. Promote the canary to 100 %.
  await steps.promote(second);
  await expect(servicePage.revisionRow(second)).toContainText("100%");
  expect(pinnedSplit()).toEqual({ [second]: 100 });
  waitReady(service);
  await live.showsConfigured({ [second]: 100 });
  expect(await sendTwentyFromThePage(panel)).toEqual({ "Hello Knative on ASM!": 20 });
  await expectObserved(live, { [second]: 100 });
  await screen(page, "canary-03-promoted");

  // 4. Roll back: all traffic to the previous ready revision.
  await steps.rollBackTo(first);
  await expect(servicePage.revisionRow(first)).toContainText("100%");
  expect(pinnedSplit()).toEqual({ [first]: 100 });
  waitReady(service);
  expect(await twentyRequests()).toEqual({ "Hello World!": 20 });
  await screen(page, "canary-04-rolled-back");
});

async function splitInNewContext(browser: Browser, actor: Actor) {
  const context = await browser.newContext();
  const servicePage = await new ServicePage(await context.newPage(), service, "default", actor.cluster).open();
  return { context, page: servicePage.page, split: await servicePage.openSplitTraffic() };
}

test("two people edit the same split at once: exactly one wins, the other is told", async ({ browser, actor }) => {
  test.skip(!actor.mayChange, "the viewer may not edit the split; the test above checks that it is refused");
  // Two browser contexts, each loading the Service page with its live charts.
  test.setTimeout(120_000);
  const before = getKnativeService(service).metadata.resourceVersion;
  const alice = await splitInNewContext(browser, actor);
  const bob = await splitInNewContext(browser, actor);
  try {
    // Alice moves to 50/50 and applies; Bob, still on the split he opened, promotes the canary.
    await alice.split.percent(second).fill("50");
    await alice.split.percent(first).fill("50");
    await alice.split.apply();
    expect(pinnedSplit()).toEqual({ [first]: 50, [second]: 50 });

    await bob.split.promote(second);
    await bob.split.root.getByRole("button", { name: "OK", exact: true }).click();
    await bob.split.root.getByRole("button", { name: "Apply split" }).click();
    await expect(bob.split.root.getByText("The Service changed since you opened this dialog")).toBeVisible();
    await screen(bob.page, "canary-05-conflict");
    // Nothing of Bob's reached the cluster.
    expect(pinnedSplit()).toEqual({ [first]: 50, [second]: 50 });
    expect(getKnativeService(service).metadata.resourceVersion).not.toBe(before);
  } finally {
    await alice.context.close();
    await bob.context.close();
  }
});
