// Service rules (serving: pkg/apis/serving/v1/service_validation.go): a Configuration's
// template plus a Route's traffic, where traffic defaults to the Service's own Configuration.

import { FieldError, also } from "../field-error";
import { validateRolloutDurationAnnotation } from "./annotations";
import type { ServingConfig } from "./config";
import { obj, str, stringMap } from "./json";
import { validateCreatorAndModifier, validateObjectMetadata } from "./metadata";
import { validateRevisionTemplate, verifyNameChange } from "./revision";
import { SERVICE_SPEC_TRAFFIC, validateTrafficList } from "./traffic";

/** Service.Validate; `oldService` is the stored object on update. */
export function validateService(service: unknown, oldService: unknown | undefined, config: ServingConfig): FieldError | undefined {
  const s = obj(service);
  const meta = obj(s.metadata);
  const spec = obj(s.spec);
  let errs = also(validateObjectMetadata(meta, config, false), validateRolloutDurationAnnotation(stringMap(meta.annotations))?.viaField("annotations"))?.viaField("metadata");
  const parent = { name: str(meta.name), generateName: str(meta.generateName) };
  errs = also(
    errs,
    validateRevisionTemplate(parent, spec.template, config)?.viaField("template").viaField("spec"),
    validateTrafficList(SERVICE_SPEC_TRAFFIC, spec.traffic)?.viaField("traffic").viaField("spec"),
  );

  if (oldService !== undefined) {
    const old = obj(oldService);
    errs = also(
      errs,
      validateCreatorAndModifier(old.spec, s.spec, obj(old.metadata).annotations, meta.annotations)?.viaField("metadata.annotations"),
      verifyNameChange(spec.template, obj(old.spec).template)?.viaField("spec.template"),
    );
  }
  return errs;
}
