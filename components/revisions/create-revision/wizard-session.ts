// What the wizard works from: the Service and its revisions as they were when it was opened (or
// when the user took the current version after a conflict). The form, the suggested name and
// the starting split all come from this one snapshot, and Create names its resourceVersion.

import { revisionGeneration } from "@/components/revisions/revision-row";
import { nextRevisionName } from "@/lib/knative/next-revision-name";
import type { Revision, Service } from "@/lib/knative/types";
import { type BasicForm, formFromTemplate } from "./form-model";
import { planTraffic, type TrafficPlan } from "./traffic-rows";

export interface WizardSession {
  service: Service;
  /** Newest first. */
  revisions: Revision[];
  /** Every revision name the Service is known to have, from its revisions, status and split. */
  revisionNames: ReadonlySet<string>;
  suggestion: string;
  initial: BasicForm;
  plan: TrafficPlan;
}

function newestFirst(revisions: readonly Revision[]): Revision[] {
  return [...revisions].sort(
    (a, b) =>
      (revisionGeneration(b) ?? -1) - (revisionGeneration(a) ?? -1) ||
      (Date.parse(b.metadata.creationTimestamp ?? "") || 0) - (Date.parse(a.metadata.creationTimestamp ?? "") || 0) ||
      (b.metadata.name ?? "").localeCompare(a.metadata.name ?? ""),
  );
}

export function openSession(service: Service, revisions: readonly Revision[]): WizardSession {
  const sorted = newestFirst(revisions);
  const listed = sorted.map((r) => r.metadata.name ?? "").filter(Boolean);
  const named = [
    service.status?.latestCreatedRevisionName,
    service.status?.latestReadyRevisionName,
    ...(service.spec.traffic ?? []).map((t) => t.revisionName),
    ...(service.status?.traffic ?? []).map((t) => t.revisionName),
  ].filter((n): n is string => !!n);
  const revisionNames = new Set([...listed, ...named]);
  const suggestion = nextRevisionName(service.metadata.name ?? "", revisionNames);
  return {
    service,
    revisions: sorted,
    revisionNames,
    suggestion,
    initial: formFromTemplate(service.spec.template, suggestion),
    // Listed revisions in their order; a revision only the split names is added by planTraffic.
    plan: planTraffic(service, listed, suggestion),
  };
}
