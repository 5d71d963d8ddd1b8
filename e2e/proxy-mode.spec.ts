// --auth proxy in the browser: a console of its own (the production build behind the HTTP front,
// as `npm start -- --auth proxy` runs it) serving the embedded cluster, with this test standing
// where oauth2-proxy would (on loopback, the one trusted address) by adding the user header to
// every request the browser makes. The console acts as that user through impersonation: the top
// bar names them, the cluster's access reviews answer for them, and the live page keeps working.

import { type Browser, expect, test } from "@playwright/test";
import { type ConsoleServer, startConsoleServer } from "./support/console-server";
import { refusal } from "./support/permissions-page";
import { screen } from "./support/screens";

const PORT = 3412;
const BASE = `http://127.0.0.1:${PORT}`;
const SERVICE_PAGE = `${BASE}/clusters/embedded/knative/services/default/helloworld-go`;
let server: ConsoleServer;

test.beforeAll(async () => {
  server = await startConsoleServer(PORT, ["--auth", "proxy"], { KNATIVE_CONSOLE_PROXY_TRUSTED_ADDRESSES: "127.0.0.1", KNATIVE_CONSOLE_PROXY_SIGN_OUT_URL: "/oauth2/sign_out" });
  // Load the routes' code first, so the test's timeouts are about the console, not the loading.
  for (const target of ["/clusters", "/api/clusters", "/api/session"]) await fetch(`${BASE}${target}`, { headers: { "X-Forwarded-User": "knative-viewer" }, signal: AbortSignal.timeout(60_000) });
});

test.afterAll(() => server?.stop());

/** A browser whose every request reaches the console as the proxy passing `user` on. */
const proxiedPage = async (browser: Browser, user: string) => (await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-User": user } })).newPage();

test("the viewer is named in the top bar, may look, and may not split traffic", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await proxiedPage(browser, "knative-viewer");
  await page.goto(SERVICE_PAGE);
  await expect(page.getByRole("heading", { name: "helloworld-go", level: 1 })).toBeVisible({ timeout: 30_000 });
  const signedIn = page.getByRole("group", { name: "Signed in as knative-viewer" });
  await expect(signedIn).toBeVisible();
  await expect(signedIn.getByRole("link", { name: "Sign out" })).toHaveAttribute("href", "/oauth2/sign_out");
  const split = page.getByRole("button", { name: "Split Traffic" });
  await expect(split).toHaveAttribute("aria-disabled", "true", { timeout: 30_000 });
  await expect(split).toHaveAccessibleDescription(refusal("change this Service", "knative-viewer", "patch", "services.serving.knative.dev", "default"));
  await screen(page, "proxy-mode-01-viewer");
  await page.context().close();
});

test("the developer may split traffic in default", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await proxiedPage(browser, "knative-developer");
  await page.goto(SERVICE_PAGE);
  await expect(page.getByRole("group", { name: "Signed in as knative-developer" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("button", { name: "Split Traffic" })).not.toHaveAttribute("aria-disabled", "true", { timeout: 30_000 });
  await page.context().close();
});

test("a browser reaching the console without the proxy is refused", async ({ page }) => {
  const res = await page.goto(`${BASE}/clusters`);
  expect(res?.status()).toBe(401);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("401 Unauthorized");
});
