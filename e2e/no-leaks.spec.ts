// A console started for real on a kubeconfig full of secrets and broken credentials: an exec
// plugin that fails printing a secret and a path, certificate, key, CA and token files that are
// missing, a token file and a token the cluster refuses, certificate data that is not PEM, a
// cluster whose certificate it does not trust, and a second kubeconfig that is not YAML and holds
// a token. Every API route and page of every cluster, their RSC payloads, the live event streams,
// the pages in Chromium and the client bundle in .next/static are read: no secret, path or file
// content anywhere; each failure is named by its fixed description instead, and the details are
// in the console's log, once.

import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { type ConsoleProcess, startConsole } from "./support/console-process";
import { apiPaths, pagePaths } from "./support/console-paths";
import { clusterApi, e2eDir, kubeconfigPath } from "./support/embedded-cluster";

const ROOT = path.resolve(import.meta.dirname, "..");
const run = Date.now().toString(36);
const SECRETS = {
  exec: `exec-stderr-secret-${run}`,
  tokenFile: `token-file-secret-${run}`,
  token: `inline-token-secret-${run}`,
  yaml: `yaml-token-secret-${run}`,
  certData: `cert-data-secret-${run}`,
};

/** What the Clusters page must say about each broken context: the failures are named, not hidden. */
const EXPECTED_REASONS: Record<string, string | RegExp> = {
  "leak-exec": "the kubeconfig's exec credential plugin failed (exit 1)",
  "leak-cert-missing": "client certificate file not readable (not found)",
  "leak-ca-missing": "certificate authority file not readable (not found)",
  "leak-token-file-missing": "token file not readable (not found)",
  "leak-cert-garbage": "a certificate or key of the kubeconfig is not PEM",
  "leak-untrusted": "TLS: self-signed certificate",
  "unreadable-kubeconfig": /^kubeconfig is not valid YAML at line \d+$/,
};

let dir: string;
let console_: ConsoleProcess;
let caData: string;

function writeKubeconfigs(): string[] {
  const api = clusterApi();
  caData = Buffer.from(api.caCert).toString("base64");
  const plugin = path.join(dir, "credential-plugin.sh");
  fs.writeFileSync(plugin, `#!/bin/sh\necho "exec failed: secret=${SECRETS.exec} ${dir}/key.pem" >&2\nexit 1\n`, { mode: 0o755 });
  fs.writeFileSync(path.join(dir, "wrong-token"), SECRETS.tokenFile);
  const garbage = Buffer.from(`not a certificate ${SECRETS.certData}`).toString("base64");
  const good = `{server: "${api.apiUrl}", certificate-authority-data: ${caData}}`;
  const contexts: Array<[string, string, string]> = [
    ["leak-exec", good, `{exec: {apiVersion: client.authentication.k8s.io/v1, command: "${plugin}", interactiveMode: Never}}`],
    ["leak-cert-missing", good, `{client-certificate: ${dir}/missing.crt, client-key: ${dir}/missing.key}`],
    ["leak-ca-missing", `{server: "https://127.0.0.1:9", certificate-authority: ${dir}/missing-ca.crt}`, `{token: ${SECRETS.token}}`],
    ["leak-token-file-missing", good, `{token-file: ${dir}/missing-token}`],
    ["leak-token-file-refused", good, `{token-file: ${dir}/wrong-token}`],
    ["leak-token-refused", good, `{token: ${SECRETS.token}}`],
    ["leak-cert-garbage", good, `{client-certificate-data: ${garbage}, client-key-data: ${garbage}}`],
    ["leak-untrusted", `{server: "${api.apiUrl}"}`, `{token: ${SECRETS.token}}`],
  ];
  const first = path.join(dir, "kubeconfig");
  fs.writeFileSync(
    first,
    [
      "apiVersion: v1",
      "kind: Config",
      "clusters:",
      ...contexts.map(([name, cluster]) => `- {name: ${name}, cluster: ${cluster}}`),
      "users:",
      ...contexts.map(([name, , user]) => `- {name: ${name}, user: ${user}}`),
      "contexts:",
      ...contexts.map(([name]) => `- {name: ${name}, context: {cluster: ${name}, user: ${name}}}`),
      "",
    ].join("\n"),
  );
  const broken = path.join(dir, "broken-kubeconfig");
  fs.writeFileSync(broken, `apiVersion: v1\nusers:\n- name: admin\n  user:\n    token: ${SECRETS.yaml}\n   oops: bad indentation\n`);
  return [first, broken];
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dir = fs.mkdtempSync(path.join(e2eDir(), "leaky-kubeconfig-"));
  const files = writeKubeconfigs();
  const env = { KUBECONFIG: files.join(path.delimiter), KNATIVE_CONSOLE_EMBEDDED_KUBECONFIG: kubeconfigPath(), HOME: dir };
  console_ = await startConsole(env, path.join(dir, "console.log"));
});

test.afterAll(async () => {
  await console_?.stop();
});

/** Anything of the kubeconfigs that must never leave the server. */
function leaks(text: string): string[] {
  const forbidden = [...Object.values(SECRETS), dir, "key.pem", "missing.crt", "missing-token", "credential-plugin", caData.slice(20, 80), "BEGIN CERTIFICATE"];
  return forbidden.filter((s) => text.includes(s));
}

/**
 * A route's answer, headers and body. An event stream (the cluster's events, a Service's live
 * metrics) never ends by itself: its first `streamMs` are read, long enough for a few health
 * probes (every 500 ms) and poller samples (every second).
 */
async function read(url: string, headers: Record<string, string> = {}, streamMs = 2_500): Promise<string> {
  const controller = new AbortController();
  const response = await fetch(url, { headers, redirect: "manual", signal: controller.signal });
  const head = [...response.headers].map(([k, v]) => `${k}: ${v}`).join("\n");
  if (!response.headers.get("content-type")?.startsWith("text/event-stream")) return `${head}\n\n${await response.text()}`;
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const timer = setTimeout(() => controller.abort(), streamMs);
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // Cut after `streamMs`, as intended.
  } finally {
    clearTimeout(timer);
  }
  return `${head}\n\n${text}`;
}

test("the console names each broken credential and shows no secret, path or file content anywhere", async ({ browser }) => {
  test.setTimeout(240_000);
  const clusters = (await (await fetch(`${console_.url}/api/clusters`)).json()) as Array<{ id: string; reachable: boolean; reason?: string }>;
  for (const [id, reason] of Object.entries(EXPECTED_REASONS)) {
    const cluster = clusters.find((c) => c.id === id);
    expect(cluster, id).toMatchObject({ reachable: false });
    if (typeof reason === "string") expect(cluster?.reason, id).toBe(reason);
    else expect(cluster?.reason, id).toMatch(reason);
  }
  expect(clusters.find((c) => c.id === "embedded")).toMatchObject({ reachable: true });

  const texts: Array<[string, string]> = [["/api/clusters", JSON.stringify(clusters)]];
  const ids = clusters.map((c) => c.id);
  // Every cluster at once, each route after route; a path without a cluster in it once.
  const seen = new Set<string>();
  const once = (p: string) => !seen.has(p) && seen.add(p);
  await Promise.all(
    ids.map(async (id) => {
      const values = { cluster: id, namespace: "default", name: "helloworld-go", revision: "helloworld-go-00001" };
      for (const { path: p, route } of apiPaths(values)) {
        if (!route.methods.includes("GET") || !once(p)) continue;
        texts.push([p, await read(`${console_.url}${p}`)]);
      }
      for (const { path: p } of pagePaths(values).filter((x) => once(x.path))) {
        texts.push([p, await read(`${console_.url}${p}`)]);
        texts.push([`${p} (RSC)`, await read(`${console_.url}${p}`, { RSC: "1" })]);
      }
    }),
  );
  const events = texts.find(([p]) => p === "/api/clusters/leak-exec/events")?.[1] ?? "";
  expect(events).toContain(`"reason":"the kubeconfig's exec credential plugin failed (exit 1)"`);

  const context = await browser.newContext({ baseURL: console_.url });
  const page = await context.newPage();
  page.on("response", async (response) => {
    const type = response.headers()["content-type"] ?? "";
    if (/json|html|javascript|x-component/.test(type)) texts.push([`browser: ${response.url()}`, await response.text().catch(() => "")]);
  });
  await page.goto("/clusters");
  await expect(page.getByRole("table", { name: "Clusters" }).getByText("the kubeconfig's exec credential plugin failed (exit 1)")).toBeVisible();
  texts.push(["browser: /clusters (DOM)", await page.content()]);
  for (const id of ["leak-exec", "unreadable-kubeconfig"]) {
    await page.goto(`/clusters/${id}/knative?tab=services`);
    await expect(page.getByRole("alert").first()).toBeVisible();
    texts.push([`browser: ${id} (DOM)`, await page.content()]);
  }
  await context.close();

  const leaked = texts.flatMap(([where, text]) => leaks(text).map((s) => `${where}: ${s}`));
  expect(leaked).toEqual([]);
  expect(texts.length).toBeGreaterThan(ids.length * 10);

  // The details are in the console's own log, once however often the plugin failed.
  expect(console_.output().split(SECRETS.exec).length - 1).toBe(1);
});

test("the client bundle holds no secret, kubeconfig path or path of this machine", () => {
  const forbidden = [...Object.values(SECRETS), dir, ROOT, e2eDir()];
  const found: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const file = path.join(d, entry.name);
      if (entry.isDirectory()) walk(file);
      else {
        const text = fs.readFileSync(file, "latin1");
        for (const s of forbidden) if (text.includes(s)) found.push(`${path.relative(ROOT, file)}: ${s}`);
      }
    }
  };
  walk(path.join(ROOT, ".next", "static"));
  expect(found).toEqual([]);
});
