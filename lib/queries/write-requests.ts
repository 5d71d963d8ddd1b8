// What the console's write routes take, shaped like the part of the Service they change, so the
// field paths of a refusal (`spec.traffic[1].percent`) are the webhook's own. Every edit of an
// existing Service names the version it was made against: its resourceVersion and, so that the
// controllers' status updates in between do not count as someone else's edit, its generation
// (which moves only when the spec does).

import type { RevisionTemplateSpec, TrafficTarget } from "@/lib/knative/types";

/** POST …/namespaces/{ns}/services: a new Service. */
export interface ServiceCreation {
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: { template: RevisionTemplateSpec; traffic?: TrafficTarget[] };
}

/** PUT …/services/{name}/traffic: a new split. */
export interface TrafficUpdate {
  resourceVersion: string;
  generation?: number;
  spec: { traffic: TrafficTarget[] };
}

/** POST …/services/{name}/revisions: a new revision (template) and the split that goes with it, in one update. */
export interface RevisionCreation {
  resourceVersion: string;
  generation?: number;
  spec: { template: RevisionTemplateSpec; traffic: TrafficTarget[] };
}
