// Reading a write's body in a route handler, before anything reaches a cluster: JSON only, of a
// bounded size, of the shape a zod schema declares, and then within Knative's own rules
// (lib/knative). A refusal is a Status that names the field (422 with details.causes), so the
// dialog that sent it can show each problem next to its field. Nothing is written on a refusal.

import type { z } from "zod";
import type { FieldError } from "@/lib/knative/field-error";
import { kubeStatus, StatusError, type StatusCause } from "@/lib/queries/status";

/** A dialog's request is small; a Service's whole spec is well under this. */
export const MAX_REQUEST_BYTES = 256 * 1024;

export async function readJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") {
    throw new StatusError(kubeStatus(415, `The request body must be application/json, not ${type ? JSON.stringify(type) : "missing"}.`));
  }
  const text = await request.text();
  if (new TextEncoder().encode(text).length > MAX_REQUEST_BYTES) {
    throw new StatusError(kubeStatus(413, `The request body is larger than ${MAX_REQUEST_BYTES / 1024} KiB.`));
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new StatusError(kubeStatus(400, `The request body is not valid JSON: ${(err as Error).message}`));
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => ({ field: fieldPath(i.path), message: i.message, reason: "FieldValueInvalid" })));
  return parsed.data;
}

/** `["traffic", 1, "percent"]` → `traffic[1].percent`, as Kubernetes writes field paths. */
function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, seg) => (typeof seg === "number" ? `${out}[${seg}]` : out ? `${out}.${String(seg)}` : String(seg)), "");
}

/** A 422 Invalid listing each cause, with the message kube-apiserver would build from them. */
export function invalid(causes: StatusCause[], what = "The request"): StatusError {
  const text = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message)).join("; ");
  return new StatusError(kubeStatus(422, `${what} is invalid: ${text}`, "Invalid", { causes }));
}

/** Knative's own field errors (the webhook's messages) as Status causes. */
export function knativeInvalid(errors: FieldError, what?: string): StatusError {
  const causes = errors.leaves().flatMap((leaf) => {
    const message = leaf.details ? `${leaf.message}: ${leaf.details}` : leaf.message;
    return leaf.paths.length > 0 ? leaf.paths.map((field) => ({ field, message, reason: "FieldValueInvalid" })) : [{ message, reason: "FieldValueInvalid" }];
  });
  return invalid(causes, what);
}
