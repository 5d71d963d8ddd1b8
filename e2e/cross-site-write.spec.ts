// A page on another site tries to write to the embedded cluster's API the two ways any page can
// reach a loopback port without the user noticing: a `<form enctype="text/plain">` POST (its body
// made to parse as JSON) and a `fetch(…, {mode: "no-cors"})`. A browser adds no Authorization
// header to either, so the API server answers 401 and nothing is created.
//
// The browser here ignores certificate errors: the worst case, a browser that reaches the API
// (say, its user once accepted the certificate), so that the token and nothing else stops it.
// Each attack is also sent to the attacking page's own server first, and the body the browser
// sent is then posted to the API with the token (as JSON: kube-apiserver, and so the embedded
// cluster, also refuses text/plain with 415, but only after authentication): it creates the
// Service, so the attack failed for want of a credential, not because its payload was wrong.
//
// The console itself has no credential to ask for, so it compares the origin of a write with its
// own, scheme, host and port: a page on another port of 127.0.0.1 (the same site, so only
// Sec-Fetch-Site and Origin tell it apart) is refused, and so is a forged Origin naming another
// scheme or port, which a browser without Sec-Fetch-Site could send.

import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { apiFetch } from "../emulator/testing/api-endpoint";
import { clusterApi, kubectl } from "./support/embedded-cluster";

test.use({ ignoreHTTPSErrors: true });

const run = Date.now().toString(36);
const FORM_SERVICE = `xsite-form-${run}`;
const FETCH_SERVICE = `xsite-fetch-${run}`;
const SERVICES_PATH = "/apis/serving.knative.dev/v1/namespaces/default/services";
const TEMPLATE = { spec: { containers: [{ image: "ghcr.io/knative/helloworld-go" }] } };

interface Captured {
  contentType: string;
  body: Buffer;
}

/** The attacking site: the page, and a sink that records what the browser sends. */
async function startAttackerSite(
  apiUrl: string,
  { host = "localhost", path = SERVICES_PATH }: { host?: string; path?: string } = {},
): Promise<{ url: string; captured: Map<string, Captured>; close(): Promise<void> }> {
  const captured = new Map<string, Captured>();
  const server = http.createServer((req, res) => {
    if (req.method === "POST" && req.url?.startsWith("/capture/")) {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        captured.set(req.url!.slice("/capture/".length), { contentType: req.headers["content-type"] ?? "", body: Buffer.concat(chunks) });
        res.writeHead(200, { "Content-Type": "text/plain" }).end("captured");
      });
      return;
    }
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(attackPage(`${apiUrl}${path}`));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    // By default `localhost`, not 127.0.0.1: another site than the API's, not only another origin.
    url: `http://${host}:${port}/`,
    captured,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // The browser keeps its connections to the page alive; they must not hold the close.
        server.closeAllConnections();
      }),
  };
}

function attackPage(targetUrl: string): string {
  // The classic text/plain trick: the browser sends `name=value`, so the name opens the JSON and
  // the value closes it, with the `=` landing inside an annotation's value.
  const formName = JSON.stringify(
    `{"apiVersion":"serving.knative.dev/v1","kind":"Service","metadata":{"name":"${FORM_SERVICE}","annotations":{"example.com/padding":"`,
  );
  const formValue = JSON.stringify(`"}},"spec":{"template":${JSON.stringify(TEMPLATE)}}}`);
  const fetchBody = JSON.stringify(JSON.stringify({ apiVersion: "serving.knative.dev/v1", kind: "Service", metadata: { name: FETCH_SERVICE }, spec: { template: TEMPLATE } }));
  const target = JSON.stringify(targetUrl);
  return `<!doctype html>
<title>Totally unrelated site</title>
<h1>Totally unrelated site</h1>
<iframe name="sink" title="form answer"></iframe>
<p role="status" aria-label="attack">starting</p>
<script>
  const status = document.querySelector('[role="status"]');
  const frame = document.querySelector("iframe");
  const form = Object.assign(document.createElement("form"), { method: "POST", enctype: "text/plain", target: "sink" });
  form.append(Object.assign(document.createElement("input"), { type: "hidden", name: ${formName}, value: ${formValue} }));
  document.body.append(form);
  const submitTo = (action) => new Promise((resolve) => {
    frame.addEventListener("load", resolve, { once: true });
    form.action = action;
    form.submit();
  });
  const post = (url) => fetch(url, { method: "POST", mode: "no-cors", body: ${fetchBody} }).then((r) => "answered (" + r.type + ")", (e) => "failed: " + e.message);
  (async () => {
    await submitTo("/capture/form");
    await submitTo(${target});
    status.textContent = "form answered";
    await post("/capture/fetch");
    status.textContent = "form answered; fetch " + (await post(${target}));
  })();
</script>`;
}

const exists = (name: string) => {
  try {
    kubectl(["get", "ksvc", name, "-o", "name"]);
    return true;
  } catch (err) {
    expect(String((err as { stderr?: string }).stderr)).toContain("NotFound");
    return false;
  }
};

test.afterAll(() => {
  kubectl(["delete", "ksvc", FORM_SERVICE, FETCH_SERVICE, "--ignore-not-found", "--wait=false"]);
});

test("a page on another site cannot create a Service through a form or a no-cors fetch", async ({ page }) => {
  const api = clusterApi();
  const site = await startAttackerSite(api.apiUrl);
  try {
    const isAttack = (name: string) => (r: { url(): string; request(): { method(): string; postData(): string | null } }) =>
      r.url() === `${api.apiUrl}${SERVICES_PATH}` && r.request().method() === "POST" && (r.request().postData() ?? "").includes(name);
    const formAnswer = page.waitForResponse(isAttack(FORM_SERVICE));
    const fetchAnswer = page.waitForResponse(isAttack(FETCH_SERVICE));

    await page.goto(site.url);
    await expect(page.getByRole("status", { name: "attack" })).toHaveText("form answered; fetch answered (opaque)");
    // Both reached the API server, which refused them for want of a credential.
    expect((await formAnswer).status()).toBe(401);
    expect((await fetchAnswer).status()).toBe(401);
    expect(exists(FORM_SERVICE)).toBe(false);
    expect(exists(FETCH_SERVICE)).toBe(false);

    // The same bodies with the token: they would have created the Services.
    for (const [what, name] of [["form", FORM_SERVICE], ["fetch", FETCH_SERVICE]] as const) {
      const sent = site.captured.get(what);
      expect(sent, `the browser's ${what} request`).toBeDefined();
      expect(sent!.contentType).toMatch(/^text\/plain/);
      const replay = await apiFetch(api, SERVICES_PATH, { method: "POST", headers: { "Content-Type": "application/json" }, body: sent!.body });
      expect(replay.status, await replay.clone().text()).toBe(201);
      expect(((await replay.json()) as { metadata: { name: string } }).metadata.name).toBe(name);
      expect(exists(name)).toBe(true);
    }
  } finally {
    await site.close();
    kubectl(["delete", "ksvc", FORM_SERVICE, FETCH_SERVICE, "--ignore-not-found", "--wait=false"]);
  }
});

test("the embedded cluster's token never reaches the browser", async ({ page }) => {
  const { token } = clusterApi();
  const bodies: string[] = [];
  page.on("response", async (response) => {
    const type = response.headers()["content-type"] ?? "";
    if (/json|html|javascript|text\/x-component/.test(type)) bodies.push(await response.text().catch(() => ""));
  });
  await page.goto("/clusters");
  await page.getByRole("table", { name: "Clusters" }).getByRole("link", { name: "Embedded cluster", exact: true }).click();
  await page.goto("/clusters/embedded/knative/services/default/helloworld-go");
  await expect(page.getByRole("heading", { name: "helloworld-go", level: 1 })).toBeVisible();
  expect(bodies.length).toBeGreaterThan(3);
  for (const body of bodies) expect(body).not.toContain(token);
  expect(await page.content()).not.toContain(token);
});

const CONSOLE_SERVICES_PATH = "/api/clusters/embedded/namespaces/default/services";
const consoleBody = (name: string) => JSON.stringify({ metadata: { name }, spec: { template: TEMPLATE } });

test("a page on another port of the console's own host cannot write through the console", async ({ page, baseURL }) => {
  const site = await startAttackerSite(baseURL!, { host: "127.0.0.1", path: CONSOLE_SERVICES_PATH });
  try {
    // What the console answered, and what the browser then refused to hand the page.
    const statuses = new Map<string, number>();
    const blocked = new Map<string, string>();
    const which = (r: { url(): string; method(): string; postData(): string | null }) =>
      r.url() === `${baseURL}${CONSOLE_SERVICES_PATH}` && r.method() === "POST" ? ((r.postData() ?? "").includes(FORM_SERVICE) ? "form" : "fetch") : undefined;
    page.on("response", (response) => {
      const attack = which(response.request());
      if (attack) statuses.set(attack, response.status());
    });
    page.on("requestfailed", (request) => {
      const attack = which(request);
      if (attack) blocked.set(attack, request.failure()?.errorText ?? "failed");
    });
    expect(new URL(site.url).port).not.toBe(new URL(baseURL!).port);
    await page.goto(site.url);
    // The no-cors fetch gets no answer at all: the console's Cross-Origin-Resource-Policy keeps
    // even an opaque one from another origin.
    await expect(page.getByRole("status", { name: "attack" })).toHaveText("form answered; fetch failed: Failed to fetch");
    await expect.poll(() => statuses.get("form")).toBe(403);
    expect([statuses.get("fetch"), blocked.get("fetch")]).toContainEqual(expect.stringMatching(/^net::ERR_BLOCKED_BY_RESPONSE/));
    if (statuses.has("fetch")) expect(statuses.get("fetch")).toBe(403);
    expect(exists(FORM_SERVICE)).toBe(false);
    expect(exists(FETCH_SERVICE)).toBe(false);
  } finally {
    await site.close();
  }
});

test("a write whose Origin differs from the console's by scheme or port is refused; the same write from its own origin is not", async ({ request, baseURL }) => {
  const own = new URL(baseURL!);
  const name = `xsite-origin-${run}`;
  try {
    for (const origin of [`https://${own.host}`, `http://${own.hostname}:${Number(own.port) + 1}`, `http://localhost:${own.port}`]) {
      const response = await request.post(CONSOLE_SERVICES_PATH, { headers: { Origin: origin, "Content-Type": "application/json" }, data: consoleBody(name), failOnStatusCode: false });
      expect(response.status(), origin).toBe(403);
      expect(await response.json()).toMatchObject({ kind: "Status", code: 403, message: `Cross-site request refused (Origin ${origin}).` });
      expect(exists(name)).toBe(false);
    }
    const accepted = await request.post(CONSOLE_SERVICES_PATH, { headers: { Origin: own.origin, "Content-Type": "application/json" }, data: consoleBody(name), failOnStatusCode: false });
    expect(accepted.status(), await accepted.text()).toBeLessThan(300);
    expect(exists(name)).toBe(true);
  } finally {
    kubectl(["delete", "ksvc", name, "--ignore-not-found", "--wait=false"]);
  }
});
