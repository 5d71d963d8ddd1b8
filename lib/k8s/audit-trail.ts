// The audit trail: each change made through the console is recorded as a core v1 Event on the
// object it changed, the kind `kubectl events` and `kubectl describe` list (kubectl 1.32 reads
// core/v1 Events for both: staging/src/k8s.io/kubectl/pkg/cmd/events/events.go and
// pkg/describe/describe.go). Events are written by the acting identity, so RBAC decides: an
// identity that may not create events still makes its change; the failure is logged here and
// the UI says changes are not being recorded (from the `recordChanges` access check).

import os from "node:os";
import { SERVING_API_VERSION, type KubeObject } from "@/lib/knative/types";
import { actingUser } from "./access-review";
import { apisFor, callOptions } from "./api-clients";
import type { AuditReason } from "./audit-messages";
import type { ClusterRef } from "./cluster-ref";
import { toKubeStatus } from "./errors";
import { logFailureOnce } from "./failure-log";

export const REPORTING_CONTROLLER = "knative-console";

const ACTIONS: Record<AuditReason, string> = {
  TrafficSplitChanged: "SplitTraffic",
  RevisionCreated: "CreateRevision",
  ServiceCreated: "CreateService",
  ServiceDeleted: "DeleteService",
  RevisionDeleted: "DeleteRevision",
};

export interface AuditedChange {
  /** The object changed (for a deletion: as it was). */
  object: KubeObject;
  kind: "Service" | "Revision";
  reason: AuditReason;
  /** The sentence, given who acted. */
  note: (user: string | null) => string;
}

/** The Event for `change`, named as client-go's recorder names them: `{object}.{hex nanoseconds}`. */
export function auditEvent(change: AuditedChange, user: string | null, now: Date): KubeObject {
  const { name, namespace, uid, resourceVersion } = change.object.metadata;
  const time = now.toISOString().replace(/\.\d+Z$/, "Z");
  return {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: `${name}.${(BigInt(now.getTime()) * 1_000_000n).toString(16)}`, namespace },
    involvedObject: { apiVersion: SERVING_API_VERSION, kind: change.kind, name, namespace, ...(uid ? { uid } : {}), ...(resourceVersion ? { resourceVersion } : {}) },
    reason: change.reason,
    message: change.note(user),
    type: "Normal",
    source: { component: REPORTING_CONTROLLER },
    firstTimestamp: time,
    lastTimestamp: time,
    count: 1,
    action: ACTIONS[change.reason],
    reportingComponent: REPORTING_CONTROLLER,
    reportingInstance: os.hostname(),
  };
}

/**
 * Records `change`; true when the Event was stored. Never throws: the change is made already,
 * and a trail the identity may not write must not turn it into a failure.
 */
export async function recordChange(cluster: ClusterRef, change: AuditedChange): Promise<boolean> {
  try {
    const user = await actingUser(cluster);
    const { core } = apisFor(cluster);
    const namespace = change.object.metadata.namespace!;
    await core.createNamespacedEvent({ namespace, body: auditEvent(change, user, new Date()) as never }, callOptions());
    return true;
  } catch (err) {
    const status = toKubeStatus(err);
    logFailureOnce("audit", `${change.reason} on ${change.kind} ${change.object.metadata.namespace}/${change.object.metadata.name} not recorded`, `${status.code} ${status.message}`);
    return false;
  }
}
