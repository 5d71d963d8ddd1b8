// Ready / Failed / In progress, as the Services list and detail pages show a Knative object's
// state: Knative's own IsReady/IsFailed (which also require the latest generation to have been
// observed), with the Ready condition's reason and message to explain it.

import { READY, getCondition, isFailed, isReady } from "@/lib/knative/conditions";
import type { KubeObject, Status } from "@/lib/knative/types";

export type ReadyState = "Ready" | "Failed" | "In progress";

export interface Readiness {
  state: ReadyState;
  reason?: string;
  message?: string;
}

export function readiness(obj: Pick<KubeObject, "metadata"> & { status?: Status | unknown }): Readiness {
  const ready = getCondition(obj.status as Status | undefined, READY);
  const explain = { ...(ready?.reason ? { reason: ready.reason } : {}), ...(ready?.message ? { message: ready.message } : {}) };
  if (isReady(obj)) return { state: "Ready", ...explain };
  if (isFailed(obj)) return { state: "Failed", ...explain };
  if (!ready) return { state: "In progress", reason: "NotReconciled", message: "Knative has not reported a status yet." };
  return { state: "In progress", ...explain };
}
