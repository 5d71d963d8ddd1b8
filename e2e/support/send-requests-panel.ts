// The Send requests panel of the Service page, found by role and label as a user finds it.

import { expect, type Locator, type Page } from "@playwright/test";
import { screenPath } from "./screens";

export class SendRequestsPanel {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByRole("region", { name: "Send requests" });
  }

  get target(): Locator {
    return this.root.getByLabel("Target");
  }
  get requests(): Locator {
    return this.root.getByLabel("Requests", { exact: true });
  }
  get perSecond(): Locator {
    return this.root.getByLabel("Requests per second");
  }
  get duration(): Locator {
    return this.root.getByLabel("Duration (seconds)");
  }
  get sendButton(): Locator {
    return this.root.getByRole("button", { name: "Send", exact: true });
  }
  get stopButton(): Locator {
    return this.root.getByRole("button", { name: "Stop", exact: true });
  }
  get progress(): Locator {
    return this.root.getByRole("progressbar", { name: "Requests answered" });
  }
  /** The run's phase badge: Connecting, Sending, Done, Stopped, Failed. */
  phase(label: string): Locator {
    return this.root.getByText(label, { exact: true });
  }

  /** The panel is its own chunk, fetched after the page: on a busy machine it may take a while. */
  async ready(): Promise<this> {
    await expect(this.sendButton).toBeVisible({ timeout: 30_000 });
    return this;
  }

  async countMode(count: number | string) {
    await this.root.getByLabel("A number of requests").check();
    await this.requests.fill(String(count));
  }

  async rateMode(perSecond: number | string, seconds: number | string) {
    await this.root.getByLabel("A rate, for a duration").check();
    await this.perSecond.fill(String(perSecond));
    await this.duration.fill(String(seconds));
  }

  /** Send, and wait until every request has an answer. */
  async sendAndWait() {
    await this.sendButton.click();
    await expect(this.phase("Done")).toBeVisible({ timeout: 30_000 });
  }

  /** The answers table as {answer: count}; a non-2xx answer reads "HTTP 503 <body>". */
  async answers(): Promise<Record<string, number>> {
    const rows = this.root.getByRole("table", { name: "Answers" }).locator("tbody tr");
    const out: Record<string, number> = {};
    for (const row of await rows.all()) {
      const cells = row.getByRole("cell");
      const answer = (await cells.nth(0).innerText()).replace(/\s+/g, " ").trim();
      out[answer] = Number(await cells.nth(1).innerText());
    }
    return out;
  }

  /**
   * The panel alone, under test-results/screens. Clipped from a full-page shot rather than an
   * element shot: Live Traffic above it redraws every second, and an element shot waits for the
   * panel to hold still, which a busy machine may never grant.
   */
  async screen(name: string) {
    const clip = await this.root.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height };
    });
    await this.page.screenshot({ path: screenPath(name), fullPage: true, clip });
  }
}
