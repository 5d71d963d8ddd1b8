// The Configuration and Route a Service owns (serving: pkg/reconciler/service/resources/
// configuration.go, route.go, names/names.go). Pure builders.

import { ROLLOUT_DURATION_KEYS } from "../../lib/knative/annotation-keys";
import { ANNOTATION_LAST_APPLIED, ANNOTATION_ROUTES, LABEL_SERVICE, LABEL_SERVICE_UID } from "../../lib/knative/labels";
import { SERVING_API_VERSION, type Configuration, type Route, type Service } from "../../lib/knative/types";
import { controllerRef } from "./ownership";

function without(map: Record<string, string> | undefined, keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(map ?? {})) if (!keys.includes(k)) out[k] = v;
  return out;
}

/** labeler.GetListAnnValue: a comma-separated annotation as a set. */
export function listAnnotation(annotations: Record<string, string> | undefined, key: string): Set<string> {
  const value = annotations?.[key];
  return new Set(value ? value.split(",").filter(Boolean) : []);
}

/** MakeConfigurationFromExisting: the Service's template, keeping the routes already listed. */
export function makeConfiguration(service: Service, existing?: Configuration): Configuration {
  const annotations = without(service.metadata.annotations, [ANNOTATION_LAST_APPLIED, ...ROLLOUT_DURATION_KEYS]);
  const routes = listAnnotation(existing?.metadata.annotations, ANNOTATION_ROUTES);
  routes.add(service.metadata.name!);
  annotations[ANNOTATION_ROUTES] = [...routes].sort().join(",");
  return {
    apiVersion: SERVING_API_VERSION,
    kind: "Configuration",
    metadata: {
      name: service.metadata.name,
      namespace: service.metadata.namespace,
      ownerReferences: [controllerRef(service)],
      labels: { ...service.metadata.labels, [LABEL_SERVICE]: service.metadata.name!, [LABEL_SERVICE_UID]: service.metadata.uid! },
      annotations,
    },
    spec: { template: structuredClone(service.spec.template) },
  };
}

/** MakeRoute: the Service's traffic, with `configurationName` filled in where no revision is named. */
export function makeRoute(service: Service): Route {
  const traffic = structuredClone(service.spec.traffic ?? []).map((t) => (t.revisionName ? t : { ...t, configurationName: service.metadata.name! }));
  return {
    apiVersion: SERVING_API_VERSION,
    kind: "Route",
    metadata: {
      name: service.metadata.name,
      namespace: service.metadata.namespace,
      ownerReferences: [controllerRef(service)],
      annotations: without(service.metadata.annotations, [ANNOTATION_LAST_APPLIED]),
      labels: { ...service.metadata.labels, [LABEL_SERVICE]: service.metadata.name! },
    },
    spec: { traffic },
  };
}
