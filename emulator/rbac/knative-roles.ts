// The ClusterRoles Knative Serving installs so that Kubernetes' own `admin`, `edit` and `view`
// cover its resources (knative/serving config/core/200-roles/clusterrole-namespaced.yaml): each is
// labelled to be aggregated into one of them. Ensured at every start, as a Knative installation
// (its operator) keeps its manifests applied.

import { CONTROLLER, type Registry } from "../core/registry";
import { KNATIVE_SERVING_VERSION } from "../seed";
import { AGGREGATE_TO, rule } from "./bootstrap-policy";
import type { RoleObject } from "./rbac-types";
import { CLUSTER_ROLES } from "./resource-types";

const INTERNAL_GROUPS = ["networking.internal.knative.dev", "autoscaling.internal.knative.dev", "caching.internal.knative.dev"];
const READ = ["get", "list", "watch"];

function knativeRole(name: string, aggregateTo: "admin" | "edit" | "view", rules: RoleObject["rules"]): RoleObject {
  return {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRole",
    metadata: {
      name,
      labels: { [AGGREGATE_TO(aggregateTo)]: "true", "app.kubernetes.io/version": KNATIVE_SERVING_VERSION, "app.kubernetes.io/name": "knative-serving" },
    },
    rules,
  };
}

export const KNATIVE_CLUSTER_ROLES: readonly RoleObject[] = [
  knativeRole("knative-serving-namespaced-admin", "admin", [rule(["*"], ["serving.knative.dev"], ["*"]), rule(READ, INTERNAL_GROUPS, ["*"])]),
  knativeRole("knative-serving-namespaced-edit", "edit", [rule(["create", "update", "patch", "delete"], ["serving.knative.dev"], ["*"]), rule(READ, INTERNAL_GROUPS, ["*"])]),
  knativeRole("knative-serving-namespaced-view", "view", [rule(READ, ["serving.knative.dev", ...INTERNAL_GROUPS], ["*"])]),
];

export function ensureKnativeRoles(registry: Registry): void {
  for (const role of KNATIVE_CLUSTER_ROLES) {
    if (!registry.get(CLUSTER_ROLES, undefined, role.metadata.name!)) registry.create(CLUSTER_ROLES, structuredClone(role), CONTROLLER);
  }
}
