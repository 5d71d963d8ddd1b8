// The resource types the embedded cluster serves, with what discovery, kubectl's Tables
// and the REST paths need to know about each.

import { SERVING_GROUP, SERVING_VERSION } from "../../lib/knative/types";
import { ACCESS_CONTROL_TYPES } from "../rbac/resource-types";

export interface PrinterColumn {
  name: string;
  type: "string" | "integer" | "number" | "boolean" | "date";
  /** A JSONPath as in a CRD's additionalPrinterColumns (`.status.url`, `.status.conditions[?(@.type=='Ready')].status`). */
  jsonPath: string;
  description?: string;
  priority?: number;
}

export interface SubresourceType {
  name: string;
  /** What the subresource takes and answers, which may be of another group (TokenRequest). */
  group: string;
  version: string;
  kind: string;
  verbs: string[];
}

export interface ResourceType {
  group: string; // "" for core
  version: string;
  resource: string; // plural
  singular: string;
  kind: string;
  listKind: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  /** Has a /status subresource: spec and status are written separately, generation follows spec. */
  statusSubresource: boolean;
  /** Subresources besides status, for discovery (a ServiceAccount's `token`). */
  subresources?: SubresourceType[];
  /** Read-only to clients (pods, events, deployments are written by the cluster itself). */
  readOnly?: boolean;
  printerColumns: PrinterColumn[];
}

const ALL_VERBS = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
const READ_VERBS = ["get", "list", "watch"];
const READY = ".status.conditions[?(@.type=='Ready')]";

function serving(resource: string, singular: string, kind: string, shortNames: string[], printerColumns: PrinterColumn[]): ResourceType {
  return {
    group: SERVING_GROUP,
    version: SERVING_VERSION,
    resource,
    singular,
    kind,
    listKind: `${kind}List`,
    namespaced: true,
    shortNames,
    categories: ["all", "knative", "serving"],
    verbs: ALL_VERBS,
    statusSubresource: true,
    printerColumns,
  };
}

const readyColumns: PrinterColumn[] = [
  { name: "Ready", type: "string", jsonPath: `${READY}.status` },
  { name: "Reason", type: "string", jsonPath: `${READY}.reason` },
];

export const SERVICES = serving("services", "service", "Service", ["kservice", "ksvc"], [
  { name: "URL", type: "string", jsonPath: ".status.url" },
  { name: "LatestCreated", type: "string", jsonPath: ".status.latestCreatedRevisionName" },
  { name: "LatestReady", type: "string", jsonPath: ".status.latestReadyRevisionName" },
  ...readyColumns,
]);
export const CONFIGURATIONS = serving("configurations", "configuration", "Configuration", ["config", "cfg"], [
  { name: "LatestCreated", type: "string", jsonPath: ".status.latestCreatedRevisionName" },
  { name: "LatestReady", type: "string", jsonPath: ".status.latestReadyRevisionName" },
  ...readyColumns,
]);
export const REVISIONS = serving("revisions", "revision", "Revision", ["rev"], [
  { name: "Config Name", type: "string", jsonPath: ".metadata.labels['serving\\.knative\\.dev/configuration']" },
  { name: "Generation", type: "string", jsonPath: ".metadata.labels['serving\\.knative\\.dev/configurationGeneration']" },
  ...readyColumns,
  { name: "Actual Replicas", type: "integer", jsonPath: ".status.actualReplicas" },
  { name: "Desired Replicas", type: "integer", jsonPath: ".status.desiredReplicas" },
]);
export const ROUTES = serving("routes", "route", "Route", ["rt"], [
  { name: "URL", type: "string", jsonPath: ".status.url" },
  ...readyColumns,
]);

function core(resource: string, singular: string, kind: string, shortNames: string[], opts: Partial<ResourceType> = {}): ResourceType {
  return {
    group: "",
    version: "v1",
    resource,
    singular,
    kind,
    listKind: `${kind}List`,
    namespaced: true,
    shortNames,
    categories: [],
    verbs: ALL_VERBS,
    statusSubresource: false,
    printerColumns: [],
    ...opts,
  };
}

export const NAMESPACES = core("namespaces", "namespace", "Namespace", ["ns"], {
  namespaced: false,
  statusSubresource: true,
  printerColumns: [{ name: "Status", type: "string", jsonPath: ".status.phase" }],
});
export const PODS = core("pods", "pod", "Pod", ["po"], {
  categories: ["all"],
  verbs: [...READ_VERBS, "delete"],
  readOnly: true,
  statusSubresource: true,
  printerColumns: [
    { name: "Ready", type: "string", jsonPath: ".status.containerStatuses" },
    { name: "Status", type: "string", jsonPath: ".status.phase" },
    { name: "Restarts", type: "integer", jsonPath: ".status.containerStatuses[0].restartCount" },
  ],
});
export const CORE_SERVICES = core("services", "service", "Service", ["svc"], {
  categories: ["all"],
  statusSubresource: true,
  printerColumns: [
    { name: "Type", type: "string", jsonPath: ".spec.type" },
    { name: "Cluster-IP", type: "string", jsonPath: ".spec.clusterIP" },
    { name: "External-IP", type: "string", jsonPath: ".status.loadBalancer.ingress[0].ip" },
  ],
});
export const CONFIGMAPS = core("configmaps", "configmap", "ConfigMap", ["cm"]);
export const SECRETS = core("secrets", "secret", "Secret", []);
export const EVENTS = core("events", "event", "Event", ["ev"], {
  printerColumns: [
    { name: "Type", type: "string", jsonPath: ".type" },
    { name: "Reason", type: "string", jsonPath: ".reason" },
    { name: "Object", type: "string", jsonPath: ".involvedObject.name" },
    { name: "Message", type: "string", jsonPath: ".message" },
  ],
});
export const DEPLOYMENTS: ResourceType = {
  group: "apps",
  version: "v1",
  resource: "deployments",
  singular: "deployment",
  kind: "Deployment",
  listKind: "DeploymentList",
  namespaced: true,
  shortNames: ["deploy"],
  categories: ["all"],
  verbs: READ_VERBS,
  readOnly: true,
  statusSubresource: true,
  printerColumns: [
    { name: "Ready", type: "string", jsonPath: ".status.readyReplicas" },
    { name: "Up-to-date", type: "integer", jsonPath: ".status.updatedReplicas" },
    { name: "Available", type: "integer", jsonPath: ".status.availableReplicas" },
  ],
};

export const RESOURCE_TYPES: ResourceType[] = [
  SERVICES,
  CONFIGURATIONS,
  REVISIONS,
  ROUTES,
  NAMESPACES,
  PODS,
  CORE_SERVICES,
  CONFIGMAPS,
  SECRETS,
  EVENTS,
  DEPLOYMENTS,
  ...ACCESS_CONTROL_TYPES,
];

export const apiVersionOf = (t: ResourceType) => (t.group ? `${t.group}/${t.version}` : t.version);

export function findResourceType(group: string, version: string, resource: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => t.group === group && t.version === version && t.resource === resource);
}
