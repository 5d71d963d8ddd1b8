// kubectl ≥ 1.32 sends `create namespace|configmap|secret|service` bodies as Kubernetes protobuf
// (kubectl's create subcommands use client-go's protobuf content type), with no JSON fallback. This decodes that small subset
// into the JSON object; answers stay JSON, which kubectl accepts. Every read is bounds-checked
// (varints of at most 10 bytes, lengths within what is left), so a hostile body is a 400 in time
// proportional to its size, never a stall.

import { ApiError } from "../core/errors";

export const PROTOBUF = "application/vnd.kubernetes.protobuf";
/** The kinds whose protobuf bodies are decoded here (those kubectl sends as protobuf). */
export const PROTOBUF_KINDS = new Set(["Namespace", "ConfigMap", "Secret", "Service"]);
const MAX_VARINT_BYTES = 10;
const MAGIC = [0x6b, 0x38, 0x73, 0x00]; // "k8s\0"

type Field = { no: number; wire: number; value: bigint | Buffer };

function readVarint(buf: Buffer, pos: { i: number }): bigint {
  let result = 0n;
  let shift = 0n;
  for (let n = 0; n < MAX_VARINT_BYTES; n++) {
    if (pos.i >= buf.length) throw new Error("truncated varint");
    const b = buf[pos.i++]!;
    result |= BigInt(b & 0x7f) << shift;
    if ((b & 0x80) === 0) return result;
    shift += 7n;
  }
  throw new Error("varint overflows 64 bits");
}

function take(buf: Buffer, pos: { i: number }, len: number): Buffer {
  if (len > buf.length - pos.i) throw new Error("field length exceeds the message");
  const out = buf.subarray(pos.i, pos.i + len);
  pos.i += len;
  return out;
}

function fields(buf: Buffer): Field[] {
  const out: Field[] = [];
  const pos = { i: 0 };
  while (pos.i < buf.length) {
    const tag = Number(readVarint(buf, pos));
    const no = tag >> 3;
    const wire = tag & 7;
    if (wire === 0) out.push({ no, wire, value: readVarint(buf, pos) });
    else if (wire === 2) out.push({ no, wire, value: take(buf, pos, Number(readVarint(buf, pos))) });
    else if (wire === 1) out.push({ no, wire, value: take(buf, pos, 8) });
    else if (wire === 5) out.push({ no, wire, value: take(buf, pos, 4) });
    else throw new Error(`unsupported wire type ${wire}`);
  }
  return out;
}

function bytes(f: Field | undefined): Buffer {
  if (!f || !Buffer.isBuffer(f.value)) throw new Error(`field ${f?.no ?? "?"} is missing or not length-delimited`);
  return f.value;
}
const str = (f: Field | undefined) => bytes(f).toString("utf8");
const num = (f: Field) => {
  if (typeof f.value !== "bigint") throw new Error(`field ${f.no} is not a varint`);
  return Number(BigInt.asIntN(32, f.value));
};

function mapEntries(fs: Field[], no: number, asBase64 = false): Record<string, string> | undefined {
  const entries = fs.filter((f) => f.no === no);
  if (entries.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const e of entries) {
    const kv = fields(bytes(e));
    const k = kv.find((f) => f.no === 1);
    const v = kv.find((f) => f.no === 2);
    out[k ? str(k) : ""] = v ? (asBase64 ? bytes(v).toString("base64") : str(v)) : "";
  }
  return out;
}

function objectMeta(buf: Buffer): Record<string, unknown> {
  const fs = fields(buf);
  const meta: Record<string, unknown> = {};
  for (const f of fs) {
    if (f.no === 1) meta.name = str(f);
    if (f.no === 2) meta.generateName = str(f);
    if (f.no === 3) meta.namespace = str(f);
  }
  const labels = mapEntries(fs, 11);
  const annotations = mapEntries(fs, 12);
  if (labels) meta.labels = labels;
  if (annotations) meta.annotations = annotations;
  return meta;
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
    const raw = fields(bytes(unknown.find((f) => f.no === 2)));
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
        throw new Error(`protobuf bodies of kind ${kind} are not supported; send JSON`);
    }
    return obj;
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw ApiError.badRequest(`could not decode the protobuf body: ${(err as Error).message}`);
  }
}
