import { describe, expect, it } from "vitest";
import { ApiError } from "../core/errors";
import { CONFIGMAPS, NAMESPACES, SECRETS, SERVICES } from "../core/resources";
import { decodeDeleteOptions, decodeObject } from "./decode-object";

function refusal(fn: () => unknown): { code: number; message: string; causes?: unknown } {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return { code: err.code, message: err.status.message, causes: err.status.details?.causes };
    throw err;
  }
  throw new Error("expected a refusal");
}

const ksvc = (spec: unknown, metadata: unknown = { name: "hello" }) => ({ apiVersion: "serving.knative.dev/v1", kind: "Service", metadata, spec });
const container = { image: "ghcr.io/knative/helloworld-go:latest" };

describe("decoding built-in kinds into their Go types", () => {
  it("words a wrong metadata type as Go's decoder does", () => {
    expect(refusal(() => decodeObject(CONFIGMAPS, { metadata: { name: "a", labels: "x" } }))).toEqual({
      code: 400,
      message: 'ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal string into Go struct field ObjectMeta.metadata.labels of type map[string]string',
      causes: undefined,
    });
    expect(refusal(() => decodeObject(CONFIGMAPS, { metadata: "str" })).message).toBe(
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal string into Go struct field ConfigMap.metadata of type v1.ObjectMeta',
    );
    expect(refusal(() => decodeObject(NAMESPACES, { metadata: { name: "a", generation: "x" } })).message).toMatch(/cannot unmarshal string into Go struct field ObjectMeta.metadata.generation of type int64$/);
    expect(refusal(() => decodeObject(NAMESPACES, { metadata: { name: "a", generation: 1.5 } })).message).toMatch(/cannot unmarshal number 1.5 into Go struct field ObjectMeta.metadata.generation of type int64$/);
    expect(refusal(() => decodeObject(CONFIGMAPS, { metadata: { name: "a", finalizers: "x" } })).message).toMatch(/into Go struct field ObjectMeta.metadata.finalizers of type \[\]string$/);
    expect(refusal(() => decodeObject(CONFIGMAPS, { metadata: { name: "a", ownerReferences: {} } })).message).toMatch(/cannot unmarshal object into Go struct field ObjectMeta.metadata.ownerReferences of type \[\]v1.OwnerReference$/);
    expect(refusal(() => decodeObject(CONFIGMAPS, { metadata: { name: "a", annotations: { a: { b: 1 } } } })).message).toMatch(/cannot unmarshal object into Go struct field ObjectMeta.metadata.annotations of type string$/);
  });

  it("checks data fields: ConfigMap data is strings, Secret data is padded base64", () => {
    expect(refusal(() => decodeObject(CONFIGMAPS, { metadata: { name: "a" }, data: 5 })).message).toMatch(/cannot unmarshal number into Go struct field ConfigMap.data of type map\[string\]string$/);
    expect(refusal(() => decodeObject(SECRETS, { metadata: { name: "a" }, data: { k: "not base64!" } })).message).toBe(
      'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 3',
    );
    expect(refusal(() => decodeObject(SECRETS, { metadata: { name: "a" }, data: { k: "abc" } })).message).toMatch(/illegal base64 data at input byte 0$/);
    expect(decodeObject(SECRETS, { metadata: { name: "a" }, data: { k: "aGk=" } }).object.data).toEqual({ k: "aGk=" });
  });

  it("drops fields the type does not declare, and nulls, reporting unknown fields per fieldValidation", () => {
    const raw = { metadata: { name: "a", bogus: 1, creationTimestamp: null }, data: { k: "v" }, extra: true };
    expect(decodeObject(CONFIGMAPS, raw).object).toEqual({ metadata: { name: "a" }, data: { k: "v" } });
    expect(decodeObject(CONFIGMAPS, raw).warnings).toEqual(['unknown field "extra"', 'unknown field "metadata.bogus"']);
    expect(decodeObject(CONFIGMAPS, raw, { fieldValidation: "Ignore" }).warnings).toEqual([]);
    expect(refusal(() => decodeObject(CONFIGMAPS, raw, { fieldValidation: "Strict" })).message).toBe(
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "extra", unknown field "metadata.bogus"',
    );
  });
});

describe("decoding Knative objects through ObjectMeta and the CRD schema, before any defaulting", () => {
  it("refuses a traffic block of the wrong type instead of defaulting it", () => {
    for (const traffic of ["all", {}, 7]) {
      const r = refusal(() => decodeObject(SERVICES, ksvc({ template: { spec: { containers: [container] } }, traffic })));
      expect(r.code).toBe(422);
      expect(r.message).toMatch(/^Service\.serving\.knative\.dev "hello" is invalid: spec\.traffic: Invalid value: "\w+": spec\.traffic in body must be of type array: "\w+"$/);
    }
  });

  it("round-trips metadata through ObjectMeta, as apiextensions does", () => {
    expect(refusal(() => decodeObject(SERVICES, ksvc({}, { name: "a", ownerReferences: {} }))).message).toBe(
      'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal object into Go struct field ObjectMeta.ownerReferences of type []v1.OwnerReference',
    );
    expect(refusal(() => decodeObject(SERVICES, ksvc({}, "str"))).message).toMatch(/cannot unmarshal string into Go value of type v1.ObjectMeta$/);
  });

  it("prunes unknown fields and keeps what the schema declares", () => {
    const { object, warnings } = decodeObject(SERVICES, ksvc({ template: { spec: { containers: [container] } }, bogus: 1 }));
    expect(object.spec).toEqual({ template: { spec: { containers: [container] } } });
    expect(warnings).toEqual(['unknown field "spec.bogus"']);
  });
});

describe("DeleteOptions", () => {
  it("treats an empty or null body as no options and refuses a wrong shape", () => {
    expect(decodeDeleteOptions(undefined)).toEqual({});
    expect(decodeDeleteOptions(null)).toEqual({});
    expect(decodeDeleteOptions({ preconditions: { resourceVersion: "5" } })).toEqual({ preconditions: { resourceVersion: "5" } });
    expect(refusal(() => decodeDeleteOptions({ preconditions: "x" })).code).toBe(400);
    expect(refusal(() => decodeDeleteOptions([])).message).toMatch(/cannot unmarshal array into Go value of type v1.DeleteOptions$/);
  });
});
