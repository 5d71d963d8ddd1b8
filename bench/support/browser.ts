// Debian's Chromium through Playwright (never a downloaded browser), with the flags this machine needs (see playwright.config.ts).

import { type Browser, chromium } from "@playwright/test";

export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: [...CHROMIUM_ARGS, ...extraArgs], headless: true });
}

/** The Services tab of a cluster's Knative page, all namespaces. */
export const servicesPagePath = (clusterId: string, query = "") => `/clusters/${encodeURIComponent(clusterId)}/knative?tab=services&namespace=all${query}`;
