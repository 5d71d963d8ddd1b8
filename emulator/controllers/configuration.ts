// The Configuration reconciler (serving: pkg/reconciler/configuration/configuration.go,
// resources/revision.go; pkg/apis/serving/v1/configuration_lifecycle.go): one Revision per
// metadata.generation (`<name>-00001` or the template's BYO name), latestCreatedRevisionName at
// once, latestReadyRevisionName once a revision is ready, RevisionFailed when the latest fails.

import { isDeepStrictEqual } from "node:util";
import { CONFIGURATION_CONDITIONS, formatTime, getCondition, isReady, READY, type ConditionManager } from "../../lib/knative/conditions";
import {
  ANNOTATION_CREATOR,
  ANNOTATION_LAST_MODIFIER,
  ANNOTATION_ROUTES,
  ANNOTATION_ROUTING_STATE_MODIFIED,
  LABEL_CONFIGURATION,
  LABEL_CONFIGURATION_GENERATION,
  LABEL_CONFIGURATION_UID,
  LABEL_ROUTING_STATE,
  LABEL_SERVICE,
  LABEL_SERVICE_UID,
} from "../../lib/knative/labels";
import { revisionName } from "../../lib/knative/naming";
import { SERVING_API_VERSION, type Configuration, type Revision } from "../../lib/knative/types";
import { ApiError } from "../core/errors";
import { CONTROLLER } from "../core/registry";
import { CONFIGURATIONS, REVISIONS } from "../core/resources";
import { controllerRef, isControlledBy } from "./ownership";
import { reconcileKind, type ReconcilerContext } from "./reconcile-kind";

export type RoutingState = "pending" | "active" | "reserve";

/** Revision.SetRoutingState: the label, and the time it last changed. */
export function setRoutingState(rev: Revision, state: RoutingState, now: Date): void {
  const labels = (rev.metadata.labels ??= {});
  const annotations = (rev.metadata.annotations ??= {});
  if (annotations[ANNOTATION_ROUTING_STATE_MODIFIED] && labels[LABEL_ROUTING_STATE] === state) return;
  labels[LABEL_ROUTING_STATE] = state;
  annotations[ANNOTATION_ROUTING_STATE_MODIFIED] = formatTime(now);
}

/** RevisionLabelValueForKey. */
function revisionLabelValue(key: string, config: Configuration): string {
  const meta = config.metadata;
  switch (key) {
    case LABEL_CONFIGURATION:
      return meta.name ?? "";
    case LABEL_SERVICE:
      return meta.labels?.[LABEL_SERVICE] ?? "";
    case LABEL_CONFIGURATION_GENERATION:
      return String(meta.generation ?? 0);
    case LABEL_CONFIGURATION_UID:
      return meta.uid ?? "";
    case LABEL_SERVICE_UID:
      return meta.labels?.[LABEL_SERVICE_UID] ?? "";
  }
  return "";
}

/** MakeRevision: the template's metadata and spec, plus Knative's labels, annotations and owner. */
export function makeRevision(config: Configuration, now: Date): Revision {
  const template = structuredClone(config.spec.template);
  const metadata = { ...template.metadata };
  delete metadata.creationTimestamp;
  const rev: Revision = {
    apiVersion: SERVING_API_VERSION,
    kind: "Revision",
    metadata: {
      ...metadata,
      name: metadata.name || revisionName(config.metadata.name!, config.metadata.generation ?? 1),
      namespace: config.metadata.namespace,
    },
    spec: template.spec,
  };
  setRoutingState(rev, "pending", now);
  const labels = (rev.metadata.labels ??= {});
  for (const key of [LABEL_CONFIGURATION, LABEL_SERVICE, LABEL_CONFIGURATION_GENERATION, LABEL_CONFIGURATION_UID, LABEL_SERVICE_UID]) {
    const value = revisionLabelValue(key, config);
    if (value) labels[key] = value;
  }
  const annotations = (rev.metadata.annotations ??= {});
  const configAnnotations = config.metadata.annotations ?? {};
  if (configAnnotations[ANNOTATION_LAST_MODIFIER] !== undefined) annotations[ANNOTATION_CREATOR] = configAnnotations[ANNOTATION_LAST_MODIFIER];
  if (configAnnotations[ANNOTATION_ROUTES] !== undefined) {
    annotations[ANNOTATION_ROUTES] = configAnnotations[ANNOTATION_ROUTES];
    setRoutingState(rev, "active", now);
  }
  rev.metadata.ownerReferences = [...(rev.metadata.ownerReferences ?? []), controllerRef(config)];
  return rev;
}

const generationOf = (rev: Revision) => Number.parseInt(rev.metadata.labels?.[LABEL_CONFIGURATION_GENERATION] ?? "", 10);

export function reconcileConfiguration(opts: ReconcilerContext, namespace: string, name: string): void {
  const { registry, recorder, clock } = opts;
  reconcileKind<Configuration>(opts, CONFIGURATIONS, CONFIGURATION_CONDITIONS, namespace, name, (config, conditions) => {
    const status = config.status!;
    let latest: Revision | undefined;
    let isBYOName = false;
    try {
      ({ revision: latest, isBYOName } = latestCreatedRevision(opts, config));
    } catch (err) {
      // The BYO name is taken by another Configuration's Revision, or by another generation.
      if (!(err instanceof ApiError && err.status.reason === "AlreadyExists")) throw err;
      markRevisionCreationFailed(conditions, err.message);
      return;
    }
    if (!latest) {
      try {
        latest = registry.create<Revision>(REVISIONS, makeRevision(config, clock()), CONTROLLER);
      } catch (err) {
        if (!(err instanceof ApiError) || err.status.reason === "AlreadyExists") throw err;
        recorder.event(config, "Warning", "CreationFailed", `Failed to create Revision: ${err.message}`);
        markRevisionCreationFailed(conditions, err.message);
        throw err;
      }
      recorder.event(config, "Normal", "Created", `Created Revision "${latest.metadata.name}"`);
    }
    const latestName = latest.metadata.name!;
    // SetLatestCreatedRevisionName
    status.latestCreatedRevisionName = latestName;
    if (status.latestReadyRevisionName !== latestName) conditions.markUnknown(READY, "", "");

    const ready = getCondition(latest.status, READY);
    if (ready?.status === "True") {
      if (!status.latestReadyRevisionName) recorder.event(config, "Normal", "ConfigurationReady", "Configuration becomes ready");
    } else if (ready?.status === "False") {
      const before = structuredClone(conditions.get(READY));
      conditions.markFalse(READY, "RevisionFailed", `Revision "${latestName}" failed with message: ${ready.message ?? ""}.`);
      if (!isDeepStrictEqual(before, conditions.get(READY))) {
        if (latestName === status.latestReadyRevisionName) {
          recorder.event(config, "Warning", "LatestReadyFailed", `Latest ready revision "${latestName}" has failed`);
        } else {
          recorder.event(config, "Warning", "LatestCreatedFailed", `Latest created revision "${latestName}" has failed`);
        }
      }
    }
    findAndSetLatestReadyRevision(opts, config, conditions, latest, isBYOName);
  });
}

function markRevisionCreationFailed(conditions: ConditionManager, message: string): void {
  conditions.markFalse(READY, "RevisionFailed", `Revision creation failed with message: ${message}.`);
}

/** The Revision of the current generation: by BYO name (CheckNameAvailability), else by labels. */
function latestCreatedRevision(opts: ReconcilerContext, config: Configuration): { revision?: Revision; isBYOName: boolean } {
  const namespace = config.metadata.namespace;
  const byoName = config.spec.template.metadata?.name;
  if (byoName) {
    const rev = opts.registry.get<Revision>(REVISIONS, namespace, byoName);
    if (rev) {
      const taken = ApiError.alreadyExists(REVISIONS, byoName);
      if (!isControlledBy(rev, config)) throw taken;
      const sameGeneration = rev.metadata.labels?.[LABEL_CONFIGURATION_GENERATION] === revisionLabelValue(LABEL_CONFIGURATION_GENERATION, config);
      if (!sameGeneration && !isDeepStrictEqual(config.spec.template.spec, rev.spec)) throw taken;
      return { revision: rev, isBYOName: true };
    }
  }
  const [found] = opts.registry.list<Revision>(REVISIONS, namespace, {
    [LABEL_CONFIGURATION_GENERATION]: revisionLabelValue(LABEL_CONFIGURATION_GENERATION, config),
    [LABEL_CONFIGURATION]: config.metadata.name!,
  });
  return { revision: found, isBYOName: false };
}

/** The newest ready revision between the current latest ready one and this generation. */
function findAndSetLatestReadyRevision(opts: ReconcilerContext, config: Configuration, conditions: ConditionManager, latestCreated: Revision, isBYOName: boolean): void {
  const status = config.status!;
  const namespace = config.metadata.namespace;
  let candidates = opts.registry.list<Revision>(REVISIONS, namespace, { [LABEL_CONFIGURATION]: config.metadata.name! });
  const latestReady = status.latestReadyRevisionName ? opts.registry.get<Revision>(REVISIONS, namespace, status.latestReadyRevisionName) : undefined;
  if (latestReady) {
    const start = Number.isNaN(generationOf(latestReady)) ? (config.metadata.generation ?? 0) : generationOf(latestReady);
    const generations = new Set<number>();
    for (let g = start; g <= (config.metadata.generation ?? 0); g++) generations.add(g);
    if (isBYOName && !Number.isNaN(generationOf(latestCreated))) generations.add(generationOf(latestCreated));
    candidates = candidates.filter((r) => generations.has(generationOf(r)));
  }
  const byoName = config.spec.template.metadata?.name;
  candidates.sort((a, b) => {
    if (a.metadata.name === byoName) return -1;
    if (b.metadata.name === byoName) return 1;
    return generationOf(b) - generationOf(a);
  });
  const newestReady = candidates.find((r) => isReady(r));
  if (!newestReady) return;
  const previous = status.latestReadyRevisionName;
  setLatestReadyRevisionName(config, conditions, newestReady.metadata.name!);
  if (previous !== newestReady.metadata.name) {
    opts.recorder.event(config, "Normal", "LatestReadyUpdate", `LatestReadyRevisionName updated to "${newestReady.metadata.name}"`);
  }
}

/** SetLatestReadyRevisionName: Ready becomes True once the latest created revision is the ready one. */
function setLatestReadyRevisionName(config: Configuration, conditions: ConditionManager, name: string): void {
  const status = config.status!;
  status.latestReadyRevisionName = name;
  if (status.latestReadyRevisionName === status.latestCreatedRevisionName) conditions.markTrue(READY);
}

