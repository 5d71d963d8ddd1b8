// The Basic Information step's checks, all made before anything is sent: the form's own (numbers,
// quantities, names Kubernetes would refuse, a ConfigMap or Secret still to choose), then
// Knative's webhook rules on the whole Service as the server will send it (defaulted and
// validated as an UPDATE, exactly as lib/k8s/service-edits.ts does), so reserved names such as
// PORT are refused with Knative's own words.

import { withDefaults } from "@/lib/knative/defaults";
import { isEnvVarName } from "@/lib/knative/env-var-name";
import { checkResourceQuantities } from "@/lib/knative/quantity";
import type { RevisionTemplateSpec, Service } from "@/lib/knative/types";
import { userContainerIndex } from "@/lib/knative/user-container-index";
import { validateObject } from "@/lib/knative/validation/index";
import { addMessage, basicFieldOf, envField, GENERAL, type FieldMessages } from "./field-paths";
import { RESOURCE_FIELDS, type BasicForm, type ResourceField, wholeNumber } from "./form-model";

function checkForm(form: BasicForm, revisionName: string, existingRevisions: ReadonlySet<string>, messages: FieldMessages): void {
  if (form.image.trim() === "") addMessage(messages, "image", "Enter the image to run");
  const port = wholeNumber(form.port);
  if (form.port.trim() !== "" && (port === undefined || port < 1 || port > 65535)) addMessage(messages, "port", "must be a whole number from 1 to 65535");
  if (form.containerConcurrency.trim() !== "" && wholeNumber(form.containerConcurrency) === undefined) {
    addMessage(messages, "containerConcurrency", "must be a whole number (0: no limit)");
  }
  if (form.timeoutSeconds.trim() !== "" && wholeNumber(form.timeoutSeconds) === undefined) addMessage(messages, "timeoutSeconds", "must be a whole number of seconds");
  if (existingRevisions.has(revisionName)) addMessage(messages, "revisionName", `revision "${revisionName}" already exists; a new revision needs a new name`);

  const seen = new Set<string>();
  form.env.forEach((row, i) => {
    if (row.name === "") addMessage(messages, envField(i, "name"), "Enter a variable key");
    else for (const problem of isEnvVarName(row.name)) addMessage(messages, envField(i, "name"), problem);
    if (row.name !== "" && seen.has(row.name)) addMessage(messages, envField(i, "name"), `"${row.name}" is already set above; only one of them would take effect`);
    seen.add(row.name);
    if (row.kind === "configMap" || row.kind === "secret") {
      const what = row.kind === "configMap" ? "ConfigMap" : "Secret";
      if (row.source === "") addMessage(messages, envField(i, "source"), `Choose a ${what}`);
      if (row.key === "") addMessage(messages, envField(i, "key"), `Choose a key of the ${what}`);
    }
  });

  const requests: Record<string, string> = {};
  const limits: Record<string, string> = {};
  for (const field of Object.keys(RESOURCE_FIELDS) as ResourceField[]) {
    const { kind, resource } = RESOURCE_FIELDS[field];
    if (form[field].trim() !== "") (kind === "requests" ? requests : limits)[resource] = form[field].trim();
  }
  for (const problem of checkResourceQuantities(requests, limits)) {
    const field = (Object.keys(RESOURCE_FIELDS) as ResourceField[]).find((f) => RESOURCE_FIELDS[f].kind === problem.kind && RESOURCE_FIELDS[f].resource === problem.resource);
    if (field) addMessage(messages, field, problem.message);
  }
}

/** A problem as the webhook words it, its details after a colon. */
export function leafText(message: string, details: string): string {
  return details ? `${message}: ${details}` : message;
}

export interface BasicCheckInput {
  /** The Service as the wizard opened it. */
  service: Service;
  form: BasicForm;
  /** The template the form makes (form-model.ts templateFromForm). */
  template: RevisionTemplateSpec;
  existingRevisions: ReadonlySet<string>;
}

export function checkBasics({ service, form, template, existingRevisions }: BasicCheckInput): FieldMessages {
  const messages: FieldMessages = {};
  checkForm(form, template.metadata?.name ?? "", existingRevisions, messages);

  const candidate: Service = { ...service, spec: { ...service.spec, template } };
  const { errors } = validateObject("Service", "UPDATE", withDefaults("Service", "UPDATE", candidate, service), service);
  const containerIndex = userContainerIndex(template.spec);
  for (const leaf of errors?.leaves() ?? []) {
    const text = leafText(leaf.message, leaf.details);
    for (const path of leaf.paths.length > 0 ? leaf.paths : [""]) {
      const field = basicFieldOf(path, containerIndex);
      // The form's own message says it better (e.g. "Enter a variable key" over "missing field(s)").
      if (field && messages[field]?.length) continue;
      if (field) addMessage(messages, field, text);
      else addMessage(messages, GENERAL, path ? `${path}: ${text}` : text);
    }
  }
  return messages;
}
