// Revision and revision-template rules (serving: pkg/apis/serving/v1/revision_validation.go).

import { LABEL_CONFIGURATION } from "../labels";
import { FieldError, also } from "../field-error";
import {
  validateAutoscalingAnnotations,
  validateNetworkingAnnotations,
  validateProgressDeadlineAnnotation,
  validateQueueSidecarResourceAnnotations,
} from "./annotations";
import type { ServingConfig } from "./config";
import { shortDiffRevisionSpec, shortDiffRevisionTemplate } from "./go-diff";
import { obj, str, stringMap } from "./json";
import { validateObjectMetadata, validateRevisionName, verifyLabelOwnerRef, type ParentMeta } from "./metadata";
import { validateRevisionSpec } from "./podspec";

/**
 * Revision.Validate. On update only immutability is checked: a Revision's spec never changes
 * (labels and annotations may), and Go returns the immutability error alone.
 */
export function validateRevision(revision: unknown, oldRevision: unknown | undefined, config: ServingConfig): FieldError | undefined {
  const r = obj(revision);
  const errs = also(validateObjectMetadata(r.metadata, config, true), verifyLabelOwnerRef(r.metadata, LABEL_CONFIGURATION, "Configuration")?.viaField("labels"))?.viaField(
    "metadata",
  );
  if (oldRevision !== undefined) {
    const diff = shortDiffRevisionSpec(obj(oldRevision).spec, r.spec);
    if (diff !== "") return new FieldError({ message: "Immutable fields changed (-old +new)", paths: ["spec"], details: diff });
    return errs;
  }
  return also(errs, validateRevisionSpec(r.spec, config)?.viaField("spec"));
}

/**
 * RevisionTemplateSpec.Validate: the template of a Service or Configuration named `parent`.
 * Paths are relative to the template; callers prefix `spec.template`.
 */
export function validateRevisionTemplate(parent: ParentMeta, template: unknown, config: ServingConfig): FieldError | undefined {
  const rts = obj(template);
  const meta = obj(rts.metadata);
  const annotations = stringMap(meta.annotations);
  return also(
    validateRevisionSpec(rts.spec, config)?.viaField("spec"),
    validateAutoscalingAnnotations(config.autoscaler, annotations)?.viaField("metadata.annotations"),
    validateNetworkingAnnotations(annotations)?.viaField("metadata.annotations"),
    validateRevisionName(parent, str(meta.name), str(meta.generateName)),
    validateQueueSidecarResourceAnnotations(annotations)?.viaField("metadata.annotations"),
    validateProgressDeadlineAnnotation(annotations)?.viaField("metadata.annotations"),
  );
}

/**
 * VerifyNameChange: a BYO revision name must change whenever the template changes (labels and
 * annotations included), or the new Revision could not be created. Path relative to the template.
 */
export function verifyNameChange(template: unknown, oldTemplate: unknown): FieldError | undefined {
  const name = str(obj(obj(template).metadata).name);
  if (name === "" || name !== str(obj(obj(oldTemplate).metadata).name)) return undefined;
  const diff = shortDiffRevisionTemplate(oldTemplate, template);
  if (diff === "") return undefined;
  return new FieldError({ message: "Saw the following changes without a name change (-old +new)", paths: ["metadata.name"], details: diff });
}
