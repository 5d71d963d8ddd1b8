// Knative Serving's validating webhook (validation.webhook.serving.knative.dev) as one call:
// what knative.dev/pkg webhook/resourcesemantics/validation/validation_admit.go does with the
// result of `<Kind>.Validate(ctx)`. The text of a denial is in ../webhooks.ts.

import { type FieldError, renderLeaf } from "../field-error";
import { DEFAULT_SERVING_CONFIG, type ServingConfig } from "./config";
import { validateConfiguration } from "./configuration";
import { validateRevision } from "./revision";
import { validateRoute } from "./route";
import { validateService } from "./service";

export type ServingKind = "Service" | "Configuration" | "Revision" | "Route";
export type ValidationOperation = "CREATE" | "UPDATE";

export const SERVING_KINDS: readonly ServingKind[] = ["Service", "Configuration", "Revision", "Route"];

export function isServingKind(kind: unknown): kind is ServingKind {
  return typeof kind === "string" && (SERVING_KINDS as readonly string[]).includes(kind);
}

export interface ValidationResult {
  /** The error-level diagnostics; the request is denied when set. */
  errors: FieldError | undefined;
  /** Warning-level diagnostics, one string per merged leaf (kubectl prints `Warning: <text>`). */
  warnings: string[];
}

/**
 * Validates `object` as the webhook does, without defaulting it first. On UPDATE pass the
 * stored object as `oldObject` (Knative's baseline).
 */
export function validateObject(
  kind: ServingKind,
  operation: ValidationOperation,
  object: unknown,
  oldObject?: unknown,
  config: ServingConfig = DEFAULT_SERVING_CONFIG,
): ValidationResult {
  const baseline = operation === "UPDATE" ? oldObject : undefined;
  const all = validateByKind(kind, object, baseline, config);
  return {
    errors: all?.filter("error"),
    warnings: all?.filter("warning")?.leaves().map(renderLeaf) ?? [],
  };
}

function validateByKind(kind: ServingKind, object: unknown, oldObject: unknown, config: ServingConfig): FieldError | undefined {
  switch (kind) {
    case "Service":
      return validateService(object, oldObject, config);
    case "Configuration":
      return validateConfiguration(object, oldObject, config);
    case "Revision":
      return validateRevision(object, oldObject, config);
    case "Route":
      return validateRoute(object, oldObject, config);
  }
}

export { validateService } from "./service";
export { validateConfiguration } from "./configuration";
export { validateRevision, validateRevisionTemplate, verifyNameChange } from "./revision";
export { validateRoute } from "./route";
export {
  validateTrafficList,
  validateTrafficTarget,
  trafficPercentSum,
  SERVICE_SPEC_TRAFFIC,
  ROUTE_SPEC_TRAFFIC,
  type TrafficContext,
} from "./traffic";
export { validatePodSpec, validateRevisionSpec, validateContainerConcurrency, validateTimeoutSeconds, RESERVED_PORTS } from "./podspec";
export { validateObjectMetadata, validateRevisionName, validateCreatorAndModifier, type ParentMeta } from "./metadata";
export {
  validateAutoscalingAnnotations,
  validateHasNoAutoscalingAnnotation,
  validateRolloutDurationAnnotation,
  validateProgressDeadlineAnnotation,
} from "./annotations";
export { parseImageReferenceError } from "./image-reference";
export * from "./config";
