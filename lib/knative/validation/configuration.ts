// Configuration rules (serving: pkg/apis/serving/v1/configuration_validation.go).

import { LABEL_SERVICE } from "../labels";
import { FieldError, also } from "../field-error";
import type { ServingConfig } from "./config";
import { obj, str } from "./json";
import { hasOwnerReferences, validateCreatorAndModifier, validateObjectMetadata, verifyLabelOwnerRef } from "./metadata";
import { validateRevisionTemplate, verifyNameChange } from "./revision";

/** Configuration.Validate; `oldConfiguration` is the stored object on update. */
export function validateConfiguration(configuration: unknown, oldConfiguration: unknown | undefined, config: ServingConfig): FieldError | undefined {
  const c = obj(configuration);
  const meta = obj(c.metadata);
  const spec = obj(c.spec);
  let errs = also(validateObjectMetadata(meta, config, false), verifyLabelOwnerRef(meta, LABEL_SERVICE, "Service")?.viaField("labels"))?.viaField("metadata");
  const parent = { name: str(meta.name), generateName: str(meta.generateName) };
  errs = also(errs, validateRevisionTemplate(parent, spec.template, config)?.viaField("template").viaField("spec"));

  if (oldConfiguration !== undefined) {
    const old = obj(oldConfiguration);
    // A Configuration owned by a Service carries the Service's annotations; only standalone ones are checked.
    if (!hasOwnerReferences(meta)) {
      errs = also(errs, validateCreatorAndModifier(old.spec, c.spec, obj(old.metadata).annotations, meta.annotations)?.viaField("metadata.annotations"));
    }
    errs = also(errs, verifyNameChange(spec.template, obj(old.spec).template)?.viaField("spec.template"));
  }
  return errs;
}
