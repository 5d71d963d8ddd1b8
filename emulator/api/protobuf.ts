// kubectl ≥ 1.32 sends `create namespace|configmap|secret|service` bodies as Kubernetes protobuf
// (kubectl's create subcommands use client-go's protobuf content type), with no JSON fallback, and
// so it sends the access-control kinds (../rbac/protobuf.ts, still decoded by hand there). This
// decodes them with the messages generated from Kubernetes' own .proto files (a subset, in
// proto/k8s.io; `npm run generate:proto`) into the JSON object the rest of the API server
// decodes, as kube-apiserver's protobuf serializer hands the Go object on
// (k8s.io/apimachinery pkg/runtime/serializer/protobuf). Answers stay JSON, which kubectl accepts.
//
// The body is the 4-byte "k8s\0" prefix, then a runtime.Unknown whose `raw` holds the object.
// Every byte is checked against the schema first (lib/knative/protobuf-strict.ts), so a hostile
// body is a 400 in time proportional to its size, never a stall or a half-decoded object.
//
// A field is copied when it is on the wire (proto2 presence), so an empty string kubectl sends
// stays an empty string, as Go's decoding would keep it. Maps become plain objects with own
// properties only (a key "__proto__" is a key).

import { isFieldSet } from "@bufbuild/protobuf";
import { SERVING_GROUP } from "../../lib/knative/types";
import { decodeStrict, ProtobufDecodeError } from "../../lib/knative/protobuf-strict";
import { ApiError } from "../core/errors";
import type { ResourceType } from "../core/resources";
import { ACCESS_CONTROL_PROTOBUF_KINDS, decodeAccessControlProtobuf } from "../rbac/protobuf";
import { bytes, fields, objectMeta as wireObjectMeta } from "./protobuf-wire";
import { ConfigMapSchema, NamespaceSchema, SecretSchema, ServiceSchema, ServicePortSchema, ServiceSpecSchema, type ServicePort, type ServiceSpec } from "./proto/k8s.io/api/core/v1/generated_pb";
import { ObjectMetaSchema, type ObjectMeta } from "./proto/k8s.io/apimachinery/pkg/apis/meta/v1/generated_pb";
import { TypeMetaSchema, UnknownSchema } from "./proto/k8s.io/apimachinery/pkg/runtime/generated_pb";
import { IntOrStringSchema } from "./proto/k8s.io/apimachinery/pkg/util/intstr/generated_pb";

export const PROTOBUF = "application/vnd.kubernetes.protobuf";
/** The kinds whose protobuf bodies are decoded here (those kubectl sends as protobuf). */
const PROTOBUF_KINDS = new Set(["Namespace", "ConfigMap", "Secret", "Service", ...ACCESS_CONTROL_PROTOBUF_KINDS]);
const MAGIC = [0x6b, 0x38, 0x73, 0x00]; // "k8s\0"

/** Whether kube-apiserver takes protobuf bodies for `type`: built-in kinds only, never custom resources. */
export function acceptsProtobuf(type: ResourceType): boolean {
  return type.group !== SERVING_GROUP && PROTOBUF_KINDS.has(type.kind);
}

type JsonObject = Record<string, unknown>;

export function decodeProtobufObject(body: Buffer): JsonObject {
  try {
    if (!MAGIC.every((b, i) => body[i] === b)) throw new Error("missing the k8s protobuf prefix");
    const unknown = decodeStrict(UnknownSchema, body.subarray(MAGIC.length));
    const typeMeta = unknown.typeMeta;
    if (!typeMeta) throw new Error("the envelope has no typeMeta (field 1)");
    if (!isFieldSet(typeMeta, TypeMetaSchema.field.apiVersion)) throw new Error("typeMeta has no apiVersion (field 1)");
    if (!isFieldSet(typeMeta, TypeMetaSchema.field.kind)) throw new Error("typeMeta has no kind (field 2)");
    if (!isFieldSet(unknown, UnknownSchema.field.raw)) throw new Error("the envelope has no raw object (field 2)");
    const { apiVersion, kind } = typeMeta;
    const raw = unknown.raw;
    switch (kind) {
      case "Namespace":
        return { apiVersion, kind, metadata: objectMeta(decodeStrict(NamespaceSchema, raw).metadata) };
      case "ConfigMap": {
        const cm = decodeStrict(ConfigMapSchema, raw);
        return { apiVersion, kind, metadata: objectMeta(cm.metadata), ...present({ data: strings(cm.data), binaryData: base64(cm.binaryData) }) };
      }
      case "Secret": {
        const secret = decodeStrict(SecretSchema, raw);
        return {
          apiVersion,
          kind,
          metadata: objectMeta(secret.metadata),
          ...present({
            data: base64(secret.data),
            type: isFieldSet(secret, SecretSchema.field.type) ? secret.type : undefined,
            stringData: strings(secret.stringData),
          }),
        };
      }
      case "Service": {
        const service = decodeStrict(ServiceSchema, raw);
        return { apiVersion, kind, metadata: objectMeta(service.metadata), spec: service.spec ? serviceSpec(service.spec) : {} };
      }
      default: {
        const message = Buffer.from(raw);
        const meta = fields(message).find((f) => f.no === 1);
        return { apiVersion, kind, metadata: meta ? wireObjectMeta(bytes(meta)) : {}, ...decodeAccessControlProtobuf(kind, message) };
      }
    }
  } catch (err) {
    if (err instanceof ApiError) throw err;
    const detail = err instanceof ProtobufDecodeError ? err.message : (err as Error).message;
    throw ApiError.badRequest(`could not decode the protobuf body: ${detail}`);
  }
}

function objectMeta(meta: ObjectMeta | undefined): JsonObject {
  if (!meta) return {};
  const set = (field: keyof typeof ObjectMetaSchema.field) => isFieldSet(meta, ObjectMetaSchema.field[field]);
  return present({
    name: set("name") ? meta.name : undefined,
    generateName: set("generateName") ? meta.generateName : undefined,
    namespace: set("namespace") ? meta.namespace : undefined,
    labels: strings(meta.labels),
    annotations: strings(meta.annotations),
  });
}

function serviceSpec(spec: ServiceSpec): JsonObject {
  const set = (field: keyof typeof ServiceSpecSchema.field) => isFieldSet(spec, ServiceSpecSchema.field[field]);
  return present({
    ports: spec.ports.length > 0 ? spec.ports.map(servicePort) : undefined,
    selector: strings(spec.selector),
    clusterIP: set("clusterIP") ? spec.clusterIP : undefined,
    type: set("type") ? spec.type : undefined,
    // kubectl sends it for every Service, empty unless `create service externalname`.
    externalName: spec.externalName || undefined,
  });
}

function servicePort(port: ServicePort): JsonObject {
  const set = (field: keyof typeof ServicePortSchema.field) => isFieldSet(port, ServicePortSchema.field[field]);
  const target = port.targetPort;
  // intstr.IntOrString: type 1 is a string, anything else an int (k8s.io/apimachinery pkg/util/intstr).
  const targetPort = target && (isFieldSet(target, IntOrStringSchema.field.type) && target.type === 1n ? target.strVal : target.intVal);
  return present({
    name: set("name") ? port.name : undefined,
    protocol: set("protocol") ? port.protocol : undefined,
    port: set("port") ? port.port : undefined,
    targetPort,
    nodePort: set("nodePort") ? port.nodePort : undefined,
  });
}

/** The entries of a decoded map, or undefined when it has none (the field is then left out). */
function strings(map: Record<string, string>): Record<string, string> | undefined {
  const entries = Object.entries(map);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** `map<string, bytes>` as the JSON API carries it: standard base64 with padding. */
function base64(map: Record<string, Uint8Array>): Record<string, string> | undefined {
  const entries = Object.entries(map);
  return entries.length > 0 ? Object.fromEntries(entries.map(([k, v]) => [k, Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64")])) : undefined;
}

/** Drops the properties whose value is undefined. */
function present(fields: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}
