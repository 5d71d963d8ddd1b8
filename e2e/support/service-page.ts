// Page objects for the Service page and its canary dialogs: what a user finds by role and label,
// named the way the walk-through names it, so specs read as the steps they take.

import { expect, type Locator, type Page } from "@playwright/test";

export class ServicePage {
  constructor(
    readonly page: Page,
    readonly service: string,
    readonly namespace = "default",
    /** The console's cluster id: another identity's context is another cluster. */
    readonly cluster = "embedded",
  ) {}

  async open(): Promise<this> {
    await this.page.goto(`/clusters/${this.cluster}/knative/services/${this.namespace}/${this.service}`);
    await expect(this.page.getByRole("heading", { name: this.service, level: 1 })).toBeVisible();
    await expect(this.page.getByText("Live", { exact: true })).toBeVisible();
    await new LiveTraffic(this.page).settled();
    return this;
  }

  /** A revision's row in Revision Information. */
  revisionRow(revision: string): Locator {
    return this.page.getByRole("region", { name: "Revision Information" }).getByRole("row").filter({ hasText: revision });
  }

  async openSplitTraffic(): Promise<SplitTrafficDialog> {
    await this.page.getByRole("button", { name: "Split Traffic" }).click();
    const dialog = new SplitTrafficDialog(this.page, this.service);
    await expect(dialog.root.getByRole("table", { name: "Traffic split" })).toBeVisible();
    return dialog;
  }

  async openCreateRevision(): Promise<CreateRevisionWizard> {
    await this.page.getByRole("button", { name: "Create Revision" }).click();
    const wizard = new CreateRevisionWizard(this.page);
    await expect(wizard.root.getByLabel("Image")).toBeVisible();
    return wizard;
  }
}

export class SplitTrafficDialog {
  readonly root: Locator;
  constructor(
    readonly page: Page,
    readonly service: string,
  ) {
    this.root = page.getByRole("dialog", { name: "Split Traffic" });
  }

  percent(row: string): Locator {
    return this.root.getByRole("spinbutton", { name: `Percent for ${row}`, exact: true });
  }

  async promote(revision: string) {
    await this.root.getByRole("button", { name: `Promote to 100 %: ${revision}`, exact: true }).click();
  }

  async rollBackTo(revision: string) {
    await this.root.getByRole("button", { name: `Roll back to ${revision}` }).click();
  }

  /** OK, then the review, then Apply split; resolves once the page says the traffic was updated. */
  async apply() {
    await this.root.getByRole("button", { name: "OK", exact: true }).click();
    await expect(this.root.getByRole("table", { name: "Change to spec.traffic" })).toBeVisible();
    await this.root.getByRole("button", { name: "Apply split" }).click();
    await expect(this.root).toBeHidden();
    await expect(this.page.getByText(`Traffic of ${this.service} updated`).first()).toBeVisible();
  }
}

export class CreateRevisionWizard {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByRole("dialog", { name: "Create Revision" });
  }

  async addEnvironmentVariable(key: string, value: string) {
    const advanced = this.root.getByRole("button", { name: "Advanced" });
    if ((await advanced.getAttribute("aria-expanded")) !== "true") await advanced.click();
    await this.root.getByRole("button", { name: "Add" }).click();
    const row = this.root.getByRole("group", { name: /^Environment variable/ }).last();
    await row.getByLabel("Variable Key").fill(key);
    await row.getByLabel("Value").fill(value);
  }

  async next() {
    await this.root.getByRole("button", { name: "Next" }).click();
  }

  percent(revision: string): Locator {
    return this.root.getByLabel(`Percent for ${revision}`);
  }

  async create() {
    await this.root.getByRole("button", { name: "Create" }).click();
    await expect(this.root).toBeHidden();
  }
}

/** The Live Traffic section of the Service page. */
export class LiveTraffic {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole("region", { name: "Live Traffic" });
  }

  /**
   * The section has drawn its first reading (or said why there is none). Until then it is a
   * placeholder, and what it then draws pushes everything below it down the page: a pointer put
   * on a row of Revision Information before that is no longer on it afterwards.
   */
  async settled(): Promise<void> {
    await expect(this.root).toBeVisible();
    await expect(this.root.getByLabel("Loading live traffic")).toHaveCount(0, { timeout: 20_000 });
    await expect(this.root.getByRole("status", { name: "Loading the charts" })).toHaveCount(0);
  }

  /** A revision's row in the configured-and-observed split. */
  splitRow(revision: string): Locator {
    return this.root.getByRole("table", { name: "Configured and observed split" }).getByRole("row").filter({ hasText: revision });
  }

  /**
   * The split table shows `split` as configured (revision → percent): the console has sampled
   * the Service under it. Requests sent from then on are counted under it; the second in which
   * the split changed is not counted at all.
   */
  async showsConfigured(split: Record<string, number>): Promise<void> {
    for (const [revision, percent] of Object.entries(split)) {
      await expect(this.splitRow(revision).getByRole("cell").nth(1)).toHaveText(`${percent} %`);
    }
  }

  /** The observed share of a revision, in percent, as its row shows it (NaN before any request). */
  async observedPercent(revision: string): Promise<number> {
    const text = await this.splitRow(revision).innerText();
    return Number(/(\d+(?:\.\d+)?) %\s*\d+\s*(?:As configured|Drift)/.exec(text)?.[1] ?? NaN);
  }

  /** A revision's row in the success rate and latency table. */
  healthRow(revision: string): Locator {
    return this.root.getByRole("table", { name: /^Success rate and latency per revision/ }).getByRole("row").filter({ hasText: revision });
  }

  chart(title: string): Locator {
    // The name is the chart's title (which may go on, e.g. "Success rate (non-5xx, %)"), a colon, then its latest values.
    return this.root.getByRole("img", { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[^:]*:`) });
  }
}
