// The designed states: empty, loading, not found, unreachable, and no credential anywhere; for
// someone whose rights end at one namespace, another namespace says so instead of looking empty.

import { expect, test } from "./support/actor";
import { kubectl } from "./support/embedded-cluster";
import { screen } from "./support/screens";
import { OFFLINE_CONTEXT, OFFLINE_TOKEN } from "./support/user-kubeconfig";

test("a namespace without services shows the empty state, and the filters live in the URL", async ({ page, actor }) => {
  kubectl(["apply", "-f", "-"], "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: e2e-empty\n");
  if (actor.readsEverything) {
    await page.goto(`/clusters/${actor.cluster}/knative?tab=services`);
    await page.getByLabel("Namespace").selectOption("e2e-empty");
    await expect(page).toHaveURL(/namespace=e2e-empty/);
    await expect(page.getByText("No Knative services", { exact: true })).toBeVisible();
    await expect(page.getByText("There are no Knative services in namespace “e2e-empty”.")).toBeVisible();
  } else {
    // Not offered in the selector (the namespaces are not theirs to list); opened by its URL, the
    // namespace is refused in the cluster's words, not shown as empty.
    await page.goto(`/clusters/${actor.cluster}/knative?tab=services`);
    await expect(page.getByLabel("Namespace").locator("option", { hasText: "e2e-empty" })).toHaveCount(0);
    await page.goto(`/clusters/${actor.cluster}/knative?tab=services&namespace=e2e-empty`);
    await expect(page.getByText(`User "${actor.user}" cannot list resource "services" in API group "serving.knative.dev" in the namespace "e2e-empty"`)).toBeVisible();
    await expect(page.getByText("No Knative services", { exact: true })).toHaveCount(0);
  }
  await screen(page, "08-empty");

  await page.getByLabel("Namespace").selectOption({ label: "All namespaces" });
  await expect(page).toHaveURL(/namespace=all/);
  await page.getByLabel("Search by name").fill("no-such-service");
  await expect(page.getByText("No services match “no-such-service”")).toBeVisible();
  await expect(page).toHaveURL(/q=no-such-service/);
  await page.reload();
  const panel = page.getByRole("tabpanel", { name: "Services" });
  await expect(panel.getByLabel("Search by name")).toHaveValue("no-such-service");
  await expect(panel.getByText("No services match “no-such-service”")).toBeVisible();
});

test("sorting by a column is kept in the URL", async ({ page, actor }) => {
  await page.goto(`/clusters/${actor.cluster}/knative?tab=services&namespace=all`);
  await page.getByRole("button", { name: "Creation Time" }).click();
  await expect(page).toHaveURL(/sort=created/);
  await expect(page.getByRole("columnheader", { name: "Creation Time" })).toHaveAttribute("aria-sort", "ascending");
  await page.getByRole("button", { name: "Creation Time" }).click();
  await expect(page.getByRole("columnheader", { name: "Creation Time" })).toHaveAttribute("aria-sort", "descending");
});

test("loading skeletons while the cluster answers slowly", async ({ page, actor }) => {
  // A namespace the actor may read, other than the one the page opens on.
  const [from, to] = actor.readsEverything ? ["default", "kube-system"] : ["all", "default"];
  await page.goto(`/clusters/${actor.cluster}/knative?tab=services&namespace=${from}`);
  await expect(page.getByRole("table", { name: "Services" })).toBeVisible();
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/api/clusters/${actor.cluster}/services?namespace=${to}`, async (route) => {
    await held;
    await route.continue();
  });
  await page.getByLabel("Namespace").selectOption(to);
  await expect(page.getByRole("status", { name: "Loading services" })).toBeVisible();
  await screen(page, "09-loading");
  release();
  if (to === "kube-system") await expect(page.getByText("No Knative services", { exact: true })).toBeVisible();
  else await expect(page.getByRole("table", { name: "Services" }).getByRole("link", { name: "helloworld-go", exact: true })).toBeVisible();
});

test("a Service that does not exist says so", async ({ page, actor }) => {
  await page.goto(`/clusters/${actor.cluster}/knative/services/default/does-not-exist`);
  await expect(page.getByText("Service “default/does-not-exist” not found")).toBeVisible();
  await expect(page.getByText('services.serving.knative.dev "does-not-exist" not found')).toBeVisible();
  await screen(page, "10-not-found");
});

test("an unreachable cluster explains itself, and its credential never reaches the browser", async ({ page }) => {
  const bodies: string[] = [];
  page.on("response", async (response) => {
    const type = response.headers()["content-type"] ?? "";
    if (/json|html|javascript|text\/x-component/.test(type)) bodies.push(await response.text().catch(() => ""));
  });
  await page.goto("/clusters");
  await page.getByRole("table", { name: "Clusters" }).getByRole("link", { name: OFFLINE_CONTEXT, exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "is not reachable" }).first()).toBeVisible();
  await expect(page.getByText("The cluster is not reachable", { exact: true })).toBeVisible();
  await screen(page, "11-unreachable");
  expect(bodies.length).toBeGreaterThan(3);
  for (const body of bodies) expect(body).not.toContain(OFFLINE_TOKEN);
  expect(await page.content()).not.toContain(OFFLINE_TOKEN);
});

test("cross-site writes are refused", async ({ request }) => {
  const response = await request.post("/api/clusters", { headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" } });
  expect(response.status()).toBe(403);
  expect(await response.json()).toMatchObject({ kind: "Status", reason: "Forbidden" });
});
