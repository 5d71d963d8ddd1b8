// End-to-end tests in Debian's Chromium against a real embedded cluster (its own process, on free
// ports, with a throwaway data dir) and the production build of the console pointed at it.
// See e2e/support/global-setup.ts for the cluster, and the webServer below for the console.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { ADMIN, type ActorOptions, DEVELOPER, VIEWER } from "./e2e/support/actor";
import { DEVELOPER_CLUSTER, identitiesKubeconfigPath } from "./e2e/support/identities";
import { writeUserKubeconfig } from "./e2e/support/user-kubeconfig";

// Computed once in the runner and inherited by workers through the environment.
process.env.KNATIVE_E2E_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "knative-console-e2e-"));
process.env.KNATIVE_E2E_PORT ??= "3217";
// The embedded cluster's gateway on a port known before it starts, so the console can be told it
// for the developer, who may not read the gateway's Service in kourier-system (as an operator
// tells a console whose users cannot: KNATIVE_CONSOLE_GATEWAY_URL).
process.env.KNATIVE_E2E_GATEWAY_PORT ??= String(Number(process.env.KNATIVE_E2E_PORT) + 1);
const e2eDir = process.env.KNATIVE_E2E_DIR;
const port = process.env.KNATIVE_E2E_PORT;
const gatewayPort = process.env.KNATIVE_E2E_GATEWAY_PORT;
const userKubeconfig = writeUserKubeconfig(e2eDir);

// The specs of what a user does with Knative Services, run once as each seeded identity: what
// the developer (namespace-scoped) and the viewer may not do is refused with the reason, and the
// cluster confirms nothing changed. The others run as the admin only: they are about the
// console's HTTP surface (http-surface, cross-site-write), kubeconfigs of their own (no-leaks)
// or consoles of their own in the other sign-in modes (token-sign-in, proxy-mode), not about a
// user's rights; and permissions is itself a walk through each identity.
const AS_EVERY_IDENTITY = [
  "walkthrough",
  "states",
  "live-updates",
  "canary-release",
  "create-revision",
  "split-traffic",
  "service-lifecycle",
  "send-requests",
  "live-traffic",
  "write-routes",
  "csp",
  "cluster-restart",
].map((name) => `**/${name}.spec.ts`);

export default defineConfig<ActorOptions>({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  // One embedded cluster for all tests, and one of them stops it: run them one after another.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "test-results/e2e",
  globalSetup: "./e2e/support/global-setup.ts",
  globalTeardown: "./e2e/support/global-teardown.ts",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium; Playwright's own browsers are never downloaded here.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [
    { name: "admin", use: { actor: ADMIN } },
    { name: "developer", use: { actor: DEVELOPER }, testMatch: AS_EVERY_IDENTITY },
    { name: "viewer", use: { actor: VIEWER }, testMatch: AS_EVERY_IDENTITY },
  ],
  webServer: {
    // The console as `npm start` runs it (building first when needed), minus its own cluster.
    command: `node_modules/.bin/tsx scripts/start.ts --no-embedded --port ${port}`,
    url: `http://127.0.0.1:${port}/api/clusters`,
    timeout: 300_000,
    reuseExistingServer: false,
    // SIGTERM lets scripts/start.ts stop the console cleanly (the default is SIGKILL).
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "pipe",
    env: {
      // The viewer's and developer's contexts are written once the cluster has started (global-setup.ts).
      KUBECONFIG: [userKubeconfig, identitiesKubeconfigPath(e2eDir)].join(path.delimiter),
      KNATIVE_CONSOLE_EMBEDDED_KUBECONFIG: path.join(e2eDir, "cluster", "kubeconfig"),
      KNATIVE_CONSOLE_GATEWAY_URL: `${DEVELOPER_CLUSTER}=http://127.0.0.1:${gatewayPort}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
