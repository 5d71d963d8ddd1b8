// The Go shapes of the built-in objects the embedded cluster accepts writes for, as declared in
// k8s.io/api (core/v1 types.go) and k8s.io/apimachinery (meta/v1 types.go): the fields that the
// API server would keep, with their Go types. Fields a client may not write (pods, events and
// deployments are the cluster's own) are not here.

import { goBool, goBytes, goInt32, goInt64, goIntOrString, goRaw, goString, goTime, mapOf, sliceOf, struct, type GoType } from "./go-json";

const stringMap = mapOf(goString);
const strings = sliceOf(goString);

export const OWNER_REFERENCE = struct("v1", "OwnerReference", () => ({
  apiVersion: goString,
  kind: goString,
  name: goString,
  uid: goString,
  controller: goBool,
  blockOwnerDeletion: goBool,
}));

const MANAGED_FIELDS_ENTRY = struct("v1", "ManagedFieldsEntry", () => ({
  manager: goString,
  operation: goString,
  apiVersion: goString,
  time: goTime,
  fieldsType: goString,
  fieldsV1: goRaw,
  subresource: goString,
}));

export const OBJECT_META = struct("v1", "ObjectMeta", () => ({
  name: goString,
  generateName: goString,
  namespace: goString,
  selfLink: goString,
  uid: goString,
  resourceVersion: goString,
  generation: goInt64,
  creationTimestamp: goTime,
  deletionTimestamp: goTime,
  deletionGracePeriodSeconds: goInt64,
  labels: stringMap,
  annotations: stringMap,
  ownerReferences: sliceOf(OWNER_REFERENCE),
  finalizers: strings,
  managedFields: sliceOf(MANAGED_FIELDS_ENTRY),
}));

const typeMeta = { apiVersion: goString, kind: goString };
export const TYPE_META = struct("v1", "TypeMeta", () => typeMeta);

const NAMESPACE = struct("v1", "Namespace", () => ({
  ...typeMeta,
  metadata: OBJECT_META,
  spec: struct("v1", "NamespaceSpec", () => ({ finalizers: strings })),
  status: struct("v1", "NamespaceStatus", () => ({ phase: goString, conditions: sliceOf(goRaw) })),
}));

const CONFIG_MAP = struct("v1", "ConfigMap", () => ({
  ...typeMeta,
  metadata: OBJECT_META,
  immutable: goBool,
  data: stringMap,
  binaryData: mapOf(goBytes),
}));

const SECRET = struct("v1", "Secret", () => ({
  ...typeMeta,
  metadata: OBJECT_META,
  immutable: goBool,
  data: mapOf(goBytes),
  stringData: stringMap,
  type: goString,
}));

const SERVICE_PORT = struct("v1", "ServicePort", () => ({
  name: goString,
  protocol: goString,
  appProtocol: goString,
  port: goInt32,
  targetPort: goIntOrString,
  nodePort: goInt32,
}));

const LOAD_BALANCER_INGRESS = struct("v1", "LoadBalancerIngress", () => ({
  ip: goString,
  hostname: goString,
  ipMode: goString,
  ports: sliceOf(goRaw),
}));

const CORE_SERVICE = struct("v1", "Service", () => ({
  ...typeMeta,
  metadata: OBJECT_META,
  spec: struct("v1", "ServiceSpec", () => ({
    ports: sliceOf(SERVICE_PORT),
    selector: stringMap,
    clusterIP: goString,
    clusterIPs: strings,
    type: goString,
    externalIPs: strings,
    sessionAffinity: goString,
    loadBalancerIP: goString,
    loadBalancerSourceRanges: strings,
    externalName: goString,
    externalTrafficPolicy: goString,
    healthCheckNodePort: goInt32,
    publishNotReadyAddresses: goBool,
    sessionAffinityConfig: goRaw,
    ipFamilies: strings,
    ipFamilyPolicy: goString,
    allocateLoadBalancerNodePorts: goBool,
    loadBalancerClass: goString,
    internalTrafficPolicy: goString,
    trafficDistribution: goString,
  })),
  status: struct("v1", "ServiceStatus", () => ({
    loadBalancer: struct("v1", "LoadBalancerStatus", () => ({ ingress: sliceOf(LOAD_BALANCER_INGRESS) })),
    conditions: sliceOf(goRaw),
  })),
}));

/** The Go type of each built-in kind a client may write, by Kind. */
const OBJECT_REFERENCE = struct("v1", "ObjectReference", () => ({
  kind: goString,
  namespace: goString,
  name: goString,
  uid: goString,
  apiVersion: goString,
  resourceVersion: goString,
  fieldPath: goString,
}));

/**
 * core/v1 Event (k8s.io/api/core/v1 types.go): clients write these too, as kube-apiserver lets
 * anyone RBAC allows (controllers' recorders, the console's audit trail). `reportingComponent`
 * is the JSON name of the Go field ReportingController.
 */
const EVENT = struct("v1", "Event", () => ({
  ...typeMeta,
  metadata: OBJECT_META,
  involvedObject: OBJECT_REFERENCE,
  reason: goString,
  message: goString,
  source: struct("v1", "EventSource", () => ({ component: goString, host: goString })),
  firstTimestamp: goTime,
  lastTimestamp: goTime,
  count: goInt32,
  type: goString,
  eventTime: goTime,
  series: struct("v1", "EventSeries", () => ({ count: goInt32, lastObservedTime: goTime })),
  action: goString,
  related: OBJECT_REFERENCE,
  reportingComponent: goString,
  reportingInstance: goString,
}));

export const CORE_KINDS: Record<string, GoType> = {
  Namespace: NAMESPACE,
  ConfigMap: CONFIG_MAP,
  Secret: SECRET,
  Service: CORE_SERVICE,
  Event: EVENT,
};

/** metav1.DeleteOptions, the optional body of a DELETE. */
export const DELETE_OPTIONS = struct("v1", "DeleteOptions", () => ({
  ...typeMeta,
  gracePeriodSeconds: goInt64,
  preconditions: struct("v1", "Preconditions", () => ({ uid: goString, resourceVersion: goString })),
  orphanDependents: goBool,
  propagationPolicy: goString,
  dryRun: strings,
}));
