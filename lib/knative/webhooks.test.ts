import { describe, expect, it } from "vitest";
import { errMissingField } from "./field-error";
import { DEFAULTING_WEBHOOK, VALIDATING_WEBHOOK, validationFailedMessage, webhookDenialMessage } from "./webhooks";

describe("webhook denials", () => {
  it("reads as kube-apiserver wraps a webhook's message", () => {
    expect(webhookDenialMessage(VALIDATING_WEBHOOK, validationFailedMessage(errMissingField("spec.template")))).toBe(
      'admission webhook "validation.webhook.serving.knative.dev" denied the request: validation failed: missing field(s): spec.template',
    );
    expect(webhookDenialMessage(DEFAULTING_WEBHOOK, "boom")).toBe('admission webhook "webhook.serving.knative.dev" denied the request: boom');
  });

  it("says so when the webhook gave no message", () => {
    expect(webhookDenialMessage(VALIDATING_WEBHOOK, "")).toBe('admission webhook "validation.webhook.serving.knative.dev" denied the request without explanation');
  });
});
