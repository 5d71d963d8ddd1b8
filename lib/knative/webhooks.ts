// Knative Serving's admission webhooks by the names kube-apiserver knows them under (serving:
// config/core/webhooks/defaulting.yaml, resource-validation.yaml), and the text a client sees
// when one denies a request. Shared by the embedded cluster's admission chain and anything that
// has to show or recognise that text.

import type { FieldError } from "./field-error";

/** The mutating (defaulting) webhook. */
export const DEFAULTING_WEBHOOK = "webhook.serving.knative.dev";
/** The validating webhook. */
export const VALIDATING_WEBHOOK = "validation.webhook.serving.knative.dev";

/**
 * How kube-apiserver words a webhook's denial (k8s.io/apiserver
 * pkg/admission/plugin/webhook/errors/statuserror.go ToStatusErr): the webhook's own message
 * after `admission webhook "<name>" denied the request: `, or "without explanation" when it gave none.
 */
export function webhookDenialMessage(webhook: string, message: string): string {
  const deniedBy = `admission webhook ${JSON.stringify(webhook)} denied the request`;
  return message ? `${deniedBy}: ${message}` : `${deniedBy} without explanation`;
}

/**
 * The message of Knative's validating webhook when validation fails (knative.dev/pkg
 * webhook/resourcesemantics/validation/validation_admit.go: `MakeErrorStatus("validation failed: %v", err)`).
 */
export function validationFailedMessage(errors: FieldError): string {
  return `validation failed: ${errors.render()}`;
}
