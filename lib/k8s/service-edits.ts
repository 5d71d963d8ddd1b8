// The canary edits of a Knative Service, checked with Knative's own rules before they are sent,
// and sent as one conditional write each:
// - a new split (spec.traffic), as a merge patch at the resourceVersion the dialog opened with;
// - a new revision (spec.template) together with its split, as one replace of the Service.
// A split may name only revisions the Service has (or the one the same update creates); the
// webhook would accept an unknown name and the Route would then report it missing, with traffic
// already moved.
// Each change that succeeds is recorded in the audit trail (lib/k8s/audit-trail.ts).

import { withDefaults } from "@/lib/knative/defaults";
import { checkTraffic } from "@/lib/knative/traffic";
import type { Revision, Service, TrafficTarget } from "@/lib/knative/types";
import { SERVING_API_VERSION, SERVING_GROUP } from "@/lib/knative/types";
import { validateObject } from "@/lib/knative/validation/index";
import { revisionDeletionBlockers } from "@/lib/knative/revision-deletion";
import { LABEL_SERVICE } from "@/lib/knative/labels";
import type { RevisionCreation, ServiceCreation, TrafficUpdate } from "@/lib/queries/write-requests";
import { kubeStatus, StatusError } from "@/lib/queries/status";
import { revisionCreatedNote, revisionDeletedNote, serviceCreatedNote, serviceDeletedNote, splitBefore, trafficSplitNote } from "./audit-messages";
import { recordChange } from "./audit-trail";
import type { ClusterRef } from "./cluster-ref";
import { getRevision, getService, listRevisions } from "./knative-api";
import { createService, deleteRevision, deleteService, patchService, replaceService } from "./knative-writes";
import { invalid, knativeInvalid } from "./request-body";

/** The API server's own 409 text, for a write built on an object that has changed since. */
function conflict(name: string): StatusError {
  return new StatusError(
    kubeStatus(
      409,
      `Operation cannot be fulfilled on services.${SERVING_GROUP} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
      "Conflict",
      { name, group: SERVING_GROUP, kind: "services" },
    ),
  );
}

function checkSplit(traffic: TrafficTarget[], known: Set<string>, service: string): void {
  const { errors } = checkTraffic(traffic);
  if (errors) throw knativeInvalid(errors, `The traffic split of Service "${service}"`);
  const unknown = traffic.flatMap((t, i) =>
    t.revisionName && !known.has(t.revisionName)
      ? [{ field: `spec.traffic[${i}].revisionName`, message: `Service "${service}" has no revision "${t.revisionName}"`, reason: "FieldValueNotFound" }]
      : [],
  );
  if (unknown.length > 0) throw invalid(unknown, `The traffic split of Service "${service}"`);
}

async function revisionNames(cluster: ClusterRef, namespace: string, service: string): Promise<Set<string>> {
  const list = await listRevisions(cluster, namespace, service);
  return new Set(list.items.map((r: Revision) => r.metadata.name!));
}

/**
 * The resourceVersion to make a write conditional on. The edit was made against
 * `request.resourceVersion`; if only the status has moved since (same generation: the
 * controllers reporting on the rollout), the edit still stands on the spec it was made against,
 * so the current version is used. A spec changed by someone else is a 409. The write itself stays
 * conditional, so a change between this read and the write is a 409 from the cluster.
 */
function writeVersion(current: Service, request: { resourceVersion: string; generation?: number }): string {
  if (current.metadata.resourceVersion === request.resourceVersion) return request.resourceVersion;
  if (request.generation !== undefined && current.metadata.generation === request.generation) return current.metadata.resourceVersion!;
  throw conflict(current.metadata.name!);
}

export async function updateTraffic(cluster: ClusterRef, namespace: string, name: string, request: TrafficUpdate): Promise<Service> {
  const current = await getService(cluster, namespace, name); // a missing Service is a 404, not a split naming unknown revisions
  checkSplit(request.spec.traffic, await revisionNames(cluster, namespace, name), name);
  const updated = await patchService(cluster, namespace, name, { spec: { traffic: request.spec.traffic } }, writeVersion(current, request));
  await recordChange(cluster, {
    object: updated,
    kind: "Service",
    reason: "TrafficSplitChanged",
    note: (user) => trafficSplitNote(user, name, splitBefore(current), request.spec.traffic),
  });
  return updated;
}

export async function createRevision(cluster: ClusterRef, namespace: string, name: string, request: RevisionCreation): Promise<Service> {
  const current = await getService(cluster, namespace, name);
  const candidate: Service = structuredClone(current);
  candidate.spec = { ...candidate.spec, template: request.spec.template, traffic: request.spec.traffic };
  // What the webhook will say, said first: defaulted as the defaulting webhook would, then
  // validated against the stored Service, as an UPDATE.
  const { errors } = validateObject("Service", "UPDATE", withDefaults("Service", "UPDATE", candidate, current), current);
  if (errors) throw knativeInvalid(errors, `The new revision of Service "${name}"`);
  const known = await revisionNames(cluster, namespace, name);
  const newName = request.spec.template.metadata?.name;
  if (newName) {
    if (known.has(newName)) {
      throw invalid([{ field: "spec.template.metadata.name", message: `revision "${newName}" already exists; a new revision needs a new name`, reason: "FieldValueDuplicate" }]);
    }
    known.add(newName);
  }
  checkSplit(request.spec.traffic, known, name);
  // Bad input is refused as such first; a good request built on an older spec is a conflict.
  candidate.metadata.resourceVersion = writeVersion(current, request);
  const updated = await replaceService(cluster, candidate);
  await recordChange(cluster, {
    object: updated,
    kind: "Service",
    reason: "RevisionCreated",
    note: (user) => revisionCreatedNote(user, name, newName, splitBefore(current), request.spec.traffic),
  });
  return updated;
}

export async function createNewService(cluster: ClusterRef, namespace: string, request: ServiceCreation): Promise<Service> {
  const candidate: Service = { apiVersion: SERVING_API_VERSION, kind: "Service", metadata: { ...request.metadata, namespace }, spec: request.spec };
  const { errors } = validateObject("Service", "CREATE", withDefaults("Service", "CREATE", candidate));
  if (errors) throw knativeInvalid(errors, `Service "${request.metadata.name}"`);
  const created = await createService(cluster, namespace, candidate);
  const image = created.spec?.template?.spec?.containers?.[0]?.image;
  await recordChange(cluster, { object: created, kind: "Service", reason: "ServiceCreated", note: (user) => serviceCreatedNote(user, created.metadata.name!, image) });
  return created;
}

/** Deletes a Service (if still at `resourceVersion`), recording who did. */
export async function deleteRecordedService(cluster: ClusterRef, namespace: string, name: string, resourceVersion?: string): Promise<void> {
  const deleted = (await deleteService(cluster, namespace, name, resourceVersion)) ?? { metadata: { name, namespace } };
  await recordChange(cluster, { object: deleted, kind: "Service", reason: "ServiceDeleted", note: (user) => serviceDeletedNote(user, name) });
}

/** Deletes a revision nothing depends on; otherwise a 422 that says what would break. */
export async function deleteUnusedRevision(cluster: ClusterRef, namespace: string, name: string): Promise<void> {
  const revision = await getRevision(cluster, namespace, name);
  const owner = revision.metadata.labels?.[LABEL_SERVICE];
  if (owner) {
    const blockers = revisionDeletionBlockers(revision, await getService(cluster, namespace, owner));
    if (blockers.length > 0) {
      throw new StatusError(
        kubeStatus(422, `Revision "${name}" cannot be deleted: ${blockers.join("; ")}.`, "Invalid", {
          name,
          kind: "revisions",
          causes: blockers.map((message) => ({ field: "metadata.name", message, reason: "FieldValueForbidden" })),
        }),
      );
    }
  }
  await deleteRevision(cluster, namespace, name, revision.metadata.resourceVersion);
  await recordChange(cluster, { object: revision, kind: "Revision", reason: "RevisionDeleted", note: (user) => revisionDeletedNote(user, name, owner) });
}
