// The live request distribution, as a user watches it during a canary: traffic through the
// ingress gateway shows up per revision beside the configured split; a failing canary shows its
// success rate fall; the figures change in place, moving nothing around them; traffic that
// bypasses the split is flagged as drift; when traffic stops the rates fall to zero and, after
// the scale-to-zero grace period, the pods go too.

import { expect, test } from "./support/actor";
import { kubectl } from "./support/embedded-cluster";
import { viaGateway } from "./support/gateway";
import { createKnativeService, deleteKnativeService, HELLO_IMAGE, uniqueName, waitReady } from "./support/knative-service";
import { LayoutShifts } from "./support/layout-shifts";
import { screen } from "./support/screens";
import { LiveTraffic, ServicePage } from "./support/service-page";

const service = uniqueName("live");
const stable = `${service}-00001`;
const canary = `${service}-00002`;
const HOST = `${service}.default.example.com`;

test.describe.configure({ mode: "serial" });
test.beforeAll(() => {
  createKnativeService(service);
  // The canary fails one request in two (the embedded cluster's failure injection), at 50 %.
  const patch = {
    spec: {
      template: { spec: { containers: [{ image: HELLO_IMAGE, env: [{ name: "TARGET", value: "Knative on ASM" }, { name: "ERROR_RATE", value: "0.5" }] }] } },
      traffic: [
        { revisionName: stable, percent: 50 },
        { latestRevision: true, percent: 50 },
      ],
    },
  };
  kubectl(["patch", "ksvc", service, "--type", "merge", "-p", JSON.stringify(patch)]);
  waitReady(service);
});
test.afterAll(() => deleteKnativeService(service));

/** `count` requests to `host`, `gapMs` apart, as steady test traffic. */
async function send(host: string, count: number, gapMs = 20): Promise<void> {
  for (let i = 0; i < count; i++) {
    await viaGateway(host);
    await new Promise((r) => setTimeout(r, gapMs));
  }
}

test("50/50 traffic shows both revisions near 50 %, with the canary's failures in its success rate", async ({ page, actor }) => {
  await new ServicePage(page, service, "default", actor.cluster).open();
  const live = new LiveTraffic(page);
  await expect(live.root.getByText("Live, every second")).toBeVisible();
  // Counters read before the poller's first sample are its baseline: send after it.
  await expect(live.splitRow(stable)).toBeVisible();

  await send(HOST, 40);
  await expect(live.splitRow(stable)).toContainText("As configured");
  await expect(live.splitRow(canary)).toContainText("As configured");
  for (const revision of [stable, canary]) {
    const observed = await live.observedPercent(revision);
    expect(observed).toBeGreaterThanOrEqual(40);
    expect(observed).toBeLessThanOrEqual(60);
  }
  await expect(live.root.getByText(/\d+ requests over the last \d+ s/)).toBeVisible();
  await expect(live.healthRow(stable)).toContainText("100 %");
  // One request in two fails on the canary (ERROR_RATE=0.5): its success rate is about half.
  await expect.poll(async () => Number(/(\d+(?:\.\d+)?) %/.exec(await live.healthRow(canary).innerText())?.[1] ?? NaN)).toBeGreaterThanOrEqual(40);
  await expect.poll(async () => Number(/(\d+(?:\.\d+)?) %/.exec(await live.healthRow(canary).innerText())?.[1] ?? NaN)).toBeLessThanOrEqual(60);
  await expect(live.chart("Requests per second")).toBeVisible();
  await expect(live.chart("Success rate")).toBeVisible();
  await screen(page, "live-traffic-50-50");
});

test("the live figures change in place: nothing around them moves while they update", async ({ page, actor }) => {
  // Tall enough that the whole section is in view: Chromium only counts shifts of what is visible.
  await page.setViewportSize({ width: 1280, height: 1600 });
  const shifts = await LayoutShifts.record(page);
  await new ServicePage(page, service, "default", actor.cluster).open();
  const live = new LiveTraffic(page);
  await live.settled();
  await send(HOST, 40);
  await expect(live.splitRow(stable)).toContainText("As configured");
  await expect(live.splitRow(canary)).toContainText("As configured");
  await expect(live.healthRow(canary)).toBeVisible();

  const from = await shifts.count();
  // More traffic while the figures redraw each second: counts, shares, success rates, latencies.
  const sending = send(HOST, 60, 60);
  const note = live.root.getByText(/\d+ requests over the last \d+ s/);
  const notesSeen = new Set<string>();
  await expect
    .poll(
      async () => {
        notesSeen.add((await note.textContent()) ?? "");
        return notesSeen.size;
      },
      { timeout: 20_000 },
    )
    .toBeGreaterThanOrEqual(4);
  await sending;
  expect(await shifts.since(from)).toEqual([]);
});

test("traffic that bypasses the split is flagged as drift, and says by how much", async ({ page, actor }) => {
  await new ServicePage(page, service, "default", actor.cluster).open();
  const live = new LiveTraffic(page);
  // Requests straight to the canary's own host skip the Route's split, as a client calling
  // `<revision>.<namespace>.svc.cluster.local` would.
  // The window may still hold the test before's even requests: enough direct ones to tip it
  // well past what noise explains.
  await send(HOST, 30);
  await send(`${canary}.default.svc.cluster.local`, 80);
  await expect(live.splitRow(canary)).toContainText(/Drift: \+\d+(\.\d)? pts/);
  await expect(live.splitRow(stable)).toContainText(/Drift: −\d+(\.\d)? pts/);
  await screen(page, "live-traffic-drift");
});

test("when traffic stops the rates fall to zero and, after the grace period, the pods go", async ({ page, actor }) => {
  test.setTimeout(120_000);
  await new ServicePage(page, service, "default", actor.cluster).open();
  const live = new LiveTraffic(page);
  await expect(live.chart("Requests per second")).toBeVisible();
  // While steady traffic flows (about 5 s of it), the chart's latest second shows it.
  await Promise.all([send(HOST, 80, 60), expect(live.chart("Requests per second")).toHaveAccessibleName(new RegExp(`${stable} [1-9]`))]);
  await expect(live.chart("Requests per second")).toHaveAccessibleName(`Requests per second: ${stable} 0 req/s, ${canary} 0 req/s`, { timeout: 10_000 });
  // The embedded cluster's scale-to-zero grace period is Knative's default, 30 s.
  await expect(live.root.getByRole("status")).toHaveText(/Scaled to zero/, { timeout: 75_000 });
  await expect(live.chart("Ready pods")).toHaveAccessibleName(`Ready pods: ${stable} 0, ${canary} 0`);
  await screen(page, "live-traffic-scaled-to-zero");
});
