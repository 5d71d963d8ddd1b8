// apimachinery's checks of ObjectMeta that every kind gets, custom resources included
// (k8s.io/apimachinery pkg/api/validation/objectmeta.go: ValidateLabels, ValidateAnnotations,
// ValidateOwnerReferences, ValidateFinalizers), with their messages and field paths.

import { byteLength, invalidValueMessage, isLabelValue, isQualifiedName } from "./k8s-validation";
import type { ObjectMeta, OwnerReference } from "./types";

export interface MetaCause {
  reason: "FieldValueInvalid" | "FieldValueTooLong";
  field: string;
  message: string;
}

/** TotalAnnotationSizeLimitB: the keys and values of all annotations together. */
export const TOTAL_ANNOTATION_SIZE_LIMIT_BYTES = 256 * 1024;

const invalid = (field: string, value: string, detail: string): MetaCause => ({ reason: "FieldValueInvalid", field, message: invalidValueMessage(value, detail) });

export function validateLabels(labels: Record<string, string> | undefined, field = "metadata.labels"): MetaCause[] {
  const causes: MetaCause[] = [];
  for (const [key, value] of Object.entries(labels ?? {})) {
    for (const msg of isQualifiedName(key)) causes.push(invalid(field, key, msg));
    for (const msg of isLabelValue(value)) causes.push(invalid(field, value, msg));
  }
  return causes;
}

export function validateAnnotations(annotations: Record<string, string> | undefined, field = "metadata.annotations"): MetaCause[] {
  const causes: MetaCause[] = [];
  let total = 0;
  for (const [key, value] of Object.entries(annotations ?? {})) {
    // Annotation keys are checked lower-cased: upper case is allowed in them.
    for (const msg of isQualifiedName(key.toLowerCase())) causes.push(invalid(field, key, msg));
    total += byteLength(key) + byteLength(value);
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT_BYTES) {
    causes.push({ reason: "FieldValueTooLong", field, message: `Too long: must have at most ${TOTAL_ANNOTATION_SIZE_LIMIT_BYTES} bytes` });
  }
  return causes;
}

export function validateOwnerReferences(refs: OwnerReference[] | undefined, field = "metadata.ownerReferences"): MetaCause[] {
  const causes: MetaCause[] = [];
  const controllers: string[] = [];
  for (const ref of refs ?? []) {
    const apiVersion = ref.apiVersion ?? "";
    // schema.ParseGroupVersion: "v1" or "group/version"; more than one slash does not parse.
    const parts = apiVersion.split("/");
    if (parts.length > 2) causes.push(invalid(`${field}.apiVersion`, apiVersion, `unexpected GroupVersion string: ${apiVersion}`));
    else if ((parts.length === 1 ? parts[0] : parts[1]) === "") causes.push(invalid(`${field}.apiVersion`, apiVersion, "version must not be empty"));
    if (!ref.kind) causes.push(invalid(`${field}.kind`, ref.kind ?? "", "kind must not be empty"));
    if (!ref.name) causes.push(invalid(`${field}.name`, ref.name ?? "", "name must not be empty"));
    if (!ref.uid) causes.push(invalid(`${field}.uid`, ref.uid ?? "", "uid must not be empty"));
    if (ref.controller) controllers.push(`${ref.kind}/${ref.name}`);
  }
  if (controllers.length > 1) {
    causes.push({
      reason: "FieldValueInvalid",
      field,
      message: `Invalid value: ${JSON.stringify(controllers)}: Only one reference can have Controller set to true. Found "true" in references for ${controllers.join(" and ")}`,
    });
  }
  return causes;
}

export function validateFinalizers(finalizers: string[] | undefined, field = "metadata.finalizers"): MetaCause[] {
  return (finalizers ?? []).flatMap((f) => isQualifiedName(f).map((msg) => invalid(field, f, msg)));
}

/** Everything apimachinery checks in ObjectMeta but the name (each kind names its own rule). */
export function validateObjectMeta(meta: ObjectMeta): MetaCause[] {
  return [
    ...validateLabels(meta.labels),
    ...validateAnnotations(meta.annotations),
    ...validateOwnerReferences(meta.ownerReferences),
    ...validateFinalizers(meta.finalizers),
  ];
}
