// The Create Service dialog's checks, all made before anything is sent. The container settings
// get the Create Revision wizard's own checks (the form's, then Knative's rules on the template);
// the Service itself is checked as the CREATE the server will send (lib/k8s/service-edits.ts
// createNewService), so a bad name is refused in Knative's words: a Service name must be a
// DNS-1035 label (a DNS-1123 label that starts with a letter), at most 63 characters.

import { checkBasics, leafText } from "@/components/revisions/create-revision/basic-checks";
import { addMessage, GENERAL, type FieldMessages } from "@/components/revisions/create-revision/field-paths";
import { withDefaults } from "@/lib/knative/defaults";
import { validateObject } from "@/lib/knative/validation/index";
import { candidateOf, NAME_FIELD, NAMESPACE_FIELD, type ServiceDraft, serviceNameOf } from "./service-draft";

const TEMPLATE_PATH = "spec.template";

export function checkDraft(draft: ServiceDraft): FieldMessages {
  const service = candidateOf(draft);
  // checkBasics validates the template as an update of the Service it is given; given the new
  // Service itself, only the template's own rules apply, and those are the same on create.
  const messages = checkBasics({ service, form: draft.basics, template: service.spec.template, existingRevisions: new Set() });
  // It also reports the Service's metadata (at the top, path first); that is checked below, as a create.
  const general = (messages[GENERAL] ?? []).filter((m) => !m.startsWith("metadata."));
  if (general.length > 0) messages[GENERAL] = general;
  else delete messages[GENERAL];

  if (!draft.namespace) addMessage(messages, NAMESPACE_FIELD, "Choose a namespace");
  const unnamed = serviceNameOf(draft) === "";
  if (unnamed) addMessage(messages, NAME_FIELD, "Enter a name for the Service");

  const { errors } = validateObject("Service", "CREATE", withDefaults("Service", "CREATE", service));
  for (const leaf of errors?.leaves() ?? []) {
    const text = leafText(leaf.message, leaf.details);
    for (const path of leaf.paths.length > 0 ? leaf.paths : [""]) {
      if (path.startsWith(TEMPLATE_PATH)) continue;
      if (path.startsWith("metadata.name")) {
        if (!unnamed) addMessage(messages, NAME_FIELD, text);
      } else {
        addMessage(messages, GENERAL, path ? `${path}: ${text}` : text);
      }
    }
  }
  return messages;
}

export const hasProblems = (messages: FieldMessages) => Object.values(messages).some((m) => m.length > 0);
