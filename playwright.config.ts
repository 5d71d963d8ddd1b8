// End-to-end tests in Debian's Chromium against a real embedded cluster (its own process, on free
// ports, with a throwaway data dir) and the production build of the console pointed at it.
// See e2e/support/global-setup.ts for the cluster, and the webServer below for the console.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { identitiesKubeconfigPath } from "./e2e/support/identities";
import { writeUserKubeconfig } from "./e2e/support/user-kubeconfig";

// Computed once in the runner and inherited by workers through the environment.
process.env.KNATIVE_E2E_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "knative-console-e2e-"));
process.env.KNATIVE_E2E_PORT ??= "3217";
const e2eDir = process.env.KNATIVE_E2E_DIR;
const port = process.env.KNATIVE_E2E_PORT;
const userKubeconfig = writeUserKubeconfig(e2eDir);

export default defineConfig({
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
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
