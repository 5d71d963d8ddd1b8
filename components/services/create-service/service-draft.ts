// The Create Service form as values (strings, as typed) and the request it makes. The container
// settings are the Create Revision wizard's Basic Information form, started from an empty
// template, so only what the user fills in is written and Knative defaults the rest.

import { type BasicForm, formFromTemplate, templateFromForm } from "@/components/revisions/create-revision/form-model";
import { type RevisionTemplateSpec, type Service, SERVING_API_VERSION } from "@/lib/knative/types";
import type { ServiceCreation } from "@/lib/queries/write-requests";

export interface ServiceDraft {
  namespace: string;
  name: string;
  basics: BasicForm;
}

/** Field ids of the Service's own controls, next to the wizard's (form-model.ts, field-paths.ts). */
export const NAME_FIELD = "service.name";
export const NAMESPACE_FIELD = "service.namespace";

const EMPTY_TEMPLATE: RevisionTemplateSpec = { spec: { containers: [{}] } };
/** The form of an empty template: the port shows Knative's default, everything else is blank. */
const EMPTY_BASICS: BasicForm = formFromTemplate(EMPTY_TEMPLATE, "");

export function newDraft(namespace: string): ServiceDraft {
  return { namespace, name: "", basics: { ...EMPTY_BASICS, env: [] } };
}

export const serviceNameOf = (draft: ServiceDraft) => draft.name.trim();

/** The first revision's template: what the user set over an empty one. */
export function templateOf(basics: BasicForm): RevisionTemplateSpec {
  const template = templateFromForm(EMPTY_TEMPLATE, EMPTY_BASICS, basics, basics.revisionName.trim());
  // Without a name of the user's choosing Knative names it (`<service>-00001`). A name set here
  // would make every later template change need a new name too (Knative's BYO-name rule).
  if (!template.metadata?.name) {
    const metadata = { ...template.metadata };
    delete metadata.name;
    if (Object.keys(metadata).length > 0) template.metadata = metadata;
    else delete template.metadata;
  }
  return template;
}

export function serviceCreationOf(draft: ServiceDraft): ServiceCreation {
  return { metadata: { name: serviceNameOf(draft) }, spec: { template: templateOf(draft.basics) } };
}

/** The Service as the server will send it to the cluster, for Knative's checks in the browser. */
export function candidateOf(draft: ServiceDraft): Service {
  const request = serviceCreationOf(draft);
  return { apiVersion: SERVING_API_VERSION, kind: "Service", metadata: { ...request.metadata, namespace: draft.namespace }, spec: request.spec };
}
