// The canary walk-through's path: Clusters → the embedded cluster → Knative → Services →
// helloworld-go → Revision Information → helloworld-go-00001 (100 %) → its details. The developer,
// whose rights end at `default`, finds Knative's version and components not theirs to read, and
// is told so in the cluster's words.

import { expect, test } from "./support/actor";
import { screen } from "./support/screens";
import { LiveTraffic } from "./support/service-page";

test("from Clusters to the details of helloworld-go-00001", async ({ page, actor }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Clusters", level: 1 })).toBeVisible();

  const clusters = page.getByRole("table", { name: "Clusters" });
  const embedded = clusters.getByRole("row").filter({ hasText: actor.clusterName }).first();
  await expect(embedded).toContainText("Reachable");
  await expect(embedded).toContainText("v1.32.0");
  await expect(embedded).toContainText(actor.readsEverything ? "1.23.0" : "installed (version unknown)");
  const offline = clusters.getByRole("row").filter({ hasText: "lab-offline" });
  await expect(offline).toContainText("Unreachable");
  await expect(offline).toContainText("connection refused");
  await screen(page, "01-clusters");

  await embedded.getByRole("link", { name: actor.clusterName, exact: true }).click();
  await expect(page.getByRole("heading", { name: "Knative", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText(actor.clusterName);

  await page.getByRole("tab", { name: "Components" }).click();
  if (actor.readsEverything) {
    const components = page.getByRole("table", { name: "Components" });
    await expect(components.getByRole("row").filter({ hasText: "controller" }).first()).toContainText("Ready");
    await expect(page.getByText("Knative Serving 1.23.0 is installed.")).toBeVisible();
    const gateway = components.getByRole("row").filter({ has: page.getByRole("cell", { name: "Gateway", exact: true }) });
    await expect(gateway).toContainText("kourier-system");
    await expect(gateway).toContainText(/127\.0\.0\.1:\d+/);
  } else {
    await expect(page.getByText(`User "${actor.user}" cannot list resource "deployments" in API group "apps" in the namespace "knative-serving"`)).toBeVisible();
  }
  await screen(page, "02-components");

  await page.getByRole("tab", { name: "Services" }).click();
  await expect(page).toHaveURL(/tab=services/);
  const services = page.getByRole("table", { name: "Services" });
  const row = services.getByRole("row").filter({ hasText: "helloworld-go" });
  await expect(row).toContainText("Ready");
  await expect(row).toContainText("http://helloworld-go.default.example.com");
  await expect(row).toContainText(/127\.0\.0\.1:\d+/);
  await screen(page, "03-services");

  await row.getByRole("link", { name: "helloworld-go", exact: true }).click();
  await expect(page.getByRole("heading", { name: "helloworld-go", level: 1 })).toBeVisible();
  await expect(page.getByRole("table", { name: "Service conditions" })).toContainText("ConfigurationsReady");

  const revisions = page.getByRole("region", { name: "Revision Information" });
  const first = revisions.getByRole("row").filter({ hasText: "helloworld-go-00001" });
  await expect(first).toContainText("100%");
  await expect(first).toContainText("helloworld-go:latest");
  // The full image reference is on hover (once Live Traffic, above, has drawn and moves the row no more).
  await new LiveTraffic(page).settled();
  await first.getByText("helloworld-go:latest").hover();
  await expect(page.getByRole("tooltip")).toHaveText("ghcr.io/knative/helloworld-go:latest");
  await expect(first).toContainText("Ready");
  await screen(page, "04-service");

  await first.getByRole("link", { name: "helloworld-go-00001" }).click();
  await expect(page.getByRole("heading", { name: "helloworld-go-00001", level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Basic Information" })).toContainText("100%");
  await expect(page.getByRole("region", { name: "Containers" })).toContainText("ghcr.io/knative/helloworld-go");
  await expect(page.getByRole("table", { name: "Revision conditions" })).toContainText("ContainerHealthy");
  await expect(page.getByRole("region", { name: "Labels" })).toContainText("serving.knative.dev/service");
  // The YAML view and its library load only when asked for (components/revisions/lazy-yaml-view.tsx).
  await expect(page.getByLabel("Revision YAML")).toHaveCount(0);
  const showYaml = page.getByRole("button", { name: "Show YAML" });
  await expect(showYaml).toHaveAttribute("aria-expanded", "false");
  await showYaml.click();
  await expect(page.getByLabel("Revision YAML")).toContainText("kind: Revision");
  await expect(page.getByRole("button", { name: "Hide YAML" })).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("button", { name: "Copy YAML" })).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download" }).click();
  expect((await download).suggestedFilename()).toBe("helloworld-go-00001.yaml");
  await screen(page, "05-revision");
});

test("the pages are usable with the keyboard alone", async ({ page, actor }) => {
  await page.goto("/clusters");
  await page.getByRole("link", { name: "Skip to content" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  const link = page.getByRole("table", { name: "Clusters" }).getByRole("link", { name: actor.clusterName, exact: true });
  await link.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Knative", level: 1 })).toBeVisible();
  await page.getByRole("tab", { name: "Services" }).focus();
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByRole("tab", { name: "Components" })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: "Services" })).toHaveAttribute("aria-selected", "true");
  // Sorting from the keyboard.
  await page.getByRole("button", { name: "Name" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("columnheader", { name: "Name" })).toHaveAttribute("aria-sort", "descending");
  // And into a service.
  await page.getByRole("table", { name: "Services" }).getByRole("link", { name: "helloworld-go", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "helloworld-go", level: 1 })).toBeVisible();
});
