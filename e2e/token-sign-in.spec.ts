// --auth token in the browser: a console of its own (the production build behind the HTTP front,
// as `npm start -- --auth token` runs it) serving the embedded cluster, signed in to with the
// seeded developer's token. The sign-in page, who is signed in, the token out of reach of page
// JavaScript, the cluster's own 401 and 403, and signing out.

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { type ConsoleServer, startConsoleServer } from "./support/console-server";
import { clusterDataDir } from "./support/embedded-cluster";

const PORT = 3318;
const BASE = `http://127.0.0.1:${PORT}`;
let server: ConsoleServer;

test.beforeAll(async () => {
  server = await startConsoleServer(PORT, ["--auth", "token"], { KNATIVE_CONSOLE_SESSION_KEY: randomBytes(32).toString("base64") });
  // Next loads a route's code on its first request, which on a busy machine takes seconds: load
  // the ones the test uses first, so its timeouts are about the console, not the loading.
  for (const target of ["/sign-in", "/api/session", "/api/clusters"]) await fetch(`${BASE}${target}`, { redirect: "manual", signal: AbortSignal.timeout(60_000) });
  await fetch(`${BASE}/api/session`, { method: "POST", headers: { "Content-Type": "application/json", Origin: BASE }, body: "{}", signal: AbortSignal.timeout(60_000) });
});

test.afterAll(() => server?.stop());

test("sign in with a token, see who you are, be refused by the cluster, sign out", async ({ page }) => {
  test.setTimeout(120_000);
  const developerToken = fs.readFileSync(path.join(clusterDataDir(), "token-developer"), "utf8").trim();

  await page.goto(`${BASE}/clusters`);
  await expect(page).toHaveURL(`${BASE}/sign-in?next=%2Fclusters`);
  await expect(page.getByRole("heading", { name: "Sign in to Knative Console", level: 1 })).toBeVisible();

  const token = page.getByLabel("Kubernetes bearer token");
  await token.fill("a-token-the-cluster-never-issued");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#token-error")).toHaveText("Unauthorized", { timeout: 30_000 });

  await token.fill(developerToken);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${BASE}/clusters`, { timeout: 30_000 });
  await expect(page.getByRole("group", { name: "Signed in as knative-developer" })).toBeVisible();

  // The session cookie is HttpOnly and the token is nowhere in the page.
  expect(await page.evaluate(() => document.cookie)).not.toContain("knative-console-session");
  expect(await page.content()).not.toContain(developerToken);
  const [cookie] = (await page.context().cookies()).filter((c) => c.name === "knative-console-session");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });

  await page.goto(`${BASE}/clusters/embedded/knative/services/default/helloworld-go`);
  await expect(page.getByRole("heading", { name: "helloworld-go", level: 1 })).toBeVisible();

  // What the developer may not do is the cluster's refusal, word for word.
  const components = await page.request.get(`${BASE}/api/clusters/embedded/components`);
  expect(components.status()).toBe(403);
  expect((await components.json()).message).toBe('deployments.apps is forbidden: User "knative-developer" cannot list resource "deployments" in API group "apps" in the namespace "knative-serving"');
  // The namespace selector gets their own namespace, which they may read, beside the refusal of the list.
  const namespaces = await page.request.get(`${BASE}/api/clusters/embedded/namespaces`);
  expect(namespaces.status()).toBe(200);
  const list = await namespaces.json();
  expect(list.items.map((n: { metadata: { name: string } }) => n.metadata.name)).toEqual(["default"]);
  expect(list.forbidden).toBe('namespaces is forbidden: User "knative-developer" cannot list resource "namespaces" in API group "" at the cluster scope');

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${BASE}/sign-in`);
  expect((await page.request.get(`${BASE}/api/clusters`)).status()).toBe(401);
});
