// The `config-observability` ConfigMap of the embedded Knative Serving, and what its
// queue-proxies get from it.
//
// Seeded as Knative ships it (knative/serving config/core/configmaps/observability.yaml at
// knative-v1.23.0, copied verbatim into ./configmaps/, release version in the labels) plus one
// key: `request-metrics-protocol: prometheus`. Knative's default, `none`, gives queue-proxy no
// request metrics at all, and the upstream docs push them over OTLP to a collector; the
// embedded cluster has neither, and with `prometheus` every queue-proxy serves them on port 9091
// for the console to read through the pod proxy. Pods read it when they are made: a change
// reaches a revision by rolling its pods (emulator/controllers/autoscaler.ts).

import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import {
  CONFIG_OBSERVABILITY,
  defaultObservabilityConfig,
  ObservabilityConfigError,
  observabilityConfigJson,
  parseObservabilityConfig,
} from "../../lib/knative/observability-config";
import type { KubeObject } from "../../lib/knative/types";
import { CONTROLLER, type Registry } from "../core/registry";
import { CONFIGMAPS } from "../core/resources";

/** Knative's system namespace, where its ConfigMaps live. */
export const KNATIVE_SERVING_NAMESPACE = "knative-serving";

type ConfigMap = KubeObject & { data?: Record<string, string> };

/** The shipped ConfigMap, labelled for `version`, with request metrics on Prometheus. */
export function observabilityConfigMap(version: string): ConfigMap {
  const shipped = parseYaml(readFileSync(new URL("./configmaps/observability.yaml", import.meta.url), "utf8")) as ConfigMap;
  return {
    apiVersion: shipped.apiVersion,
    kind: shipped.kind,
    metadata: { ...shipped.metadata, labels: { ...shipped.metadata.labels, "app.kubernetes.io/version": version } },
    data: { ...shipped.data, "request-metrics-protocol": "prometheus" },
  };
}

/** Creates it on a fresh cluster. */
export function seedObservabilityConfig(registry: Registry, version: string): void {
  if (!registry.get(CONFIGMAPS, KNATIVE_SERVING_NAMESPACE, CONFIG_OBSERVABILITY)) registry.create(CONFIGMAPS, observabilityConfigMap(version), CONTROLLER);
}

/**
 * The OBSERVABILITY_CONFIG a queue-proxy made now gets. Without the ConfigMap, Knative's
 * defaults. A stored one that Knative would refuse (the config webhook keeps new ones out) also
 * gives the defaults, where Knative's controller would keep its last good config.
 */
export function currentObservabilityConfig(registry: Registry): string {
  const data = registry.get<ConfigMap>(CONFIGMAPS, KNATIVE_SERVING_NAMESPACE, CONFIG_OBSERVABILITY)?.data;
  try {
    return observabilityConfigJson(parseObservabilityConfig(data));
  } catch (err) {
    if (!(err instanceof ObservabilityConfigError)) throw err;
    return observabilityConfigJson(defaultObservabilityConfig());
  }
}

export function isObservabilityConfigMap(type: unknown, object: KubeObject): boolean {
  return type === CONFIGMAPS && object.metadata.namespace === KNATIVE_SERVING_NAMESPACE && object.metadata.name === CONFIG_OBSERVABILITY;
}
