// The Create Revision wizard on the Service page, end to end: a canary revision with a new
// environment variable created at 0 % while the current revision keeps all traffic (pinned by
// name, checked with kubectl and through the gateway); Knative's refusal of a reserved variable
// name before anything is sent; a Service changed under the open wizard (409) and the retry
// against its current version, with a value taken from a ConfigMap; and the Secrets list the
// wizard reads, which carries names and keys but never a value. As the viewer, the wizard does not
// open (the button names the missing permission) and the Secrets are not theirs to list.

import type { Locator, Page } from "@playwright/test";
import { type Actor, expect, test } from "./support/actor";
import { kubectl } from "./support/embedded-cluster";
import { viaGateway } from "./support/gateway";
import { createKnativeService, deleteKnativeService, getKnativeService, HELLO_IMAGE, uniqueName } from "./support/knative-service";
import { expectActionRefused } from "./support/permissions-page";
import { screen } from "./support/screens";

function revisionsOf(service: string): Array<{ metadata: { name: string }; spec: { containers: Array<{ env?: unknown[] }> } }> {
  return JSON.parse(kubectl(["get", "revisions", "-n", "default", "-l", `serving.knative.dev/service=${service}`, "-o", "json"])).items;
}

async function openWizard(page: Page, service: string, actor: Actor): Promise<Locator> {
  await page.goto(`/clusters/${actor.cluster}/knative/services/default/${service}`);
  await expect(page.getByRole("heading", { name: service, level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Revision Information" }).getByRole("row").filter({ hasText: `${service}-00001` })).toContainText("Ready");
  await page.getByRole("button", { name: "Create Revision" }).click();
  const wizard = page.getByRole("dialog", { name: "Create Revision" });
  await expect(wizard.getByLabel("Image")).toHaveValue(HELLO_IMAGE);
  return wizard;
}

async function addEnvVar(wizard: Locator, name: string): Promise<Locator> {
  await wizard.getByRole("button", { name: "Add" }).click();
  const row = wizard.getByRole("group", { name: /^Environment variable/ }).last();
  await expect(row.getByLabel("Variable Key")).toBeFocused();
  await row.getByLabel("Variable Key").fill(name);
  return row;
}

const currentStep = (wizard: Locator) => wizard.getByRole("list", { name: "Steps" }).locator('[aria-current="step"]');

test.describe("as someone who may not change the Service", () => {
  test.skip(({ actor }) => actor.mayChange, "the wizard is tested below");

  test("Create Revision is refused with the missing permission, and nothing is created", async ({ page, actor }) => {
    const service = uniqueName("canary");
    createKnativeService(service);
    try {
      await page.goto(`/clusters/${actor.cluster}/knative/services/default/${service}`);
      await expect(page.getByRole("region", { name: "Revision Information" }).getByRole("row").filter({ hasText: `${service}-00001` })).toContainText("Ready");
      await expectActionRefused(page, actor.user, "createRevision", { unchanged: () => getKnativeService(service).metadata.resourceVersion });
      await screen(page, "create-revision-00-refused");
      expect(revisionsOf(service).map((r) => r.metadata.name)).toEqual([`${service}-00001`]);
    } finally {
      deleteKnativeService(service);
    }
  });
});

test.describe("the wizard", () => {
  test.skip(({ actor }) => !actor.mayChange, "the viewer may not open it: the refusal is tested above");

  test("a canary revision at 0 %: the current revision keeps 100 %, pinned by name", async ({ page, actor }) => {
    const service = uniqueName("canary");
    const [first, second] = [`${service}-00001`, `${service}-00002`];
    createKnativeService(service);
    try {
      const wizard = await openWizard(page, service, actor);
      await expect(currentStep(wizard)).toHaveText(/Basic Information/);
      await expect(wizard.getByLabel("Container Port")).toHaveValue("8080");
      await expect(wizard.getByRole("region", { name: "Changes" })).toContainText("None yet");
      await screen(page, "create-revision-01-basic");

      const advanced = wizard.getByRole("button", { name: "Advanced" });
      await expect(advanced).toHaveAttribute("aria-expanded", "false");
      await advanced.click();
      await expect(advanced).toHaveAttribute("aria-expanded", "true");
      await expect(wizard.getByLabel("Revision Name")).toHaveValue(second);
      await expect(wizard.getByLabel("Maximum Concurrent Requests")).toHaveValue("0");
      await expect(wizard.getByLabel("Timeout (seconds)")).toHaveValue("300");
      const row = await addEnvVar(wizard, "TARGET");
      await expect(row.getByLabel("Type")).toHaveValue("custom");
      await row.getByLabel("Value").fill("Knative on ASM");
      await expect(wizard.getByRole("region", { name: "Changes" })).toContainText("env TARGET: (unset) → Knative on ASM");
      await screen(page, "create-revision-02-advanced");
      await wizard.getByRole("region", { name: "Changes" }).scrollIntoViewIfNeeded();
      await screen(page, "create-revision-02b-advanced-end");

      await wizard.getByRole("button", { name: "Next" }).click();
      await expect(currentStep(wizard)).toHaveText(/Traffic Splitting Settings/);
      const split = wizard.getByRole("table", { name: "Traffic split" });
      await expect(split.getByRole("row").filter({ hasText: second })).toContainText("New");
      await expect(wizard.getByLabel(`Percent for ${second}`)).toHaveValue("0");
      await expect(wizard.getByLabel(`Percent for ${second}`)).toBeFocused();
      await expect(wizard.getByLabel(`Percent for ${first}`)).toHaveValue("100");
      await expect(wizard).toContainText(`${first} keeps 100 % — pinned by name, so the new revision starts with no traffic.`);
      await expect(wizard.getByRole("status")).toContainText("Total 100 %");
      await screen(page, "create-revision-03-traffic");

      // A split that does not add up is refused with the webhook's own words, and Create waits.
      const create = wizard.getByRole("button", { name: "Create" });
      await wizard.getByLabel(`Percent for ${second}`).fill("10");
      await expect(wizard.getByRole("status")).toContainText("Total 110 %");
      await expect(wizard.getByRole("status")).toContainText("Traffic targets sum to 110, want 100");
      await expect(create).toBeDisabled();
      await screen(page, "create-revision-04-sum-refused");
      await wizard.getByLabel(`Percent for ${second}`).fill("0");
      await expect(create).toBeEnabled();

      await create.click();
      await expect(wizard).toBeHidden();
      await expect(page.getByRole("status").filter({ hasText: `Revision ${second} is being created` })).toBeVisible();
      const revisions = page.getByRole("region", { name: "Revision Information" });
      await expect(revisions.getByRole("row").filter({ hasText: second })).toContainText("TARGET=Knative on ASM");
      await expect(revisions.getByRole("row").filter({ hasText: second })).toContainText("0%");
      await expect(revisions.getByRole("row").filter({ hasText: first })).toContainText("100%");
      await screen(page, "create-revision-05-created");

      expect(revisionsOf(service).map((r) => r.metadata.name).sort()).toEqual([first, second]);
      const svc = getKnativeService(service);
      expect(svc.spec.traffic).toEqual(
        expect.arrayContaining([
          { revisionName: first, latestRevision: false, percent: 100 },
          { revisionName: second, latestRevision: false, percent: 0 },
        ]),
      );
      expect(svc.spec.traffic).toHaveLength(2);
      expect(revisionsOf(service).find((r) => r.metadata.name === second)?.spec.containers[0]?.env).toEqual([{ name: "TARGET", value: "Knative on ASM" }]);

      kubectl(["wait", "--for=condition=Ready", `revision/${second}`, "-n", "default", "--timeout=60s"]);
      const answers = await Promise.all(Array.from({ length: 20 }, () => viaGateway(`${service}.default.example.com`)));
      expect(answers).toEqual(Array.from({ length: 20 }, () => ({ status: 200, body: "Hello World!\n" })));
    } finally {
      deleteKnativeService(service);
    }
  });

  test("a variable named PORT is refused with Knative's message, and nothing is created", async ({ page, actor }) => {
    const service = uniqueName("canary");
    createKnativeService(service);
    try {
      const generation = getKnativeService(service).metadata.generation;
      const wizard = await openWizard(page, service, actor);
      await wizard.getByRole("button", { name: "Advanced" }).click();
      const row = await addEnvVar(wizard, "PORT");
      await row.getByLabel("Value").fill("9000");
      await expect(row).toContainText('"PORT" is a reserved environment variable');
      await expect(row.getByLabel("Variable Key")).toHaveAttribute("aria-invalid", "true");

      await wizard.getByRole("button", { name: "Next" }).click();
      await expect(currentStep(wizard)).toHaveText(/Basic Information/);
      await expect(row.getByLabel("Variable Key")).toBeFocused();
      await screen(page, "create-revision-06-reserved-name");

      await wizard.getByRole("button", { name: "Cancel" }).click();
      await expect(wizard).toBeHidden();
      expect(revisionsOf(service).map((r) => r.metadata.name)).toEqual([`${service}-00001`]);
      expect(getKnativeService(service).metadata.generation).toBe(generation);
    } finally {
      deleteKnativeService(service);
    }
  });

  test("the wizard works with the keyboard alone", async ({ page, actor }) => {
    const service = uniqueName("canary");
    createKnativeService(service);
    try {
      await page.goto(`/clusters/${actor.cluster}/knative/services/default/${service}`);
      await expect(page.getByRole("region", { name: "Revision Information" }).getByRole("row").filter({ hasText: `${service}-00001` })).toContainText("Ready");
      const open = page.getByRole("button", { name: "Create Revision" });
      await open.focus();
      await page.keyboard.press("Enter");
      const wizard = page.getByRole("dialog", { name: "Create Revision" });
      await expect(wizard).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(wizard).toBeHidden();
      await expect(open).toBeFocused();

      await page.keyboard.press("Enter");
      await expect(wizard.getByLabel("Image")).toHaveValue(HELLO_IMAGE);
      await page.keyboard.press("Tab");
      await expect(wizard.getByLabel("Image")).toBeFocused();
      // Enter submits the step: on to the split, where the new revision's percent has the focus.
      await page.keyboard.press("Enter");
      await expect(currentStep(wizard)).toHaveText(/Traffic Splitting Settings/);
      await expect(wizard.getByLabel(`Percent for ${service}-00002`)).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(wizard).toBeHidden();
      expect(revisionsOf(service).map((r) => r.metadata.name).sort()).toEqual([`${service}-00001`, `${service}-00002`]);
    } finally {
      deleteKnativeService(service);
    }
  });

  test("a Service changed under the open wizard: 409, then Create against its current version", async ({ page, actor }) => {
    const service = uniqueName("canary");
    const config = uniqueName("greeting");
    createKnativeService(service);
    kubectl(["create", "configmap", config, "-n", "default", "--from-literal=target=from a ConfigMap"]);
    try {
      const wizard = await openWizard(page, service, actor);
      await wizard.getByRole("button", { name: "Advanced" }).click();
      const row = await addEnvVar(wizard, "TARGET");
      await row.getByLabel("Type").selectOption("configMap");
      await row.getByLabel("ConfigMap", { exact: true }).selectOption(config);
      // Its only key is chosen for the user.
      await expect(row.getByLabel("ConfigMap Key")).toHaveValue("target");
      await expect(wizard.getByRole("region", { name: "Changes" })).toContainText(`env TARGET: (unset) → configmap ${config}.target`);
      await wizard.getByRole("button", { name: "Next" }).click();
      await expect(currentStep(wizard)).toHaveText(/Traffic Splitting Settings/);

      // Someone else edits the spec (a tag on the split) meanwhile; a status or metadata change
      // alone would not count, as it changes nothing the wizard wrote against.
      kubectl(["patch", "ksvc", service, "-n", "default", "--type", "merge", "-p", JSON.stringify({ spec: { traffic: [{ latestRevision: true, percent: 100, tag: "touched" }] } })]);
      await wizard.getByRole("button", { name: "Create" }).click();
      await expect(wizard.getByRole("alert")).toContainText("The Service changed since you opened this wizard");
      await expect(wizard.getByRole("button", { name: "Create" })).toBeDisabled();
      await screen(page, "create-revision-07-conflict");
      expect(revisionsOf(service)).toHaveLength(1);

      await wizard.getByRole("button", { name: "Use the current version" }).click();
      await expect(wizard.getByText(`Now based on the current version of ${service}`)).toBeVisible();
      await expect(wizard.getByRole("region", { name: "Changes" })).toContainText(`env TARGET: (unset) → configmap ${config}.target`);
      await wizard.getByRole("button", { name: "Create" }).click();
      await expect(wizard).toBeHidden();

      const created = revisionsOf(service).find((r) => r.metadata.name === `${service}-00002`);
      expect(created?.spec.containers[0]?.env).toEqual([{ name: "TARGET", valueFrom: { configMapKeyRef: { name: config, key: "target" } } }]);
      // The other person's edit is still there: nothing was overwritten.
      expect(kubectl(["get", "ksvc", service, "-n", "default", "-o", "jsonpath={.spec.traffic[*].tag}"])).toContain("touched");
    } finally {
      deleteKnativeService(service);
      kubectl(["delete", "configmap", config, "-n", "default", "--ignore-not-found"]);
    }
  });

  test("a revision deleted under the open wizard: the server's refusal is shown next to its row", async ({ page, actor }) => {
    const service = uniqueName("canary");
    const [first, second, third] = [1, 2, 3].map((n) => `${service}-0000${n}`) as [string, string, string];
    createKnativeService(service, { target: "one" });
    createKnativeService(service, { target: "two" });
    try {
      const wizard = await openWizard(page, service, actor);
      await wizard.getByRole("button", { name: "Next" }).click();
      await expect(wizard.getByLabel(`Percent for ${third}`)).toHaveValue("0");
      await expect(wizard.getByLabel(`Percent for ${second}`)).toHaveValue("100");
      await expect(wizard.getByLabel(`Percent for ${first}`)).toHaveValue("0");
      await wizard.getByLabel(`Percent for ${second}`).fill("90");
      await wizard.getByLabel(`Percent for ${first}`).fill("10");

      // Deleting a revision leaves the Service's resourceVersion as it was: no conflict, a refusal.
      kubectl(["delete", "revision", first, "-n", "default"]);
      await wizard.getByRole("button", { name: "Create" }).click();
      await expect(wizard.getByRole("alert")).toContainText("The revision was not created");
      await expect(wizard.getByRole("alert")).toContainText(`Service "${service}" has no revision "${first}"`);
      const firstRow = wizard.getByRole("table", { name: "Traffic split" }).getByRole("row").filter({ hasText: first });
      await expect(firstRow).toContainText(`Service "${service}" has no revision "${first}"`);
      await expect(wizard.getByLabel(`Percent for ${first}`)).toHaveAttribute("aria-invalid", "true");
      await screen(page, "create-revision-08-refused");

      await wizard.getByLabel(`Percent for ${first}`).fill("0");
      await expect(wizard.getByRole("alert")).toHaveCount(0);
      await wizard.getByLabel(`Percent for ${second}`).fill("100");
      await wizard.getByRole("button", { name: "Create" }).click();
      await expect(wizard).toBeHidden();
      expect(revisionsOf(service).map((r) => r.metadata.name).sort()).toEqual([second, third]);
    } finally {
      deleteKnativeService(service);
    }
  });
});

test("the Secrets the wizard offers carry names and keys, never values", async ({ request, actor }) => {
  const secret = uniqueName("db");
  const value = `never-show-${secret}`;
  kubectl(["create", "secret", "generic", secret, "-n", "default", `--from-literal=password=${value}`]);
  try {
    const response = await request.get(`/api/clusters/${actor.cluster}/namespaces/default/secrets`);
    const text = await response.text();
    if (actor.name === "viewer") {
      // Kubernetes' view role leaves Secrets out: the cluster's refusal, and nothing of them.
      expect(response.status()).toBe(403);
      expect(JSON.parse(text).message).toContain(`secrets is forbidden: User "${actor.user}" cannot list resource "secrets"`);
    } else {
      expect(response.ok()).toBe(true);
      expect(JSON.parse(text).items).toContainEqual({ name: secret, keys: ["password"] });
    }
    expect(text).not.toContain(value);
    expect(text).not.toContain(Buffer.from(value).toString("base64"));
  } finally {
    kubectl(["delete", "secret", secret, "-n", "default", "--ignore-not-found"]);
  }
});
