// The embedded cluster's seeded identities (emulator/rbac/identities.ts) as clusters of the
// console: the viewer's and the developer's contexts, copied from the kubeconfig the cluster
// writes into a file of their own on the console's KUBECONFIG, so the console lists each as a
// cluster acting as that identity (the admin's stays the "embedded" cluster).

import fs from "node:fs";
import path from "node:path";
import { KubeConfig } from "@kubernetes/client-node";
import { kubeconfigPath } from "./embedded-cluster";

export const VIEWER_CLUSTER = "knative-local-viewer";
export const DEVELOPER_CLUSTER = "knative-local-developer";
export const VIEWER_USER = "knative-viewer";
export const DEVELOPER_USER = "knative-developer";

export const identitiesKubeconfigPath = (dir: string) => path.join(dir, "identities-kubeconfig");

export function writeIdentitiesKubeconfig(dir: string): void {
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfigPath());
  const contexts = kc.getContexts().filter((c) => c.name === VIEWER_CLUSTER || c.name === DEVELOPER_CLUSTER);
  const users = kc.getUsers().filter((u) => contexts.some((c) => c.user === u.name));
  const only = new KubeConfig();
  only.loadFromOptions({ clusters: kc.getClusters(), users, contexts, currentContext: VIEWER_CLUSTER });
  fs.writeFileSync(identitiesKubeconfigPath(dir), only.exportConfig(), { mode: 0o600 });
}
