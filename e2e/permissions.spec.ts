// The console as the embedded cluster's seeded identities, each a cluster of its own (their
// kubeconfig contexts): the viewer sees everything and may change nothing, every write action
// disabled with the permission it lacks, Live Traffic shown; the developer splits traffic and
// creates a revision in `default`, sees kubectl's changes there live, and may do nothing in
// another namespace. kubectl, as the admin, confirms nothing changed where the console refused.

import { expect, test } from "@playwright/test";
import { kubectl } from "./support/embedded-cluster";
import { DEVELOPER_CLUSTER, DEVELOPER_USER, VIEWER_CLUSTER, VIEWER_USER } from "./support/identities";
import { createKnativeService, deleteKnativeService, getKnativeService, uniqueName, waitReady } from "./support/knative-service";
import { expectActionRefused } from "./support/permissions-page";
import { screen } from "./support/screens";
import { LiveTraffic, ServicePage } from "./support/service-page";

const service = uniqueName("perms");
const first = `${service}-00001`;
const second = `${service}-00002`;
const otherNamespace = uniqueName("perms-ns");
const elsewhere = uniqueName("perms-other");
const KSVC = "services.serving.knative.dev";

test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  createKnativeService(service);
  kubectl(["create", "namespace", otherNamespace]);
  createKnativeService(elsewhere, { namespace: otherNamespace });
});

test.afterAll(() => {
  deleteKnativeService(service);
  kubectl(["delete", "namespace", otherNamespace, "--ignore-not-found", "--wait=false"]);
});

test("the viewer sees the Service and its live traffic; every change is disabled with the permission it lacks", async ({ page }) => {
  const before = getKnativeService(service).metadata.resourceVersion;
  const servicePage = await new ServicePage(page, service, "default", VIEWER_CLUSTER).open();
  await expect(servicePage.revisionRow(first)).toContainText("Ready");
  await expect(new LiveTraffic(page).root).toBeVisible();
  await expect(new LiveTraffic(page).root).not.toContainText("forbidden");

  await expectActionRefused(page, VIEWER_USER, "splitTraffic");
  await screen(page, "permissions-01-viewer-split-refused");
  await expectActionRefused(page, VIEWER_USER, "createRevision");
  await expectActionRefused(page, VIEWER_USER, "deleteService");
  await expectActionRefused(page, VIEWER_USER, "deleteRevision", { revision: first });
  await screen(page, "permissions-02-viewer-revision-delete-refused");

  // The viewer may change nothing, so there is nothing whose recording to warn about.
  await expect(page.getByText("Changes not recorded")).toHaveCount(0);
  expect(getKnativeService(service).metadata.resourceVersion).toBe(before);
});

test("the viewer's Services list: Create Service is disabled with its reason", async ({ page }) => {
  await page.goto(`/clusters/${VIEWER_CLUSTER}/knative?tab=services&namespace=default`);
  await expect(page.getByRole("link", { name: service, exact: true })).toBeVisible();
  await expectActionRefused(page, VIEWER_USER, "createService");
  await screen(page, "permissions-03-viewer-create-service-refused");
});

test("the developer splits traffic and creates a revision in default; its changes are said not to be recorded", async ({ page }) => {
  test.setTimeout(120_000);
  const servicePage = await new ServicePage(page, service, "default", DEVELOPER_CLUSTER).open();
  await expect(page.getByRole("button", { name: "Split Traffic" })).not.toHaveAttribute("aria-disabled", "true");
  // The developer's Role does not grant creating Events: the audit trail cannot be written.
  const unrecorded = page.getByText("Changes not recorded");
  await expect(unrecorded).toBeVisible();
  await unrecorded.locator("..").focus();
  await expect(page.getByRole("tooltip")).toContainText(`the cluster does not allow User "${DEVELOPER_USER}" to create events in namespace default`);
  await screen(page, "permissions-04-developer-unrecorded");

  const wizard = await servicePage.openCreateRevision();
  await wizard.addEnvironmentVariable("TARGET", "developer");
  await wizard.next();
  await wizard.create();
  await expect(servicePage.revisionRow(second)).toContainText("Ready", { timeout: 15_000 });

  const split = await servicePage.openSplitTraffic();
  await split.percent(second).fill("50");
  await split.percent(first).fill("50");
  await split.apply();
  await expect(servicePage.revisionRow(second)).toContainText("50%");
  const traffic = (getKnativeService(service).spec.traffic ?? []) as Array<{ revisionName?: string; percent?: number }>;
  expect(Object.fromEntries(traffic.map((t) => [t.revisionName, t.percent]))).toEqual({ [first]: 50, [second]: 50 });
  // Nothing was recorded for the developer; the changes went through all the same.
  expect(kubectl(["events", "-n", "default", "--for", `service.serving.knative.dev/${service}`])).not.toContain("TrafficSplitChanged");
});

test("the developer's console is live: a change made with kubectl shows without a reload", async ({ page }) => {
  await new ServicePage(page, service, "default", DEVELOPER_CLUSTER).open();
  kubectl(["patch", "ksvc", service, "--type", "merge", "-p", JSON.stringify({ spec: { traffic: [{ revisionName: first, percent: 100 }, { revisionName: second, percent: 0, tag: "live-check" }] } })]);
  await expect(new ServicePage(page, service).revisionRow(second)).toContainText("live-check");
  await expect(new ServicePage(page, service).revisionRow(first)).toContainText("100%");
  waitReady(service);
});

test("the developer's all-namespaces list shows default and says what it could not read", async ({ page }) => {
  await page.goto(`/clusters/${DEVELOPER_CLUSTER}/knative?tab=services&namespace=*`);
  await expect(page.getByRole("link", { name: service, exact: true })).toBeVisible();
  await expect(page.getByRole("note")).toContainText(`Showing namespace default only: ${KSVC} is forbidden: User "${DEVELOPER_USER}" cannot list resource "services"`);
  await expect(page.getByRole("link", { name: elsewhere, exact: true })).toHaveCount(0);
  await screen(page, "permissions-05-developer-all-namespaces");
});

test("the developer may not create a Service in another namespace, nor read the one there", async ({ page }) => {
  await page.goto(`/clusters/${DEVELOPER_CLUSTER}/knative?tab=services&namespace=${otherNamespace}`);
  await expectActionRefused(page, DEVELOPER_USER, "createService", { namespace: otherNamespace });
  await screen(page, "permissions-06-developer-other-namespace");
  const before = getKnativeService(elsewhere, otherNamespace).metadata.resourceVersion;
  await page.goto(`/clusters/${DEVELOPER_CLUSTER}/knative/services/${otherNamespace}/${elsewhere}`);
  await expect(page.getByText(`User "${DEVELOPER_USER}" cannot get resource "services"`)).toBeVisible();
  expect(getKnativeService(elsewhere, otherNamespace).metadata.resourceVersion).toBe(before);
});
