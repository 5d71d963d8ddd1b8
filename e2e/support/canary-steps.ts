// The steps of a canary release as the spec's actor takes them. Someone who may change the
// Service takes each through the console's dialogs. For someone who may not, the console must
// refuse it (its button disabled with the cluster's reason, the Service unchanged) and the admin
// then takes the same step with kubectl, so that what follows (the page following the change
// live, the answers through the gateway) is checked for them all the same.

import { expect } from "@playwright/test";
import type { Actor } from "./actor";
import { kubectl } from "./embedded-cluster";
import { getKnativeService, HELLO_IMAGE } from "./knative-service";
import { type Action, expectActionRefused } from "./permissions-page";
import type { CreateRevisionWizard, ServicePage, SplitTrafficDialog } from "./service-page";

type Split = Record<string, number>;

export class CanarySteps {
  constructor(
    readonly servicePage: ServicePage,
    readonly actor: Actor,
  ) {}

  private get service() {
    return this.servicePage.service;
  }

  /** The viewer's turn: the action refused, nothing changed; then the admin's kubectl patch. */
  private async refusedThenByAdmin(action: Action, patch: object): Promise<void> {
    const { page, namespace } = this.servicePage;
    await expectActionRefused(page, this.actor.user, action, { namespace, unchanged: () => getKnativeService(this.service, namespace).metadata.resourceVersion });
    kubectl(["patch", "ksvc", this.service, "-n", namespace, "--type", "merge", "-p", JSON.stringify(patch)]);
  }

  /**
   * A new revision with `env` set, at 0 %, while `current` keeps all the traffic pinned by name
   * (what the wizard proposes). `review` looks at the wizard's traffic step before Create.
   */
  async createRevision(env: Record<string, string>, current: string, review?: (wizard: CreateRevisionWizard) => Promise<void>): Promise<void> {
    if (!this.actor.mayChange) {
      const containers = [{ image: HELLO_IMAGE, env: Object.entries(env).map(([name, value]) => ({ name, value })) }];
      return this.refusedThenByAdmin("createRevision", { spec: { template: { spec: { containers } }, traffic: [{ revisionName: current, percent: 100 }] } });
    }
    const wizard = await this.servicePage.openCreateRevision();
    for (const [key, value] of Object.entries(env)) await wizard.addEnvironmentVariable(key, value);
    await wizard.next();
    await review?.(wizard);
    await wizard.create();
  }

  /** The split typed into Split Traffic's number boxes; `review` looks at the dialog before OK. */
  async split(split: Split, review?: (dialog: SplitTrafficDialog) => Promise<void>): Promise<void> {
    if (!this.actor.mayChange) return this.refusedThenByAdmin("splitTraffic", { spec: { traffic: pinned(split) } });
    const dialog = await this.servicePage.openSplitTraffic();
    for (const [revision, percent] of Object.entries(split)) await dialog.percent(revision).fill(String(percent));
    await review?.(dialog);
    await dialog.apply();
  }

  /** Split Traffic's Promote to 100 %. */
  promote(revision: string): Promise<void> {
    return this.allTrafficTo(revision, (dialog) => dialog.promote(revision));
  }

  /** Split Traffic's Roll back. */
  rollBackTo(revision: string): Promise<void> {
    return this.allTrafficTo(revision, (dialog) => dialog.rollBackTo(revision));
  }

  /** A button of Split Traffic that sends all the traffic to `revision`, then Apply. */
  private async allTrafficTo(revision: string, press: (dialog: SplitTrafficDialog) => Promise<void>): Promise<void> {
    if (!this.actor.mayChange) return this.refusedThenByAdmin("splitTraffic", { spec: { traffic: pinned({ [revision]: 100 }) } });
    const dialog = await this.servicePage.openSplitTraffic();
    await press(dialog);
    await expect(dialog.percent(revision)).toHaveValue("100");
    await dialog.apply();
  }
}

const pinned = (split: Split) => Object.entries(split).map(([revisionName, percent]) => ({ revisionName, percent }));
