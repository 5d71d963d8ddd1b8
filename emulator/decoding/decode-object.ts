// The decode stage between reading a request body and the registry, as kube-apiserver has it:
// a body becomes an object of its declared shape before any admission plugin sees it, so a
// wrong type is refused with the API server's wording and never reaches a defaulter that would
// turn it into something else.
//
// - Built-in kinds decode into their Go types (./core-types): 400
//   `ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal …`.
// - Knative kinds (custom resources) go as apiextensions-apiserver takes them: `metadata` is
//   round-tripped through ObjectMeta (pkg/apiserver/schema/objectmeta GetObjectMeta), unknown
//   fields are pruned by the structural schema, and then the schema's types are checked (422,
//   `spec.traffic in body must be of type array: "string"`). A real cluster runs the schema's
//   type check after the mutating webhooks, whose Go decoder refuses the same bodies first
//   ("mutation failed: cannot decode incoming new object"); checking types here, before the
//   defaulter, gives the same outcome — nothing stored, the field named — in the schema's words.
// - Unknown fields follow `fieldValidation`: Strict is a 400, Warn (the server's default) a
//   warning per field, Ignore nothing.

import type { KubeObject } from "../../lib/knative/types";
import { SERVING_GROUP } from "../../lib/knative/types";
import { ApiError } from "../core/errors";
import type { ResourceType } from "../core/resources";
import { crdSchema, strictDecodingMessage, unknownFieldWarning } from "../knative/schema";
import { ACCESS_CONTROL_KINDS } from "../rbac/go-types";
import { CORE_KINDS, DELETE_OPTIONS, OBJECT_META, TYPE_META } from "./core-types";
import { decodeGo, GoDecodeError, jsonKind, type GoType } from "./go-json";

export type FieldValidation = "Strict" | "Warn" | "Ignore";

export interface DecodedObject {
  object: KubeObject;
  warnings: string[];
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** `Service in version "v1" cannot be handled as a Service: …` (apiserver handlers transformDecodeError). */
function cannotBeHandled(type: ResourceType, reason: string): ApiError {
  return ApiError.badRequest(`${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: ${reason}`);
}

function unknownFieldOutcome(type: ResourceType, unknown: string[], fieldValidation: FieldValidation): string[] {
  if (unknown.length === 0 || fieldValidation === "Ignore") return [];
  if (fieldValidation === "Strict") throw ApiError.badRequest(strictDecodingMessage(type.kind, unknown));
  return unknown.map(unknownFieldWarning);
}

export interface DecodeOptions {
  fieldValidation?: FieldValidation;
  /** A write of the status subresource; otherwise the main resource, whose status is not written. */
  subresource?: "status";
}

/** Decodes a create/update body (or a patched object) of `type` into what may be admitted. */
export function decodeObject(type: ResourceType, raw: unknown, opts: DecodeOptions = {}): DecodedObject {
  const fieldValidation = opts.fieldValidation ?? "Warn";
  if (!isPlainObject(raw)) {
    throw cannotBeHandled(type, `json: cannot unmarshal ${jsonKind(raw)} into Go value of type map[string]interface {}`);
  }
  if (type.group === SERVING_GROUP) return decodeCustomResource(type, raw, fieldValidation, opts.subresource);
  const goType = CORE_KINDS[type.kind] ?? ACCESS_CONTROL_KINDS[type.kind];
  if (!goType) throw ApiError.methodNotAllowed(`the embedded cluster manages ${type.resource} itself; they are read-only`);
  const { value, unknownFields } = decodeAs(type, raw, goType);
  return { object: value as KubeObject, warnings: unknownFieldOutcome(type, unknownFields, fieldValidation) };
}

function decodeAs(type: ResourceType, raw: unknown, goType: GoType) {
  try {
    return decodeGo(raw, goType);
  } catch (err) {
    if (err instanceof GoDecodeError) throw cannotBeHandled(type, err.message);
    throw err;
  }
}

function decodeCustomResource(type: ResourceType, raw: Record<string, unknown>, fieldValidation: FieldValidation, subresource?: "status"): DecodedObject {
  // The unstructured decoder reads apiVersion and kind (TypeMeta) before anything else.
  decodeAs(type, { apiVersion: raw.apiVersion, kind: raw.kind }, TYPE_META);
  const object = structuredClone(raw) as KubeObject;
  // A write of the main resource never writes status (the CRD's status subresource): the stored
  // status is kept whatever the body says, so it is not checked either.
  if (type.statusSubresource && subresource !== "status") delete object.status;
  const unknown: string[] = [];
  if (object.metadata !== undefined && object.metadata !== null) {
    const meta = decodeAs(type, object.metadata, OBJECT_META);
    object.metadata = meta.value as KubeObject["metadata"];
    unknown.push(...meta.unknownFields.map((f) => `metadata.${f}`));
  } else {
    object.metadata = {};
  }
  const schema = crdSchema(type.kind);
  if (!schema) return { object, warnings: [] };
  unknown.push(...schema.prune(object));
  const warnings = unknownFieldOutcome(type, unknown.sort(), fieldValidation);
  const typeCauses = schema.typeCauses(object);
  if (typeCauses.length > 0) throw ApiError.invalid(type.group, type.kind, object.metadata.name ?? "", typeCauses);
  return { object, warnings };
}

export interface DeleteOptions {
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: string[];
  propagationPolicy?: string;
}

/** The optional DeleteOptions body of a DELETE (an empty body, or `null`, is no options). */
export function decodeDeleteOptions(raw: unknown): DeleteOptions {
  if (raw === null || raw === undefined) return {};
  try {
    return decodeGo<DeleteOptions>(raw, DELETE_OPTIONS).value ?? {};
  } catch (err) {
    if (err instanceof GoDecodeError) throw ApiError.badRequest(`DeleteOptions in version "v1" cannot be handled as a DeleteOptions: ${err.message}`);
    throw err;
  }
}
