// The Revision reconciler (serving: pkg/reconciler/revision/revision.go, reconcile_resources.go;
// pkg/apis/serving/v1/revision_lifecycle.go PropagateAutoscalerStatus; the PodAutoscaler's
// Active condition from pkg/reconciler/autoscaling/kpa/kpa.go computeActiveCondition).
//
// First the image digests are resolved (`containerStatuses`); an image that cannot be pulled
// makes ContainerHealthy False with ContainerMissing. Then the revision follows its pods:
// Unknown/Deploying until the initial scale is ready, then ResourcesAvailable and
// ContainerHealthy True for good, with Active tracking the scale: True when serving,
// Unknown/Queued while activating, False/NoTraffic at zero (Ready stays True).

import { isReady, READY, REVISION_CONDITIONS, type ConditionManager } from "../../lib/knative/conditions";
import { LABEL_REVISION } from "../../lib/knative/labels";
import type { Revision } from "../../lib/knative/types";
import { DEFAULT_SERVING_CONTAINER_NAME } from "../../lib/knative/validation/config";
import { PODS, REVISIONS } from "../core/resources";
import { imageDigest, isPullable, parseImage } from "../runtime/images";
import { ReportedError } from "./controller";
import { scalingSpecFor } from "./kpa";
import { isPodReady, type Pod } from "./pods";
import { reconcileKind, type ReconcilerContext } from "./reconcile-kind";

export interface RevisionReconcilerOptions extends ReconcilerContext {
  scaleOf(revision: Revision): number;
}

const NO_TRAFFIC = "The target is not receiving traffic.";
const QUEUED = "Requests to the target are being buffered as resources are provisioned.";

export function reconcileRevision(opts: RevisionReconcilerOptions, namespace: string, name: string): void {
  reconcileKind<Revision>(opts, REVISIONS, REVISION_CONDITIONS, namespace, name, (rev, conditions) => {
    const readyBefore = isReady(rev);
    resolveDigests(rev, conditions);
    const pods = opts.registry
      .list<Pod>(PODS, namespace, { [LABEL_REVISION]: name })
      .filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === rev.metadata.uid));
    propagateScale(rev, conditions, pods.filter(isPodReady).length, opts.scaleOf(rev));
    if (!readyBefore && conditions.get(READY)?.status === "True") {
      opts.recorder.event(rev, "Normal", "RevisionReady", "Revision becomes ready upon all resources being ready");
    }
  });
}

/** reconcileDigest: one `{name, imageDigest}` per container, or ContainerMissing. */
function resolveDigests(rev: Revision, conditions: ConditionManager): void {
  const containers = rev.spec.containers ?? [];
  const status = rev.status!;
  if (containers.length > 0 && status.containerStatuses?.length === containers.length) return;
  const unpullable = containers.find((c) => !isPullable(c.image ?? ""));
  if (unpullable) {
    const message = containerMissingMessage(unpullable.image ?? "");
    conditions.markUnknown("ResourcesAvailable", "ResolvingDigests", "");
    conditions.markFalse("ContainerHealthy", "ContainerMissing", message);
    // The real resolver keeps retrying with backoff, reporting the error each time.
    throw new ReportedError(message);
  }
  status.containerStatuses = containers.map((c) => ({ name: c.name ?? DEFAULT_SERVING_CONTAINER_NAME, imageDigest: imageDigest(c.image ?? "") }));
}

/**
 * `RevisionContainerMissingMessage(image, "failed to resolve image to digest")` wrapping the
 * registry's answer, as go-containerregistry words a manifest that does not exist.
 */
export function containerMissingMessage(image: string): string {
  return `Unable to fetch image ${JSON.stringify(image)}: failed to resolve image to digest: ${manifestUnknown(image)}`;
}

function manifestUnknown(image: string): string {
  const ref = parseImage(image);
  const parts = ref.repository.split("/");
  const first = parts[0] ?? "";
  const hasRegistry = parts.length > 1 && (first.includes(".") || first.includes(":") || first === "localhost");
  let host = hasRegistry ? first : "index.docker.io";
  if (host === "docker.io") host = "index.docker.io";
  const path = hasRegistry ? parts.slice(1) : parts;
  if (host === "index.docker.io" && path.length === 1) path.unshift("library");
  const reference = ref.digest ?? ref.tag ?? "latest";
  return `GET https://${host}/v2/${path.join("/")}/manifests/${reference}: MANIFEST_UNKNOWN: manifest unknown`;
}

/** PropagateAutoscalerStatus with the PodAutoscaler folded in: replicas, readiness and Active. */
function propagateScale(rev: Revision, conditions: ConditionManager, readyPods: number, desired: number): void {
  const status = rev.status!;
  const spec = scalingSpecFor(rev);
  status.actualReplicas = readyPods;
  status.desiredReplicas = desired;

  // ScaleTargetInitialized: the initial scale was reached once. It is never lost afterwards.
  const initialized = conditions.get("ResourcesAvailable")?.status === "True" || readyPods >= Math.max(spec.minScale, spec.initialScale);
  if (!initialized) {
    conditions.markUnknown("ResourcesAvailable", "Deploying", "");
    conditions.markUnknown("ContainerHealthy", "Deploying", "");
    conditions.markUnknown("Active", "Deploying", "");
    return;
  }
  conditions.markTrue("ResourcesAvailable");
  conditions.markTrue("ContainerHealthy");
  if (desired === 0) conditions.markFalse("Active", "NoTraffic", NO_TRAFFIC);
  else if (readyPods < Math.max(spec.minScale, 1)) conditions.markUnknown("Active", "Queued", QUEUED);
  else conditions.markTrue("Active");
}
