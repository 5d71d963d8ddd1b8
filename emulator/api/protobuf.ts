// kubectl ≥ 1.32 sends `create namespace|configmap|secret|service` bodies as Kubernetes protobuf
// (kubectl's create subcommands use client-go's protobuf content type), with no JSON fallback, and
// so it sends the access-control kinds (../rbac/protobuf.ts). This decodes that small subset
// into the JSON object; answers stay JSON, which kubectl accepts. Every read is bounds-checked
// (varints of at most 10 bytes, lengths within what is left), so a hostile body is a 400 in time
// proportional to its size, never a stall.

import { SERVING_GROUP } from "../../lib/knative/types";
import { ApiError } from "../core/errors";
import type { ResourceType } from "../core/resources";
import { ACCESS_CONTROL_PROTOBUF_KINDS, decodeAccessControlProtobuf } from "../rbac/protobuf";
import { bytes, fields, mapEntries, num, objectMeta, str } from "./protobuf-wire";

export const PROTOBUF = "application/vnd.kubernetes.protobuf";
/** The kinds whose protobuf bodies are decoded here (those kubectl sends as protobuf). */
const PROTOBUF_KINDS = new Set(["Namespace", "ConfigMap", "Secret", "Service", ...ACCESS_CONTROL_PROTOBUF_KINDS]);
const MAGIC = [0x6b, 0x38, 0x73, 0x00]; // "k8s\0"

/** Whether kube-apiserver takes protobuf bodies for `type`: built-in kinds only, never custom resources. */
export function acceptsProtobuf(type: ResourceType): boolean {
  return type.group !== SERVING_GROUP && PROTOBUF_KINDS.has(type.kind);
}

function servicePort(buf: Buffer): Record<string, unknown> {
  const port: Record<string, unknown> = {};
  for (const f of fields(buf)) {
    if (f.no === 1) port.name = str(f);
    if (f.no === 2) port.protocol = str(f);
    if (f.no === 3) port.port = num(f);
    if (f.no === 4) {
      const ios = fields(bytes(f));
      const isString = ios.find((x) => x.no === 1)?.value === 1n;
      const intVal = ios.find((x) => x.no === 2);
      const strVal = ios.find((x) => x.no === 3);
      port.targetPort = isString ? (strVal ? str(strVal) : "") : intVal ? num(intVal) : 0;
    }
    if (f.no === 5) port.nodePort = num(f);
  }
  return port;
}

function serviceSpec(buf: Buffer): Record<string, unknown> {
  const fs = fields(buf);
  const spec: Record<string, unknown> = {};
  const ports = fs.filter((f) => f.no === 1).map((f) => servicePort(bytes(f)));
  if (ports.length) spec.ports = ports;
  const selector = mapEntries(fs, 2);
  if (selector) spec.selector = selector;
  for (const f of fs) {
    if (f.no === 3) spec.clusterIP = str(f);
    if (f.no === 4) spec.type = str(f);
  }
  return spec;
}

export function decodeProtobufObject(body: Buffer): Record<string, unknown> {
  try {
    if (!MAGIC.every((b, i) => body[i] === b)) throw new Error("missing the k8s protobuf prefix");
    const unknown = fields(body.subarray(4));
    const typeMeta = fields(bytes(unknown.find((f) => f.no === 1)));
    const apiVersion = str(typeMeta.find((f) => f.no === 1));
    const kind = str(typeMeta.find((f) => f.no === 2));
    const rawMessage = bytes(unknown.find((f) => f.no === 2));
    const raw = fields(rawMessage);
    const metaField = raw.find((f) => f.no === 1);
    const obj: Record<string, unknown> = { apiVersion, kind, metadata: metaField ? objectMeta(bytes(metaField)) : {} };
    switch (kind) {
      case "Namespace":
        break;
      case "ConfigMap": {
        const data = mapEntries(raw, 2);
        const binaryData = mapEntries(raw, 3, true);
        if (data) obj.data = data;
        if (binaryData) obj.binaryData = binaryData;
        break;
      }
      case "Secret": {
        const data = mapEntries(raw, 2, true);
        if (data) obj.data = data;
        const type = raw.find((f) => f.no === 3);
        if (type) obj.type = str(type);
        const stringData = mapEntries(raw, 4);
        if (stringData) obj.stringData = stringData;
        break;
      }
      case "Service": {
        const spec = raw.find((f) => f.no === 2);
        obj.spec = spec ? serviceSpec(bytes(spec)) : {};
        break;
      }
      default:
        Object.assign(obj, decodeAccessControlProtobuf(kind, rawMessage));
    }
    return obj;
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw ApiError.badRequest(`could not decode the protobuf body: ${(err as Error).message}`);
  }
}
