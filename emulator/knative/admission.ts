// The embedded API server's admission chain for serving.knative.dev, in kube-apiserver's order
// (k8s.io/apiserver pkg/admission: mutating webhooks, then the CRD schema, then validating webhooks):
//
//   1. Knative's defaulting webhook `webhook.serving.knative.dev` (mutating),
//   2. the CRD structural schema: pruning/defaulting, then required fields and types,
//   3. Knative's validating webhook `validation.webhook.serving.knative.dev`.
//
// The registry runs every plugin's mutate before any validate, so pruning (a decode-time step
// in kube-apiserver) happens in the schema plugin's mutate and its warnings are handed to its
// validate through a WeakMap keyed by the request.

import { setDefaults } from "../../lib/knative/defaults";
import { invalidValueMessage, isDNS1123Subdomain } from "../../lib/knative/k8s-validation";
import { DEFAULTING_WEBHOOK, VALIDATING_WEBHOOK, validationFailedMessage } from "../../lib/knative/webhooks";
import { SERVING_GROUP } from "../../lib/knative/types";
import { isServingKind, validateObject, type ServingKind } from "../../lib/knative/validation/index";
import { ApiError, webhookDenied, type StatusCause } from "../core/errors";
import type { AdmissionPlugin, AdmissionRequest } from "../core/registry";
import { configValidationPlugin } from "./config-validation";
import { crdSchema, strictDecodingMessage, unknownFieldWarning } from "./schema";


/** What Knative's webhooks see of a request: only CREATE/UPDATE of a serving resource, not /status. */
function webhookScope(req: AdmissionRequest): { kind: ServingKind; operation: "CREATE" | "UPDATE" } | undefined {
  const { group, kind } = req.type;
  if (group !== SERVING_GROUP || !isServingKind(kind)) return undefined;
  if (req.operation === "DELETE" || req.subresource === "status") return undefined;
  return { kind, operation: req.operation };
}

/** (1) The defaulting webhook: traffic, RevisionSpec and creator/lastModifier defaults. */
export function knativeDefaultingPlugin(): AdmissionPlugin {
  return {
    name: DEFAULTING_WEBHOOK,
    mutate(req) {
      const scope = webhookScope(req);
      if (!scope) return;
      setDefaults(scope.kind, scope.operation, req.object, req.oldObject, { username: req.actor.username });
    },
  };
}

/** (2) The CRDs' structural schemas: unknown fields per fieldValidation, defaults, then validation. */
export function crdSchemaPlugin(): AdmissionPlugin {
  const pendingWarnings = new WeakMap<AdmissionRequest, string[]>();
  return {
    name: "crd-structural-schema",
    mutate(req) {
      if (req.type.group !== SERVING_GROUP || req.operation === "DELETE") return;
      const schema = crdSchema(req.type.kind);
      if (!schema) return;
      const unknown = schema.prune(req.object);
      if (unknown.length === 0 || req.subresource === "status") return;
      if (req.fieldValidation === "Strict") throw ApiError.badRequest(strictDecodingMessage(req.type.kind, unknown));
      if (req.fieldValidation === "Warn") pendingWarnings.set(req, unknown.map(unknownFieldWarning));
    },
    validate(req) {
      if (req.type.group !== SERVING_GROUP || req.operation === "DELETE") return;
      const schema = crdSchema(req.type.kind);
      if (!schema) return;
      const name = req.object.metadata.name ?? "";
      const causes: StatusCause[] = [...(req.operation === "CREATE" ? nameCauses(name) : []), ...schema.validate(req.object)];
      if (causes.length > 0) throw ApiError.invalid(req.type.group, req.type.kind, name, causes);
      return pendingWarnings.get(req);
    },
  };
}

/** Custom resource names are DNS-1123 subdomains (apimachinery ValidateObjectMeta). */
function nameCauses(name: string): StatusCause[] {
  if (name === "") return [];
  return isDNS1123Subdomain(name).map((msg) => ({ reason: "FieldValueInvalid", message: invalidValueMessage(name, msg), field: "metadata.name" }));
}

/** (3) The validating webhook: Knative's rules, denial as kube-apiserver wraps it, warnings passed on. */
export function knativeValidationPlugin(): AdmissionPlugin {
  return {
    name: VALIDATING_WEBHOOK,
    validate(req) {
      const scope = webhookScope(req);
      if (!scope) return;
      const { errors, warnings } = validateObject(scope.kind, scope.operation, req.object, req.oldObject);
      if (errors) throw webhookDenied(VALIDATING_WEBHOOK, validationFailedMessage(errors));
      return warnings;
    },
  };
}

/** Knative Serving's admission plugins, in the order kube-apiserver applies them; then its config webhook. */
export function knativeAdmissionPlugins(): AdmissionPlugin[] {
  return [knativeDefaultingPlugin(), crdSchemaPlugin(), knativeValidationPlugin(), configValidationPlugin()];
}
