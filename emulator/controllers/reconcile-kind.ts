// The generated reconciler of Knative (serving: pkg/client/injection/reconciler/serving/v1/*/
// reconciler.go): read the object, stop if it is gone, initialise conditions, run the kind's
// reconcile on a copy, record the observed generation, write status only if it changed (even
// when the reconcile failed), then report a failure as a Warning `InternalError` event.

import { isDeepStrictEqual } from "node:util";
import { beginReconcile, finishReconcile, type Clock, type ConditionManager, type ConditionSet } from "../../lib/knative/conditions";
import type { KubeObject, Status } from "../../lib/knative/types";
import { ApiError } from "../core/errors";
import { CONTROLLER, type Registry } from "../core/registry";
import type { ResourceType } from "../core/resources";
import { isConflict, ReportedError } from "./controller";
import type { EventRecorder } from "./events";

/** What every reconciler works with: the API, the time, and an event recorder of its own. */
export interface ReconcilerContext {
  registry: Registry;
  clock: Clock;
  recorder: EventRecorder;
}

export type ReconcileKind<T extends KubeObject> = (obj: T, conditions: ConditionManager) => void;

export function reconcileKind<T extends KubeObject & { status?: Status }>(
  ctx: ReconcilerContext,
  type: ResourceType,
  conditionSet: ConditionSet,
  namespace: string,
  name: string,
  reconcile: ReconcileKind<T>,
): void {
  const { registry, clock } = ctx;
  const original = registry.get<T>(type, namespace, name);
  if (!original || original.metadata.deletionTimestamp) return;
  const obj = structuredClone(original);
  const conditions = beginReconcile(conditionSet, obj, clock);
  let failure: unknown;
  try {
    reconcile(obj, conditions);
  } catch (err) {
    failure = err;
  }
  finishReconcile(obj, original.status, clock);
  if (!isDeepStrictEqual(original.status, obj.status)) {
    registry.update(type, { ...original, status: obj.status }, CONTROLLER, { subresource: "status" });
  }
  if (failure === undefined) return;
  // Conflicts are expected and retried quietly; programming errors propagate to be logged.
  if (isConflict(failure) || !(failure instanceof ApiError || failure instanceof ReportedError)) throw failure;
  ctx.recorder.event(obj, "Warning", "InternalError", failure.message);
  throw new ReportedError(failure.message);
}

