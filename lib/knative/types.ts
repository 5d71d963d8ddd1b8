// Knative Serving v1 object shapes (serving.knative.dev/v1), as they travel on the wire.
// Pure types: shared by the console UI, its server routes and the embedded cluster.

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  [key: string]: unknown;
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/** Any Kubernetes object. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  spec?: unknown;
  status?: unknown;
  [key: string]: unknown;
}

export type ConditionStatus = "True" | "False" | "Unknown";

export interface Condition {
  type: string;
  status: ConditionStatus;
  severity?: "Warning" | "Info";
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface TrafficTarget {
  tag?: string;
  revisionName?: string;
  configurationName?: string;
  latestRevision?: boolean;
  percent?: number;
  url?: string;
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    configMapKeyRef?: { name: string; key: string; optional?: boolean };
    secretKeyRef?: { name: string; key: string; optional?: boolean };
    fieldRef?: { fieldPath: string; apiVersion?: string };
    resourceFieldRef?: { resource: string; containerName?: string; divisor?: string };
  };
}

export interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol?: string;
}

export interface ResourceRequirements {
  requests?: Record<string, string>;
  limits?: Record<string, string>;
}

export interface Container {
  name?: string;
  image?: string;
  args?: string[];
  command?: string[];
  env?: EnvVar[];
  envFrom?: Array<{ configMapRef?: { name: string }; secretRef?: { name: string }; prefix?: string }>;
  ports?: ContainerPort[];
  resources?: ResourceRequirements;
  readinessProbe?: Record<string, unknown>;
  livenessProbe?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface RevisionSpec {
  containers: Container[];
  containerConcurrency?: number;
  timeoutSeconds?: number;
  responseStartTimeoutSeconds?: number;
  idleTimeoutSeconds?: number;
  serviceAccountName?: string;
  enableServiceLinks?: boolean;
  [key: string]: unknown;
}

export interface RevisionTemplateSpec {
  metadata?: ObjectMeta;
  spec: RevisionSpec;
}

export interface Status {
  observedGeneration?: number;
  conditions?: Condition[];
  annotations?: Record<string, string>;
}

export interface ServiceSpec {
  template: RevisionTemplateSpec;
  traffic?: TrafficTarget[];
}

export interface ServiceStatus extends Status {
  url?: string;
  address?: { url?: string };
  latestCreatedRevisionName?: string;
  latestReadyRevisionName?: string;
  traffic?: TrafficTarget[];
}

export interface Service extends KubeObject {
  spec: ServiceSpec;
  status?: ServiceStatus;
}

export interface ConfigurationSpec {
  template: RevisionTemplateSpec;
}

export interface ConfigurationStatus extends Status {
  latestCreatedRevisionName?: string;
  latestReadyRevisionName?: string;
}

export interface Configuration extends KubeObject {
  spec: ConfigurationSpec;
  status?: ConfigurationStatus;
}

export interface RevisionStatus extends Status {
  logUrl?: string;
  containerStatuses?: Array<{ name: string; imageDigest?: string }>;
  actualReplicas?: number;
  desiredReplicas?: number;
}

export interface Revision extends KubeObject {
  spec: RevisionSpec;
  status?: RevisionStatus;
}

export interface RouteSpec {
  traffic?: TrafficTarget[];
}

export interface RouteStatus extends Status {
  url?: string;
  address?: { url?: string };
  traffic?: TrafficTarget[];
}

export interface Route extends KubeObject {
  spec: RouteSpec;
  status?: RouteStatus;
}

/** The API group of Knative Serving (serving: pkg/apis/serving/register.go GroupName). */
export const SERVING_GROUP = "serving.knative.dev";
/** The only version the CRDs serve (and store). */
export const SERVING_VERSION = "v1";
/** `apiVersion` of every Knative Serving object. */
export const SERVING_API_VERSION = `${SERVING_GROUP}/${SERVING_VERSION}` as const;
