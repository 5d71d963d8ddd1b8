// What kube-apiserver's apiextensions machinery does with the Knative CRDs' structural schemas
// (emulator/knative/crds/*.yaml, copied from knative/serving config/core/300-resources):
//
// 1. Pruning, defaulting and null-dropping while decoding the request (apiextensions-apiserver
//    pkg/apiserver/schema/pruning, .../defaulting). Fields the schema does not declare are
//    removed unless `x-kubernetes-preserve-unknown-fields` keeps them; `fieldValidation`
//    decides whether that is silent (Ignore), a warning (Warn: `unknown field "spec.bogus"`)
//    or a 400 (Strict). The Strict text is the server's, from handlers/create.go
//    transformDecodeError plus runtime.StrictDecodingError:
//      Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.bogus"
//    (".spec.bogus: field not declared in schema" is kubectl's client-side OpenAPI check, which
//    never reaches a server.)
// 2. Validation against the schema (required fields, types, patterns) with ajv, reported as
//    kube-apiserver's field errors: `spec.template.spec.containers: Required value`,
//    `spec.template.spec.timeoutSeconds: Invalid value: "string": spec.template.spec.timeoutSeconds
//    in body must be of type integer: "string"` (apiextensions-apiserver pkg/apiserver/validation).

import { readFileSync } from "node:fs";
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import { parse as parseYaml } from "yaml";
import type { StatusCause } from "../core/errors";

type Schema = Record<string, unknown>;
type Json = Record<string, unknown>;

const CRD_FILES: Record<string, string> = {
  Service: "service.yaml",
  Configuration: "configuration.yaml",
  Revision: "revision.yaml",
  Route: "route.yaml",
};

/** ObjectMeta's fields: the root `metadata` is decoded as ObjectMeta, not by the CRD schema. */
const OBJECT_META_FIELDS = new Set([
  "name",
  "generateName",
  "namespace",
  "selfLink",
  "uid",
  "resourceVersion",
  "generation",
  "creationTimestamp",
  "deletionTimestamp",
  "deletionGracePeriodSeconds",
  "labels",
  "annotations",
  "ownerReferences",
  "finalizers",
  "managedFields",
]);

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

export class CrdSchema {
  private validateFn: ValidateFunction | undefined;

  constructor(
    readonly kind: string,
    private readonly schema: Schema,
  ) {}

  /**
   * Removes undeclared fields and nulls, fills schema defaults (e.g. ports[].protocol: TCP), in
   * place. Returns the removed paths (`spec.bogus`, `spec.template.spec.containers[0].x`), sorted.
   */
  prune(object: Json): string[] {
    const unknown: string[] = [];
    for (const key of Object.keys(object)) {
      if (key === "metadata") continue;
      const prop = properties(this.schema)[key];
      if (prop === undefined) {
        delete object[key];
        unknown.push(key);
      } else {
        object[key] = walk(object[key], prop, key, unknown);
      }
    }
    if (isObject(object.metadata)) {
      for (const key of Object.keys(object.metadata)) {
        if (!OBJECT_META_FIELDS.has(key)) {
          delete object.metadata[key];
          unknown.push(`metadata.${key}`);
        }
      }
    }
    return unknown.sort();
  }

  /** Schema violations as kube-apiserver's field causes (empty when valid). */
  validate(object: Json): StatusCause[] {
    this.validateFn ??= newAjv().compile(this.schema);
    if (this.validateFn(object)) return [];
    return toCauses(this.validateFn.errors ?? [], object);
  }

  /**
   * Only the type violations: what the decode stage refuses before any defaulting, so that a
   * value of the wrong type is never replaced by a default (required fields and patterns wait
   * for validation, after the defaulter has run).
   */
  typeCauses(object: Json): StatusCause[] {
    return this.validate(object).filter((c) => c.reason === "FieldValueTypeInvalid");
  }
}

const schemas = new Map<string, CrdSchema>();

/** The schema of a Knative Serving kind, read and compiled on first use. */
export function crdSchema(kind: string): CrdSchema | undefined {
  const cached = schemas.get(kind);
  if (cached) return cached;
  const file = CRD_FILES[kind];
  if (!file) return undefined;
  const crd = parseYaml(readFileSync(new URL(`./crds/${file}`, import.meta.url), "utf8")) as {
    spec: { versions: Array<{ name: string; schema: { openAPIV3Schema: Schema } }> };
  };
  const version = crd.spec.versions.find((v) => v.name === "v1")!;
  const schema = new CrdSchema(kind, version.schema.openAPIV3Schema);
  schemas.set(kind, schema);
  return schema;
}

/** The message of the 400 kube-apiserver returns for unknown fields under fieldValidation=Strict. */
export function strictDecodingMessage(kind: string, unknownPaths: string[]): string {
  const fields = unknownPaths.map((p) => `unknown field "${p}"`).join(", ");
  return `${kind} in version "v1" cannot be handled as a ${kind}: strict decoding error: ${fields}`;
}

/** The warning kube-apiserver returns per unknown field under fieldValidation=Warn. */
export function unknownFieldWarning(path: string): string {
  return `unknown field "${path}"`;
}

// ---- Pruning and defaulting ----

function properties(schema: Schema): Record<string, Schema> {
  return isObject(schema.properties) ? (schema.properties as Record<string, Schema>) : {};
}

function walk(value: unknown, schema: Schema, path: string, unknown: string[]): unknown {
  const preserve = schema["x-kubernetes-preserve-unknown-fields"] === true;
  if (Array.isArray(value)) {
    const items = isObject(schema.items) ? (schema.items as Schema) : undefined;
    if (items) value.forEach((item, i) => (value[i] = walk(item, items, `${path}[${i}]`, unknown)));
    return value;
  }
  if (!isObject(value)) return value;

  const props = properties(schema);
  const additional = isObject(schema.additionalProperties) ? (schema.additionalProperties as Schema) : undefined;
  const hasProps = Object.keys(props).length > 0;
  for (const key of Object.keys(value)) {
    const child = props[key] ?? additional;
    // Nulls are dropped unless the field is nullable (and its default, if any, fills in below).
    if (value[key] === null && child?.nullable !== true) {
      delete value[key];
      continue;
    }
    if (child) value[key] = walk(value[key], child, `${path}.${key}`, unknown);
    else if (!preserve && (hasProps || schema.type === "object")) {
      delete value[key];
      unknown.push(`${path}.${key}`);
    }
  }
  for (const [key, prop] of Object.entries(props)) {
    if (value[key] === undefined && prop.default !== undefined) value[key] = structuredClone(prop.default);
  }
  return value;
}

// ---- Validation ----

function newAjv(): Ajv {
  // strict: false lets the x-kubernetes-* and OpenAPI keywords through; formats such as
  // int32/int64 are not checked by kube-apiserver either.
  return new Ajv({ allErrors: true, strict: false, validateFormats: false });
}

/** The JSON type kube-openapi names in messages. */
function jsonType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

/** A Go `%q`/`%v` of the value, as field.Invalid prints it. */
function goValue(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}

/** `/spec/template/spec/containers/0/image` → `spec.template.spec.containers[0].image`. */
function fieldPath(pointer: string, root: unknown): string {
  let out = "";
  let node: unknown = root;
  for (const raw of pointer.split("/").slice(1)) {
    const seg = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(node)) {
      out += `[${seg}]`;
      node = node[Number(seg)];
    } else {
      out += out === "" ? seg : `.${seg}`;
      node = isObject(node) ? node[seg] : undefined;
    }
  }
  return out;
}

function valueAt(pointer: string, root: unknown): unknown {
  let node: unknown = root;
  for (const raw of pointer.split("/").slice(1)) {
    const seg = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    node = Array.isArray(node) ? node[Number(seg)] : isObject(node) ? node[seg] : undefined;
  }
  return node;
}

const join = (path: string, child: string) => (path === "" ? child : `${path}.${child}`);

function typeCause(path: string, expected: string, actual: unknown): StatusCause {
  const actualType = jsonType(actual);
  return {
    reason: "FieldValueTypeInvalid",
    message: `Invalid value: "${actualType}": ${path} in body must be of type ${expected}: "${actualType}"`,
    field: path,
  };
}

function toCauses(errors: ErrorObject[], root: unknown): StatusCause[] {
  const causes = new Map<string, StatusCause>();
  const add = (c: StatusCause) => causes.set(`${c.field}\0${c.message}`, c);
  // An int-or-string value that matches neither branch is one type error, not one per branch.
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === "anyOf").map((e) => e.instancePath));
  for (const e of errors) {
    const path = fieldPath(e.instancePath, root);
    const value = valueAt(e.instancePath, root);
    if (e.keyword === "anyOf") {
      const branches = ((e.parentSchema?.anyOf as Schema[] | undefined) ?? []).map((s) => s.type).filter(Boolean);
      add(typeCause(path, branches.join(","), value));
    } else if (anyOfPaths.has(e.instancePath) && e.schemaPath.includes("/anyOf/")) {
      continue;
    } else if (e.keyword === "required") {
      add({ reason: "FieldValueRequired", message: "Required value", field: join(path, String(e.params.missingProperty)) });
    } else if (e.keyword === "type") {
      add(typeCause(path, String(e.params.type), value));
    } else if (e.keyword === "pattern") {
      add({ reason: "FieldValueInvalid", message: `Invalid value: ${goValue(value)}: ${path} in body should match '${String(e.params.pattern)}'`, field: path });
    } else if (e.keyword === "enum") {
      const allowed = ((e.params.allowedValues as unknown[]) ?? []).map(goValue).join(", ");
      add({ reason: "FieldValueNotSupported", message: `Unsupported value: ${goValue(value)}: supported values: ${allowed}`, field: path });
    } else {
      add({ reason: "FieldValueInvalid", message: `Invalid value: ${goValue(value)}: ${path} in body ${e.message ?? "is invalid"}`, field: path });
    }
  }
  return [...causes.values()].sort((a, b) => (a.field ?? "").localeCompare(b.field ?? "") || (a.message ?? "").localeCompare(b.message ?? ""));
}
