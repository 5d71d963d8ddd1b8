// Changes made with kubectl show up on open pages without a reload.

import { expect, test } from "./support/actor";
import { kubectl } from "./support/embedded-cluster";
import { uniqueName } from "./support/knative-service";
import { screen } from "./support/screens";

const SERVICE = uniqueName("live-demo");

function manifest(target: string): string {
  return `apiVersion: serving.knative.dev/v1
kind: Service
metadata:
  name: ${SERVICE}
  namespace: default
spec:
  template:
    spec:
      containers:
        - image: ghcr.io/knative/helloworld-go:latest
          env:
            - name: TARGET
              value: "${target}"
`;
}

test.afterAll(() => {
  kubectl(["delete", "ksvc", SERVICE, "--ignore-not-found", "--wait=false"]);
});

test("a Service created, changed and deleted with kubectl appears, changes and disappears live", async ({ page, actor }) => {
  await page.goto(`/clusters/${actor.cluster}/knative?tab=services&namespace=default`);
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  const services = page.getByRole("table", { name: "Services" });

  kubectl(["apply", "-f", "-"], manifest("World"));
  const row = services.getByRole("row").filter({ hasText: SERVICE });
  await expect(row).toBeVisible({ timeout: 3_000 });
  await expect(row).toContainText("Ready");

  await row.getByRole("link", { name: SERVICE, exact: true }).click();
  await expect(page.getByRole("heading", { name: SERVICE, level: 1 })).toBeVisible();
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  const revisions = page.getByRole("region", { name: "Revision Information" });
  await expect(revisions.getByRole("row").filter({ hasText: `${SERVICE}-00001` })).toContainText("TARGET=World");

  kubectl(["apply", "-f", "-"], manifest("Knative on ASM"));
  const second = revisions.getByRole("row").filter({ hasText: `${SERVICE}-00002` });
  await expect(second).toContainText("TARGET=Knative on ASM", { timeout: 3_000 });
  await expect(second).toContainText("100%");
  await expect(revisions.getByRole("row").filter({ hasText: `${SERVICE}-00001` })).toContainText("0%");
  await screen(page, "06-live-new-revision");

  kubectl(["delete", "ksvc", SERVICE, "--wait=false"]);
  await expect(page.getByText(`Service “default/${SERVICE}” not found`)).toBeVisible({ timeout: 3_000 });
});
