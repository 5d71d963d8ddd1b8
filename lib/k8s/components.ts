// The Knative page's Components tab: the knative-serving Deployments, the networking layer's
// Deployments and its ingress gateway, each with its status and version (ACK's Components page).

import type { V1Deployment } from "@kubernetes/client-node";
import type { ComponentHealth, ComponentsOverview, KnativeComponent } from "@/lib/queries/api-types";
import { apisFor, callOptions, toPlainJson } from "./api-clients";
import type { ClusterRef } from "./cluster-ref";
import { toKubeStatus } from "./errors";
import { findGateway } from "./gateway-address";
import { KNATIVE_NAMESPACE, detectKnative, versionFromDeployments } from "./knative-installation";

const NETWORKING_NAMESPACES = ["kourier-system"];

export function deploymentHealth(d: V1Deployment): { health: ComponentHealth; detail?: string } {
  const desired = d.spec?.replicas ?? 1;
  const ready = d.status?.readyReplicas ?? 0;
  const available = d.status?.conditions?.find((c) => c.type === "Available");
  const progressing = d.status?.conditions?.find((c) => c.type === "Progressing");
  if (available?.status === "True" && ready >= desired) return { health: "Ready" };
  if (available?.status === "False") return { health: "Unavailable", detail: available.message ?? available.reason };
  if (desired === 0) return { health: "Unavailable", detail: "Scaled to 0 replicas" };
  return { health: "Progressing", detail: progressing?.message ?? `${ready}/${desired} replicas ready` };
}

function toComponent(d: V1Deployment): KnativeComponent {
  const labels = d.metadata?.labels ?? {};
  return {
    name: d.metadata?.name ?? "",
    namespace: d.metadata?.namespace ?? "",
    kind: "Deployment",
    version: versionFromDeployments([d]) ?? labels["app.kubernetes.io/version"],
    readyReplicas: d.status?.readyReplicas ?? 0,
    replicas: d.spec?.replicas ?? 1,
    ...deploymentHealth(d),
    creationTimestamp: d.metadata?.creationTimestamp ? new Date(d.metadata.creationTimestamp).toISOString() : undefined,
  };
}

async function deploymentsIn(cluster: ClusterRef, namespace: string): Promise<V1Deployment[]> {
  const { apps } = apisFor(cluster);
  try {
    return (await apps.listNamespacedDeployment({ namespace }, callOptions())).items;
  } catch (err) {
    if (toKubeStatus(err).code === 404) return [];
    throw err;
  }
}

export async function listComponents(cluster: ClusterRef): Promise<ComponentsOverview> {
  const [knative, serving, networking, gateway] = await Promise.all([
    detectKnative(cluster, 5_000),
    deploymentsIn(cluster, KNATIVE_NAMESPACE),
    Promise.all(NETWORKING_NAMESPACES.map((ns) => deploymentsIn(cluster, ns))).then((l) => l.flat()),
    findGateway(cluster),
  ]);
  const components = [...serving, ...networking].map(toComponent);
  if (gateway.source) {
    const [namespace = "", name = ""] = gateway.source.split("/");
    components.push({
      name,
      namespace,
      kind: "Gateway",
      readyReplicas: gateway.address ? 1 : 0,
      replicas: 1,
      health: gateway.address ? "Ready" : "Progressing",
      detail: gateway.address ?? "Waiting for a load balancer address",
    });
  }
  return toPlainJson({ knative, components });
}
