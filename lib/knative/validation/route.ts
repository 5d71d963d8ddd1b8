// Route rules (serving: pkg/apis/serving/v1/route_validation.go Route.Validate).

import { LABEL_SERVICE } from "../labels";
import { FieldError, also } from "../field-error";
import { validateRolloutDurationAnnotation } from "./annotations";
import type { ServingConfig } from "./config";
import { obj, stringMap } from "./json";
import { hasOwnerReferences, validateCreatorAndModifier, validateObjectMetadata, verifyLabelOwnerRef } from "./metadata";
import { ROUTE_SPEC_TRAFFIC, validateTrafficList } from "./traffic";

/** Route.Validate; `oldRoute` is the stored object on update. */
export function validateRoute(route: unknown, oldRoute: unknown | undefined, config: ServingConfig): FieldError | undefined {
  const r = obj(route);
  const meta = obj(r.metadata);
  let errs = also(
    validateObjectMetadata(meta, config, false),
    verifyLabelOwnerRef(meta, LABEL_SERVICE, "Service")?.viaField("labels"),
    validateRolloutDurationAnnotation(stringMap(meta.annotations))?.viaField("annotations"),
  )?.viaField("metadata");
  errs = also(errs, validateTrafficList(ROUTE_SPEC_TRAFFIC, obj(r.spec).traffic)?.viaField("traffic").viaField("spec"));
  // A Route owned by a Service carries the Service's annotations; only standalone ones are checked.
  if (oldRoute !== undefined && !hasOwnerReferences(meta)) {
    const old = obj(oldRoute);
    errs = also(errs, validateCreatorAndModifier(old.spec, r.spec, obj(old.metadata).annotations, meta.annotations)?.viaField("metadata.annotations"));
  }
  return errs;
}
