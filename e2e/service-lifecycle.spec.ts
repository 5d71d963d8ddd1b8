// A Service's whole life in the console, end to end: created through the Create Service dialog
// (Knative's name rule checked before sending, then Ready on its page and in kubectl); a name
// already taken refused by the cluster at the Name field; a revision without traffic deleted
// after kubectl pins the traffic to a newer one, while the latest revision's Delete only says
// why it cannot; and the Service deleted by typing its name, after a change of its spec made
// meanwhile was caught (409) and looked at. The steps run in order on one Service, removed in afterAll.
// As the viewer, each of these actions is refused with the permission it lacks, and nothing changes.

import type { Locator, Page } from "@playwright/test";
import { type Actor, expect, test } from "./support/actor";
import { kubectl } from "./support/embedded-cluster";
import { createKnativeService, deleteKnativeService, getKnativeService, HELLO_IMAGE, uniqueName, waitReady } from "./support/knative-service";
import { expectActionRefused } from "./support/permissions-page";
import { screen } from "./support/screens";
import { LiveTraffic } from "./support/service-page";

test.describe.configure({ mode: "serial" });

const service = uniqueName("lifecycle");
const [first, second] = [`${service}-00001`, `${service}-00002`];
const servicesTab = (actor: Actor) => `/clusters/${actor.cluster}/knative?tab=services&namespace=default`;
const servicePage = (actor: Actor) => `/clusters/${actor.cluster}/knative/services/default/${service}`;

test.afterAll(() => deleteKnativeService(service));

/** The Service's revisions, by name, as the cluster has them now. */
function revisionNames(): string[] {
  const list = JSON.parse(kubectl(["get", "revisions", "-n", "default", "-l", `serving.knative.dev/service=${service}`, "-o", "json"]));
  return list.items.map((r: { metadata: { name: string } }) => r.metadata.name).sort();
}

/** Empty when the cluster has no such object (any more). */
const found = (kind: string, name: string) => kubectl(["get", kind, name, "-n", "default", "--ignore-not-found", "-o", "name"]).trim();

async function openCreateService(page: Page, actor: Actor): Promise<Locator> {
  await page.goto(servicesTab(actor));
  await expect(page.getByRole("table", { name: "Services" })).toBeVisible();
  await page.getByRole("button", { name: "Create Service" }).click();
  const dialog = page.getByRole("dialog", { name: "Create Service" });
  await expect(dialog.getByLabel("Name", { exact: true })).toBeFocused();
  return dialog;
}

const revisionRow = (page: Page, name: string) => page.getByRole("region", { name: "Revision Information" }).getByRole("row").filter({ hasText: name });

test.describe("as someone who may not change anything", () => {
  test.skip(({ actor }) => actor.mayChange, "the actions are tested below");

  test("Create Service, Delete Revision and Delete Service are refused with the permission each lacks", async ({ page, actor }) => {
    createKnativeService(service, { target: "one" });
    kubectl(["patch", "ksvc", service, "-n", "default", "--type", "merge", "-p", JSON.stringify({ spec: { template: { spec: { containers: [{ image: HELLO_IMAGE, env: [{ name: "TARGET", value: "two" }] }] } }, traffic: [{ revisionName: second, percent: 100 }] } })]);
    waitReady(service);
    const unchanged = () => ({ service: getKnativeService(service).metadata.resourceVersion, revisions: revisionNames() });

    await page.goto(servicesTab(actor));
    await expect(page.getByRole("link", { name: service, exact: true })).toBeVisible();
    await expectActionRefused(page, actor.user, "createService", { unchanged });

    await page.goto(servicePage(actor));
    await expect(revisionRow(page, second)).toContainText("100%");
    await expect(revisionRow(page, first)).toContainText("0%");
    await expectActionRefused(page, actor.user, "deleteRevision", { revision: first, unchanged });
    await expectActionRefused(page, actor.user, "deleteService", { unchanged });
    await screen(page, "service-lifecycle-00-refused");
    expect(revisionNames()).toEqual([first, second]);
  });
});

test.describe("the actions", () => {
  test.skip(({ actor }) => !actor.mayChange, "the viewer may take none: the refusals are tested above");

  test("a Service created through the dialog comes up Ready on its page", async ({ page, actor }) => {
    const dialog = await openCreateService(page, actor);
    await expect(dialog.getByLabel("Namespace", { exact: true })).toHaveValue("default");
    await expect(dialog.getByLabel("Container Port")).toHaveValue("8080");

    // Knative's name rule, in its own words, before anything is sent.
    const name = dialog.getByLabel("Name", { exact: true });
    await name.fill("My_Service");
    await name.press("Tab");
    await expect(name).toHaveAttribute("aria-invalid", "true");
    await expect(dialog).toContainText("not a DNS 1035 label");
    await screen(page, "service-lifecycle-01-create-bad-name");

    await name.fill(service);
    await expect(name).toHaveAttribute("aria-invalid", "false");
    await dialog.getByLabel("Image").fill(HELLO_IMAGE);
    await dialog.getByRole("button", { name: "Advanced" }).click();
    await dialog.getByRole("button", { name: "Add" }).click();
    const variable = dialog.getByRole("group", { name: "Environment variable 1" });
    await expect(variable.getByLabel("Variable Key")).toBeFocused();
    await variable.getByLabel("Variable Key").fill("TARGET");
    await variable.getByLabel("Value").fill("the console");
    await screen(page, "service-lifecycle-02-create");
    await dialog.getByLabel("Revision Name").scrollIntoViewIfNeeded();
    await expect(dialog.getByLabel("Revision Name")).toHaveAttribute("placeholder", first);
    await screen(page, "service-lifecycle-02b-create-advanced-end");

    await dialog.getByRole("button", { name: "Create", exact: true }).click();
    await expect(page).toHaveURL(servicePage(actor));
    await expect(page.getByRole("heading", { name: service, level: 1 })).toBeVisible();
    await expect(page.getByRole("region", { name: "Basic Information" })).toContainText(`http://${service}.default.example.com`);
    await expect(revisionRow(page, first)).toContainText("Ready");
    await expect(revisionRow(page, first)).toContainText("TARGET=the console");
    await expect(page.getByRole("region", { name: "Basic Information" }).getByText("Ready", { exact: true }).first()).toBeVisible();
    await screen(page, "service-lifecycle-03-created");

    waitReady(service);
    const created = JSON.parse(kubectl(["get", "ksvc", service, "-n", "default", "-o", "json"]));
    expect(created.spec.template.spec.containers[0]).toMatchObject({ image: HELLO_IMAGE, env: [{ name: "TARGET", value: "the console" }] });
    expect(created.status.latestReadyRevisionName).toBe(first);
  });

  test("a name already taken is refused at the Name field, and nothing changes", async ({ page, actor }) => {
    const before = getKnativeService(service).metadata;
    const dialog = await openCreateService(page, actor);
    await dialog.getByLabel("Name", { exact: true }).fill(service);
    await dialog.getByLabel("Image").fill("ghcr.io/knative/autoscale-go:latest");
    // Enter in a field submits, as in any form.
    await dialog.getByLabel("Image").press("Enter");
    const name = dialog.getByLabel("Name", { exact: true });
    await expect(name).toHaveAttribute("aria-invalid", "true");
    await expect(dialog.getByRole("alert")).toContainText("The name is taken");
    await expect(dialog).toContainText(`The name “${service}” is taken: namespace “default” already has a Service of that name.`);
    await expect(name).toBeFocused();
    await screen(page, "service-lifecycle-04-name-taken");

    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("button", { name: "Create Service" })).toBeFocused();
    expect(getKnativeService(service).metadata).toMatchObject({ generation: before.generation, resourceVersion: before.resourceVersion });
  });

  test("a revision without traffic is deleted; the latest one's Delete says why it cannot", async ({ page, actor }) => {
    // A second revision, then all the traffic pinned to it, both with kubectl.
    kubectl(["patch", "ksvc", service, "-n", "default", "--type", "merge", "-p", JSON.stringify({ spec: { template: { spec: { containers: [{ image: HELLO_IMAGE, env: [{ name: "TARGET", value: "second" }] }] } } } })]);
    kubectl(["wait", "--for=condition=Ready", `revision/${second}`, "-n", "default", "--timeout=60s"]);
    kubectl(["patch", "ksvc", service, "-n", "default", "--type", "merge", "-p", JSON.stringify({ spec: { traffic: [{ revisionName: second, percent: 100 }] } })]);
    waitReady(service);

    await page.goto(servicePage(actor));
    await expect(revisionRow(page, second)).toContainText("100%");
    await expect(revisionRow(page, first)).toContainText("0%");

    // The latest revision, with all the traffic: its Delete says why on hover, the dialog explains, and offers no Delete.
    await new LiveTraffic(page).settled();
    await revisionRow(page, second).getByRole("button", { name: `Delete ${second}` }).hover();
    await expect(page.getByRole("tooltip")).toContainText("Cannot be deleted now: it serves 100 % of the traffic");
    await revisionRow(page, second).getByRole("button", { name: `Delete ${second}` }).click();
    const dialog = page.getByRole("dialog", { name: "Delete Revision" });
    await expect(dialog.getByRole("alert")).toContainText(`${second} cannot be deleted now`);
    await expect(dialog).toContainText(`it serves 100 % of the traffic of ${service}; requests to it would fail`);
    await expect(dialog).toContainText("it is the latest revision; the Service would create it again");
    await expect(dialog.getByRole("button", { name: "Delete Revision" })).toHaveCount(0);
    await screen(page, "service-lifecycle-05-revision-refused");
    await dialog.getByRole("button", { name: "Close", exact: true }).last().click();
    await expect(dialog).toBeHidden();
    await expect(revisionRow(page, second).getByRole("button", { name: `Delete ${second}` })).toBeFocused();
    expect(revisionNames()).toEqual([first, second]);

    // The first one has nothing left on it: confirm, and it is gone.
    await revisionRow(page, first).getByRole("button", { name: `Delete ${first}` }).click();
    await expect(dialog).toContainText("Nothing routes to it");
    await screen(page, "service-lifecycle-06-revision-confirm");
    await dialog.getByRole("button", { name: "Delete Revision" }).click();
    await expect(dialog).toBeHidden();
    await expect(revisionRow(page, first)).toHaveCount(0);
    expect(found("revision", first)).toBe("");
    expect(revisionNames()).toEqual([second]);
  });

  test("the Service is deleted once its name is typed, after a change made meanwhile is looked at", async ({ page, actor }) => {
    await page.goto(servicePage(actor));
    await expect(revisionRow(page, second)).toContainText("Ready");
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Delete Service" });
    const goes = dialog.getByRole("list", { name: "Deleted with it" });
    await expect(goes.getByRole("listitem")).toHaveCount(3);
    await expect(goes.getByRole("listitem").filter({ hasText: "Configuration" })).toContainText(service);
    await expect(goes.getByRole("listitem").filter({ hasText: "Route" })).toContainText(`http://${service}.default.example.com stops answering`);
    await expect(goes.getByRole("listitem").filter({ hasText: "Revision" })).toContainText(second);

    const confirm = dialog.getByLabel("Type the name to confirm");
    const remove = dialog.getByRole("button", { name: "Delete Service" });
    await expect(confirm).toBeFocused();
    await expect(remove).toBeDisabled();
    await page.keyboard.type(`${service}x`);
    await expect(remove).toBeDisabled();
    await page.keyboard.press("Backspace");
    await expect(remove).toBeEnabled();
    await screen(page, "service-lifecycle-07-delete-service");

    // Someone changes the Service's spec while the dialog is open: the delete is refused, nothing goes.
    kubectl(["patch", "ksvc", service, "-n", "default", "--type", "merge", "-p", JSON.stringify({ spec: { traffic: [{ revisionName: second, percent: 100, tag: "touched" }] } })]);
    await confirm.press("Enter");
    await expect(dialog.getByRole("alert")).toContainText("The Service changed since you opened this dialog");
    await expect(remove).toBeDisabled();
    await screen(page, "service-lifecycle-08-delete-service-conflict");
    expect(found("ksvc", service)).not.toBe("");

    // Once Knative has settled the change and the page behind the dialog shows it (the modal hides
    // the page from the accessibility tree, hence CSS), look at it and delete.
    waitReady(service);
    await expect(page.locator('table[aria-label="Revisions"] tr', { hasText: second })).toContainText("touched");
    await dialog.getByRole("button", { name: "Show the current version" }).click();
    await expect(dialog.getByRole("status")).toContainText(`This is what ${service} has now`);
    await remove.click();
    await expect(page).toHaveURL(/\/knative\?tab=services&namespace=default$/);
    await expect(page.getByRole("table", { name: "Services" }).or(page.getByText("No Knative services"))).toBeVisible();
    await expect(page.getByRole("link", { name: service, exact: true })).toHaveCount(0);
    await screen(page, "service-lifecycle-09-deleted");

    await expect.poll(() => found("ksvc", service)).toBe("");
    await expect.poll(() => revisionNames()).toEqual([]);
    expect(found("configuration", service)).toBe("");
    expect(found("route", service)).toBe("");
  });
});
