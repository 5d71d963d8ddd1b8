// Where the server's refusal of a new Service belongs in the dialog. The Status names fields by
// their path in the Service (`metadata.name`, `spec.template.spec.containers[0].image`): each
// cause goes next to the control that edits it, or to the top, path first, when none does. A
// name already taken (409 AlreadyExists) is said at the Name field.

import { addMessage, basicFieldOf, GENERAL, type FieldMessages } from "@/components/revisions/create-revision/field-paths";
import { isAlreadyExists, isInvalid, type StatusError } from "@/lib/queries/status";
import { NAME_FIELD } from "./service-draft";

/** The one container a new Service's template has. */
const CONTAINER_INDEX = 0;

export function takenNameMessage(name: string, namespace: string): string {
  return `The name “${name}” is taken: namespace “${namespace}” already has a Service of that name. Choose another name.`;
}

export function refusalMessages(error: StatusError | null, sent: { name: string; namespace: string } | undefined): FieldMessages {
  const messages: FieldMessages = {};
  if (!error || !sent) return messages;
  if (isAlreadyExists(error)) {
    addMessage(messages, NAME_FIELD, takenNameMessage(sent.name, sent.namespace));
    return messages;
  }
  if (!isInvalid(error)) return messages;
  for (const cause of error.causes) {
    const path = cause.field ?? "";
    const field = path.startsWith("metadata.name") ? NAME_FIELD : basicFieldOf(path, CONTAINER_INDEX);
    if (field) addMessage(messages, field, cause.message ?? "");
    else addMessage(messages, GENERAL, [path, cause.message].filter(Boolean).join(": "));
  }
  return messages;
}
