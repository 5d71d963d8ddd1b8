// Who a spec acts as: the embedded cluster's admin, its developer (may change Knative Services in
// `default` only) or its viewer (may read everything, change nothing). Each is a cluster of the
// console (a context of its kubeconfig; see identities.ts), and playwright.config.ts runs the
// user-facing specs once per identity as a project of its own. A spec takes `actor` from this
// `test` and opens its pages on `actor.cluster`; where the actor may not take a step, the spec
// checks that the console refuses it with the reason and that the cluster is unchanged, and the
// admin takes the step with kubectl so the story goes on.

import { test as base } from "@playwright/test";
import { DEVELOPER_CLUSTER, DEVELOPER_USER, VIEWER_CLUSTER, VIEWER_USER } from "./identities";

export interface Actor {
  name: "admin" | "developer" | "viewer";
  /** The console's cluster id that acts as this identity. */
  cluster: string;
  /** The user the cluster knows them as, as its refusals name them. */
  user: string;
  /** How the Clusters page names the cluster. */
  clusterName: string;
  /** May change Knative Services in `default`. */
  mayChange: boolean;
  /** May read the whole cluster (every namespace, Knative's components). */
  readsEverything: boolean;
}

export const ADMIN: Actor = { name: "admin", cluster: "embedded", user: "kubernetes-admin", clusterName: "Embedded cluster", mayChange: true, readsEverything: true };
export const DEVELOPER: Actor = { name: "developer", cluster: DEVELOPER_CLUSTER, user: DEVELOPER_USER, clusterName: DEVELOPER_CLUSTER, mayChange: true, readsEverything: false };
export const VIEWER: Actor = { name: "viewer", cluster: VIEWER_CLUSTER, user: VIEWER_USER, clusterName: VIEWER_CLUSTER, mayChange: false, readsEverything: true };

export interface ActorOptions {
  actor: Actor;
}

export const test = base.extend<ActorOptions>({
  actor: [ADMIN, { option: true }],
});

export { expect } from "@playwright/test";
