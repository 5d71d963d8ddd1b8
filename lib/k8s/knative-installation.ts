// Is Knative Serving installed, and which version? Read the way an operator would: the
// `app.kubernetes.io/version` label on the knative-serving Deployments, else on the Service CRD,
// else "installed, version unknown" when the API group answers, else "not installed".

import type { V1Deployment } from "@kubernetes/client-node";
import { SERVING_GROUP } from "@/lib/knative/types";
import type { KnativeInstallation } from "@/lib/queries/api-types";
import { apisFor, callOptions } from "./api-clients";
import type { ClusterRef } from "./cluster-ref";
import { toKubeStatus } from "./errors";
import { servesKnative } from "./knative-api";

export const KNATIVE_NAMESPACE = "knative-serving";
const VERSION_LABEL = "app.kubernetes.io/version";
const RELEASE_LABEL = "serving.knative.dev/release";

/** The version the Deployments agree on; controller and activator are asked first. */
export function versionFromDeployments(deployments: Array<Pick<V1Deployment, "metadata">>): string | undefined {
  const preferred = ["controller", "activator", "autoscaler", "webhook"];
  const sorted = [...deployments].sort(
    (a, b) => rank(preferred, a.metadata?.name) - rank(preferred, b.metadata?.name),
  );
  for (const d of sorted) {
    const labels = d.metadata?.labels ?? {};
    const version = labels[VERSION_LABEL] ?? labels[RELEASE_LABEL];
    if (version) return version.replace(/^v(?=\d)/, "");
  }
  return undefined;
}

function rank(order: string[], name: string | undefined): number {
  const i = order.indexOf(name ?? "");
  return i === -1 ? order.length : i;
}

async function fromCrd(cluster: ClusterRef, timeoutMs: number): Promise<KnativeInstallation | undefined> {
  const { apiextensions } = apisFor(cluster);
  try {
    const crd = await apiextensions.readCustomResourceDefinition({ name: `services.${SERVING_GROUP}` }, callOptions(timeoutMs));
    const labels = crd.metadata?.labels ?? {};
    const version = labels[VERSION_LABEL] ?? labels[RELEASE_LABEL];
    return version ? { installed: true, version: version.replace(/^v(?=\d)/, "") } : { installed: true };
  } catch {
    return undefined;
  }
}

export async function detectKnative(cluster: ClusterRef, timeoutMs: number): Promise<KnativeInstallation> {
  const { apps } = apisFor(cluster);
  try {
    const list = await apps.listNamespacedDeployment({ namespace: KNATIVE_NAMESPACE }, callOptions(timeoutMs));
    const version = versionFromDeployments(list.items);
    if (version) return { installed: true, version };
  } catch {
    // No permission on knative-serving, or no apps API: fall through to the other signals.
  }
  const crd = await fromCrd(cluster, timeoutMs);
  if (crd) return crd;
  try {
    await servesKnative(cluster, timeoutMs);
    return { installed: true };
  } catch (err) {
    return toKubeStatus(err).code === 404 ? { installed: false } : { installed: "unknown" };
  }
}
