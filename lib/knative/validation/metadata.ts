// Object metadata rules: names (knative/pkg apis/metadata_validation.go ValidateObjectMetadata,
// serving pkg/apis/serving/metadata_validation.go), BYO revision names (serving
// pkg/apis/serving/v1/revision_validation.go validateRevisionName), the creator/lastModifier
// annotations (pkg apis/metadata_validation.go ValidateCreatorAndModifier) and the labels that
// must match an owner (serving configuration_validation.go verifyLabelOwnerRef).

import { ANNOTATION_CREATOR, ANNOTATION_LAST_MODIFIER } from "../labels";
import { FieldError, also, errDisallowedFields, errGeneric, errInvalidValue, errMissingField, goQuote, goSprint } from "../field-error";
import { nameIsDNS1035Label } from "../k8s-validation";
import type { ServingConfig } from "./config";
import { validateAutoscalingAnnotations, validateHasNoAutoscalingAnnotation } from "./annotations";
import { arr, obj, semanticEqual, str, stringMap } from "./json";

/**
 * ValidateObjectMetadata: a name or generateName, each a DNS-1035 label (a prefix for
 * generateName), plus the autoscaling-annotation rule. Paths are relative to `metadata`.
 */
export function validateObjectMetadata(metadata: unknown, config: ServingConfig, allowAutoscalingAnnotations: boolean): FieldError | undefined {
  const meta = obj(metadata);
  const annotations = stringMap(meta.annotations);
  const autoscaling = allowAutoscalingAnnotations
    ? validateAutoscalingAnnotations(config.autoscaler, annotations)
    : validateHasNoAutoscalingAnnotation(annotations);
  return also(validateNames(str(meta.name), str(meta.generateName)), autoscaling?.viaField("annotations"));
}

function validateNames(name: string, generateName: string): FieldError | undefined {
  if (generateName !== "") {
    const msgs = nameIsDNS1035Label(generateName, true);
    if (msgs.length > 0) return errGeneric(`not a DNS 1035 label prefix: ${goSprint(msgs)}`, "generateName");
  }
  if (name !== "") {
    const msgs = nameIsDNS1035Label(name, false);
    if (msgs.length > 0) return errGeneric(`not a DNS 1035 label: ${goSprint(msgs)}`, "name");
  }
  if (name === "" && generateName === "") return errGeneric("name or generateName is required", "name");
  return undefined;
}

/** The parent object's name and generateName, for BYO revision names. */
export interface ParentMeta {
  name: string;
  generateName: string;
}

/**
 * validateRevisionName: a template name must be a DNS-1035 label prefixed `<parent>-`, and is
 * not allowed while the parent only has a generateName. Paths are relative to the template.
 */
export function validateRevisionName(parent: ParentMeta, name: string, generateName: string): FieldError | undefined {
  if (generateName !== "") {
    const msgs = nameIsDNS1035Label(generateName, true);
    if (msgs.length > 0) return errInvalidValue(`not a DNS 1035 label prefix: ${goSprint(msgs)}`, "metadata.generateName");
  }
  if (name === "") return undefined;
  const msgs = nameIsDNS1035Label(name, false);
  if (msgs.length > 0) return errInvalidValue(`not a DNS 1035 label: ${goSprint(msgs)}`, "metadata.name");
  // Even with a generateName, a parent that has its name may use BYO names after creation.
  if (parent.name === "" && parent.generateName !== "") return errDisallowedFields("metadata.name");
  const prefix = `${parent.name}-`;
  if (!name.startsWith(prefix)) return errInvalidValue(`${goQuote(name)} must have prefix ${goQuote(prefix)}`, "metadata.name");
  return undefined;
}

/**
 * ValidateCreatorAndModifier: the creator never changes; lastModifier changes only with the
 * spec. Paths are annotation keys; callers prefix `metadata.annotations`.
 */
export function validateCreatorAndModifier(oldSpec: unknown, newSpec: unknown, oldAnnotations: unknown, newAnnotations: unknown): FieldError | undefined {
  const before = stringMap(oldAnnotations);
  const after = stringMap(newAnnotations);
  let errs: FieldError | undefined;
  if ((before[ANNOTATION_CREATOR] ?? "") !== (after[ANNOTATION_CREATOR] ?? "")) {
    errs = also(errs, errGeneric("annotation value is immutable", ANNOTATION_CREATOR));
  }
  if (semanticEqual(oldSpec, newSpec) && (before[ANNOTATION_LAST_MODIFIER] ?? "") !== (after[ANNOTATION_LAST_MODIFIER] ?? "")) {
    errs = also(errs, errInvalidValue(after[ANNOTATION_LAST_MODIFIER] ?? "", ANNOTATION_LAST_MODIFIER));
  }
  return errs;
}

/**
 * verifyLabelOwnerRef: a `serving.knative.dev/service` (or `/configuration`) label must name an
 * owner of that kind, so users cannot forge ownership. Path is the label key.
 */
export function verifyLabelOwnerRef(metadata: unknown, label: string, ownerKind: string): FieldError | undefined {
  const meta = obj(metadata);
  const labels = stringMap(meta.labels);
  if (!Object.hasOwn(labels, label)) return undefined;
  const value = labels[label];
  const owned = arr(meta.ownerReferences).some((ref) => str(obj(ref).kind) === ownerKind && str(obj(ref).name) === value);
  return owned ? undefined : errMissingField(label);
}

/** Whether the object has ownerReferences (Go: `OwnerReferences != nil`). */
export function hasOwnerReferences(metadata: unknown): boolean {
  return Array.isArray(obj(metadata).ownerReferences);
}
