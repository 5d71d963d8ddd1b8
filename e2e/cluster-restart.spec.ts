// The embedded cluster stops under an open page and comes back: the banner says so within two
// seconds, then goes away by itself, and the page is live again: for the developer too, whose
// live updates are per-namespace watches that must come back as well.

import { expect, test } from "./support/actor";
import { kubectl, readClusterState, startEmbeddedCluster, stopEmbeddedCluster } from "./support/embedded-cluster";
import { createKnativeService, deleteKnativeService, uniqueName } from "./support/knative-service";
import { screen } from "./support/screens";

const service = uniqueName("restart");
test.beforeAll(() => createKnativeService(service));
test.afterAll(() => deleteKnativeService(service));

test("a banner while the cluster is down, and recovery without a reload", async ({ page, actor }) => {
  await page.goto(`/clusters/${actor.cluster}/knative/services/default/${service}`);
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  const banner = page.getByRole("alert").filter({ hasText: "is not reachable" });
  await expect(banner).toHaveCount(0);

  const before = readClusterState();
  await stopEmbeddedCluster(before);
  await expect(banner).toBeVisible({ timeout: 2_000 });
  await expect(banner).toContainText("connection refused");
  await expect(page.getByText("Offline", { exact: true })).toBeVisible();
  // The last known state stays on screen.
  await expect(page.getByRole("heading", { name: service, level: 1 })).toBeVisible();
  await screen(page, "07-cluster-down");

  await startEmbeddedCluster({ apiPort: before.apiPort, gatewayPort: before.gatewayPort });
  await expect(banner).toHaveCount(0, { timeout: 10_000 });
  await expect(page.getByText("Live", { exact: true })).toBeVisible();

  // Live again: a change made now shows up without a reload.
  kubectl(["patch", "ksvc", service, "--type", "merge", "-p", JSON.stringify({ spec: { traffic: [{ latestRevision: true, percent: 100, tag: "current" }] } })]);
  const first = page.getByRole("region", { name: "Revision Information" }).getByRole("row").filter({ hasText: `${service}-00001` });
  await expect(first).toContainText(`http://current-${service}.default.example.com`, { timeout: 3_000 });
  kubectl(["patch", "ksvc", service, "--type", "merge", "-p", JSON.stringify({ spec: { traffic: [{ latestRevision: true, percent: 100 }] } })]);
  await expect(first).not.toContainText(`current-${service}`, { timeout: 3_000 });
});

test("a cluster that hangs (accepts connections, never answers) is reported too", async ({ page, actor }) => {
  await page.goto(`/clusters/${actor.cluster}/knative?tab=services&namespace=default`);
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  const banner = page.getByRole("alert").filter({ hasText: "is not reachable" });
  const { pid } = readClusterState();
  process.kill(-pid, "SIGSTOP");
  try {
    await expect(banner).toBeVisible({ timeout: 2_500 });
    await expect(banner).toContainText("no answer in time");
  } finally {
    process.kill(-pid, "SIGCONT");
  }
  await expect(banner).toHaveCount(0, { timeout: 10_000 });
  await expect(page.getByRole("table", { name: "Services" }).getByRole("row").filter({ hasText: service })).toBeVisible();
});
