// What the console's write routes take, shaped like the part of the Service they change, so the
// field paths of a refusal (`spec.traffic[1].percent`) are the webhook's own. Every edit of an
// existing Service names the resourceVersion it was made against.

import type { RevisionTemplateSpec, TrafficTarget } from "@/lib/knative/types";

/** POST …/namespaces/{ns}/services: a new Service. */
export interface ServiceCreation {
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: { template: RevisionTemplateSpec; traffic?: TrafficTarget[] };
}

/** PUT …/services/{name}/traffic: a new split. */
export interface TrafficUpdate {
  resourceVersion: string;
  spec: { traffic: TrafficTarget[] };
}

/** POST …/services/{name}/revisions: a new revision (template) and the split that goes with it, in one update. */
export interface RevisionCreation {
  resourceVersion: string;
  spec: { template: RevisionTemplateSpec; traffic: TrafficTarget[] };
}
