// What a freshly installed Knative Serving cluster contains, and the walk-through's first step:
// the `helloworld-go` Service in `default`. Seeding happens once, on an empty store; the
// parts that describe this process (the gateway's address, the domain) are refreshed at
// every start.

import { SERVING_API_VERSION, type KubeObject } from "../lib/knative/types";
import { ADMIN, CONTROLLER, type Registry } from "./core/registry";
import { CONFIGMAPS, CORE_SERVICES, DEPLOYMENTS, NAMESPACES, SERVICES, type ResourceType } from "./core/resources";
import { seedObservabilityConfig } from "./knative/config-observability";

export const KNATIVE_SERVING_VERSION = "1.23.0";
export const HELLOWORLD_IMAGE = "ghcr.io/knative/helloworld-go:latest";

const servingLabels = (component: string) => ({
  "app.kubernetes.io/component": component,
  "app.kubernetes.io/name": "knative-serving",
  "app.kubernetes.io/version": KNATIVE_SERVING_VERSION,
});

function deployment(namespace: string, name: string, image: string, labels: Record<string, string>): KubeObject {
  return {
    metadata: { name, namespace, labels },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name, ...labels } }, spec: { containers: [{ name: name.replace(/^3scale-/, ""), image }] } },
    },
  };
}

const SERVING_COMPONENTS = ["activator", "autoscaler", "controller", "webhook"];

export function seedCluster(registry: Registry, opts: { seedSample: boolean }): void {
  const ensure = (type: ResourceType, obj: KubeObject) => {
    if (!registry.get(type, obj.metadata.namespace, obj.metadata.name!)) registry.create(type, obj, CONTROLLER);
  };
  for (const ns of ["default", "kube-system", "kube-public", "knative-serving", "kourier-system"]) ensure(NAMESPACES, { metadata: { name: ns } });
  seedObservabilityConfig(registry, KNATIVE_SERVING_VERSION);

  for (const c of SERVING_COMPONENTS) {
    ensure(DEPLOYMENTS, deployment("knative-serving", c, `gcr.io/knative-releases/knative.dev/serving/cmd/${c}:v${KNATIVE_SERVING_VERSION}`, servingLabels(c)));
  }
  ensure(
    DEPLOYMENTS,
    deployment("knative-serving", "net-kourier-controller", `gcr.io/knative-releases/knative.dev/net-kourier/cmd/kourier:v${KNATIVE_SERVING_VERSION}`, {
      "app.kubernetes.io/component": "net-kourier",
      "app.kubernetes.io/name": "knative-serving",
      "app.kubernetes.io/version": KNATIVE_SERVING_VERSION,
      "networking.knative.dev/ingress-provider": "kourier",
    }),
  );
  ensure(
    DEPLOYMENTS,
    deployment("kourier-system", "3scale-kourier-gateway", "docker.io/envoyproxy/envoy:v1.34-latest", {
      "app.kubernetes.io/component": "net-kourier",
      "app.kubernetes.io/name": "knative-serving",
      "app.kubernetes.io/version": KNATIVE_SERVING_VERSION,
      "networking.knative.dev/ingress-provider": "kourier",
    }),
  );
  // Deployments report themselves available, as the real components would.
  for (const d of registry.list(DEPLOYMENTS)) {
    if ((d.status as { availableReplicas?: number } | undefined)?.availableReplicas) continue;
    d.status = {
      observedGeneration: 1,
      replicas: 1,
      updatedReplicas: 1,
      readyReplicas: 1,
      availableReplicas: 1,
      conditions: [{ type: "Available", status: "True", reason: "MinimumReplicasAvailable", message: "Deployment has minimum availability." }],
    };
    registry.update(DEPLOYMENTS, d, CONTROLLER, { subresource: "status" });
  }

  if (opts.seedSample) {
    registry.create(
      SERVICES,
      {
        apiVersion: SERVING_API_VERSION,
        kind: "Service",
        metadata: { name: "helloworld-go", namespace: "default" },
        spec: { template: { spec: { containers: [{ image: HELLOWORLD_IMAGE, ports: [{ containerPort: 8080 }] }] } } },
      },
      ADMIN,
    );
  }
}

/** Points the cluster's description of itself at this run's gateway and domain. */
export function describeIngress(registry: Registry, gateway: { host: string; port: number }, domain: string): void {
  const upsert = (type: ResourceType, obj: KubeObject, status?: unknown) => {
    const current = registry.get(type, obj.metadata.namespace, obj.metadata.name!);
    const saved = current
      ? registry.update(type, { ...current, ...obj, metadata: { ...current.metadata, ...obj.metadata } }, CONTROLLER)
      : registry.create(type, obj, CONTROLLER);
    if (status !== undefined) registry.update(type, { ...saved, status }, CONTROLLER, { subresource: "status" });
  };
  upsert(
    CORE_SERVICES,
    {
      metadata: { name: "kourier", namespace: "kourier-system", labels: { "networking.knative.dev/ingress-provider": "kourier", "app.kubernetes.io/component": "net-kourier" } },
      spec: {
        type: "LoadBalancer",
        selector: { app: "3scale-kourier-gateway" },
        ports: [{ name: "http2", port: gateway.port, protocol: "TCP", targetPort: 8080 }],
      },
    },
    { loadBalancer: { ingress: [{ ip: gateway.host }] } },
  );
  // config-domain: the domain every Route's URL is made from (knative/serving config/core/configmaps/domain.yaml).
  upsert(CONFIGMAPS, {
    metadata: { name: "config-domain", namespace: "knative-serving", labels: servingLabels("controller") },
    data: { [domain]: "" },
  });
}

export function isEmpty(registry: Registry): boolean {
  return registry.list(NAMESPACES).length === 0;
}

