// The core/v1 Pods a Revision runs, shaped as the Deployment Knative creates for it would make
// them (serving: pkg/reconciler/revision/resources/deploy.go, meta.go, queue.go): named
// `<rev>-deployment-<pod-template-hash>-<5 chars>`, labelled and annotated from the Revision,
// with the user container and the queue-proxy sidecar and its ports. The pod template also
// carries the cluster's observability config (queue-proxy's OBSERVABILITY_CONFIG env), so a
// change to config-observability makes a new template, with a new hash. Pure builders.

import { formatTime } from "../../lib/knative/conditions";
import {
  AUTOSCALING_PREFIX,
  ANNOTATION_ROUTES,
  ANNOTATION_ROUTING_STATE_MODIFIED,
  LABEL_CONFIGURATION,
  LABEL_REVISION,
  LABEL_REVISION_UID,
  LABEL_ROUTING_STATE,
  LABEL_SERVICE,
} from "../../lib/knative/labels";
import { deploymentName } from "../../lib/knative/naming";
import { userContainerOf, userPortOf } from "../../lib/knative/user-container";
import { OBSERVABILITY_CONFIG_ENV } from "../../lib/knative/observability-config";
import { QUEUE_AUTOSCALING_METRICS_PORT, QUEUE_HTTP_PORT, QUEUE_PROXY_CONTAINER_NAME, QUEUE_USER_METRICS_PORT, queueProxyEnv } from "../../lib/knative/queue-proxy";
import { SERVING_API_VERSION, type Container, type KubeObject, type Revision } from "../../lib/knative/types";
import { DEFAULT_REVISION_TIMEOUT_SECONDS, DEFAULT_SERVING_CONTAINER_NAME } from "../../lib/knative/validation/config";

/** The queue-proxy image of the Knative Serving v1.23.0 release. */
export const QUEUE_IMAGE = "gcr.io/knative-releases/knative.dev/serving/cmd/queue@sha256:2b0ac3d6ec1be2d0f3a6f3b23a23aa4e4b2e7c7e0c5e1d5d0f7b6a0d5f3b9a1c";

/** meta.go excludeLabels / excludeAnnotations. */
const EXCLUDED_LABELS = new Set(["serving.knative.dev/route", LABEL_ROUTING_STATE]);
const EXCLUDED_ANNOTATIONS = new Set(["serving.knative.dev/lastPinned", "serving.knative.dev/no-gc", ANNOTATION_ROUTING_STATE_MODIFIED, ANNOTATION_ROUTES]);
const NODE_NAME = "embedded-control-plane";
const HOST_IP = "172.18.0.2";

export interface Pod extends KubeObject {
  spec: { containers: Container[]; [key: string]: unknown };
  status?: PodStatus;
}

export interface PodStatus {
  phase: "Pending" | "Running";
  conditions: Array<{ type: string; status: "True" | "False"; lastProbeTime: null; lastTransitionTime: string; reason?: string; message?: string }>;
  hostIP: string;
  podIP?: string;
  podIPs?: Array<{ ip: string }>;
  startTime: string;
  containerStatuses: Array<Record<string, unknown>>;
  qosClass: string;
  [key: string]: unknown;
}

/** k8s.io/apimachinery rand.SafeEncodeString alphabet: no vowels, no look-alikes. */
const SAFE_ALPHABET = "bcdf2ghjklmnpqrs4tvwxz5678";
const RANDOM_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The ReplicaSet's `pod-template-hash`: SafeEncodeString of the decimal fnv32a of the template,
 * which here is the revision and the observability config its queue-proxy gets.
 */
export function podTemplateHash(revision: Revision, observabilityConfig: string): string {
  const digits = String(fnv32a(`${revision.metadata.uid}/${revision.metadata.name}/${observabilityConfig}`));
  return Array.from(digits, (d) => SAFE_ALPHABET[d.charCodeAt(0) % SAFE_ALPHABET.length]).join("");
}

export function podName(revision: Revision, observabilityConfig: string, random: () => number = Math.random): string {
  let suffix = "";
  for (let i = 0; i < 5; i++) suffix += RANDOM_ALPHABET[Math.floor(random() * RANDOM_ALPHABET.length)];
  return `${deploymentName(revision.metadata.name!)}-${podTemplateHash(revision, observabilityConfig)}-${suffix}`;
}

/** meta.go makeLabels, plus the ReplicaSet's pod-template-hash. */
export function podLabels(revision: Revision, observabilityConfig: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(revision.metadata.labels ?? {})) if (!EXCLUDED_LABELS.has(k)) labels[k] = v;
  labels[LABEL_REVISION] = revision.metadata.name!;
  labels[LABEL_REVISION_UID] = revision.metadata.uid!;
  labels.app ??= revision.metadata.name!;
  labels["pod-template-hash"] = podTemplateHash(revision, observabilityConfig);
  return labels;
}

/** meta.go podAnnotations. */
export function podAnnotations(revision: Revision): Record<string, string> {
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(revision.metadata.annotations ?? {})) {
    if (!EXCLUDED_ANNOTATIONS.has(k) && !k.startsWith(AUTOSCALING_PREFIX)) annotations[k] = v;
  }
  annotations["kubectl.kubernetes.io/default-container"] = userContainerOf(revision).name ?? DEFAULT_SERVING_CONTAINER_NAME;
  return annotations;
}


export interface PodPlacement {
  name: string;
  now: Date;
  /** queue-proxy's OBSERVABILITY_CONFIG (lib/knative/observability-config.ts observabilityConfigJson). */
  observabilityConfig: string;
}

export function makePod(revision: Revision, placement: PodPlacement): Pod {
  const rev = revision.metadata;
  const labels = rev.labels ?? {};
  const user = userContainerOf(revision);
  const port = userPortOf(revision);
  const containers: Container[] = (revision.spec.containers ?? []).map((c) => {
    if (c !== user) return structuredClone(c);
    const { env, ...rest } = structuredClone(c);
    return {
      ...rest,
      name: c.name ?? DEFAULT_SERVING_CONTAINER_NAME,
      ports: [{ name: "user-port", containerPort: port, protocol: "TCP" }],
      env: [
        ...(env ?? []),
        { name: "PORT", value: String(port) },
        { name: "K_REVISION", value: rev.name! },
        { name: "K_CONFIGURATION", value: labels[LABEL_CONFIGURATION] ?? "" },
        { name: "K_SERVICE", value: labels[LABEL_SERVICE] ?? "" },
      ],
      terminationMessagePath: "/dev/termination-log",
      terminationMessagePolicy: "FallbackToLogsOnError",
      imagePullPolicy: "IfNotPresent",
    };
  });
  containers.push(queueProxy(revision, port, placement.observabilityConfig));
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: placement.name,
      generateName: `${deploymentName(rev.name!)}-${podTemplateHash(revision, placement.observabilityConfig)}-`,
      namespace: rev.namespace,
      labels: podLabels(revision, placement.observabilityConfig),
      annotations: podAnnotations(revision),
      // A real pod is controlled by its ReplicaSet; here the Revision owns it so that deleting
      // the Revision garbage-collects its pods.
      ownerReferences: [{ apiVersion: SERVING_API_VERSION, kind: "Revision", name: rev.name!, uid: rev.uid!, controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      containers,
      enableServiceLinks: revision.spec.enableServiceLinks ?? false,
      serviceAccountName: revision.spec.serviceAccountName ?? "default",
      terminationGracePeriodSeconds: revision.spec.timeoutSeconds ?? DEFAULT_REVISION_TIMEOUT_SECONDS,
      restartPolicy: "Always",
      dnsPolicy: "ClusterFirst",
      schedulerName: "default-scheduler",
      nodeName: NODE_NAME,
    },
    status: pendingStatus(placement.now),
  };
}

function queueProxy(revision: Revision, userPort: number, observabilityConfig: string): Container {
  const rev = revision.metadata;
  const labels = rev.labels ?? {};
  return {
    name: QUEUE_PROXY_CONTAINER_NAME,
    image: QUEUE_IMAGE,
    ports: [
      { name: "http-autometric", containerPort: QUEUE_AUTOSCALING_METRICS_PORT, protocol: "TCP" },
      { name: "http-usermetric", containerPort: QUEUE_USER_METRICS_PORT, protocol: "TCP" },
      { name: "queue-port", containerPort: QUEUE_HTTP_PORT, protocol: "TCP" },
    ],
    env: [
      { name: "SERVING_NAMESPACE", value: rev.namespace ?? "" },
      { name: "SERVING_SERVICE", value: labels[LABEL_SERVICE] ?? "" },
      { name: "SERVING_CONFIGURATION", value: labels[LABEL_CONFIGURATION] ?? "" },
      { name: "SERVING_REVISION", value: rev.name! },
      { name: "QUEUE_SERVING_PORT", value: String(QUEUE_HTTP_PORT) },
      { name: "CONTAINER_CONCURRENCY", value: String(revision.spec.containerConcurrency ?? 0) },
      { name: "REVISION_TIMEOUT_SECONDS", value: String(revision.spec.timeoutSeconds ?? DEFAULT_REVISION_TIMEOUT_SECONDS) },
      { name: "SERVING_POD", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "metadata.name" } } },
      { name: "SERVING_POD_IP", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "status.podIP" } } },
      { name: "USER_PORT", value: String(userPort) },
      { name: OBSERVABILITY_CONFIG_ENV, value: observabilityConfig },
    ],
    resources: { requests: { cpu: "25m" } },
    readinessProbe: { httpGet: { port: QUEUE_HTTP_PORT, scheme: "HTTP", httpHeaders: [{ name: "K-Network-Probe", value: "queue" }] }, periodSeconds: 0, successThreshold: 1 },
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] }, readOnlyRootFilesystem: true, runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
    terminationMessagePath: "/dev/termination-log",
    terminationMessagePolicy: "File",
    imagePullPolicy: "IfNotPresent",
  };
}

const condition = (type: string, status: "True" | "False", time: string, reason?: string, message?: string) => ({
  type,
  status,
  lastProbeTime: null,
  lastTransitionTime: time,
  ...(reason ? { reason } : {}),
  ...(message ? { message } : {}),
});

function pendingStatus(now: Date): PodStatus {
  const time = formatTime(now);
  const notReady = `containers with unready status: [${DEFAULT_SERVING_CONTAINER_NAME} ${QUEUE_PROXY_CONTAINER_NAME}]`;
  return {
    phase: "Pending",
    conditions: [
      condition("PodReadyToStartContainers", "False", time),
      condition("Initialized", "True", time),
      condition("Ready", "False", time, "ContainersNotReady", notReady),
      condition("ContainersReady", "False", time, "ContainersNotReady", notReady),
      condition("PodScheduled", "True", time),
    ],
    hostIP: HOST_IP,
    startTime: time,
    containerStatuses: [],
    qosClass: "Burstable",
  };
}

/** The status of a pod whose containers started and passed their readiness probes. */
export function readyStatus(pod: Pod, podIP: string, imageDigests: Record<string, string>, now: Date): PodStatus {
  const time = formatTime(now);
  const startTime = pod.status?.startTime ?? time;
  return {
    phase: "Running",
    conditions: [
      condition("PodReadyToStartContainers", "True", time),
      condition("Initialized", "True", startTime),
      condition("Ready", "True", time),
      condition("ContainersReady", "True", time),
      condition("PodScheduled", "True", startTime),
    ],
    hostIP: HOST_IP,
    podIP,
    podIPs: [{ ip: podIP }],
    startTime,
    containerStatuses: pod.spec.containers.map((c) => ({
      name: c.name,
      image: c.image,
      imageID: imageDigests[c.name ?? ""] ?? c.image,
      ready: true,
      started: true,
      restartCount: 0,
      state: { running: { startedAt: time } },
      lastState: {},
    })),
    qosClass: "Burstable",
  };
}

/** The OBSERVABILITY_CONFIG the pod's queue-proxy was started with ("" for pods made before it existed). */
export function podObservabilityConfig(pod: Pod): string {
  return queueProxyEnv(pod)[OBSERVABILITY_CONFIG_ENV] ?? "";
}

export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false;
}
