// Decoding protobuf as strictly as Go's generated Unmarshal methods (gogo-protobuf, which both
// queue-proxy and kube-apiserver use) before @bufbuild/protobuf reads the message.
//
// @bufbuild/protobuf's fromBinary is lenient where Go is not: a known field sent with another
// wire type is read as if it had the right one (a varint taken as a string length), and a length
// may run past the end of its enclosing message. Go answers both with an error ("proto: wrong
// wireType = 0 for field PodName", io.ErrUnexpectedEOF). So every body is first walked against
// its schema: every tag, wire type, varint (at most 10 bytes) and length is checked, nested
// messages and map entries inside their own bounds, groups refused (neither Knative's nor
// Kubernetes' messages have any). The walk is linear in the size of the input and allocates
// nothing per field, so a hostile body costs time proportional to its size.

import { fromBinary, ScalarType, type DescField, type DescMessage, type MessageShape } from "@bufbuild/protobuf";

export class ProtobufDecodeError extends Error {
  constructor(
    readonly detail: string,
    /** Byte offset of the problem in the input. */
    readonly offset: number,
  ) {
    super(`${detail} at byte ${offset}`);
    this.name = "ProtobufDecodeError";
  }
}

const VARINT = 0;
const FIXED64 = 1;
const LENGTH_DELIMITED = 2;
const START_GROUP = 3;
const FIXED32 = 5;
const MAX_VARINT_BYTES = 10;
/** Deeper than any message here nests; guards recursive schemas. */
const MAX_DEPTH = 100;

/**
 * Checks `bytes` against `schema`, then decodes it. Unknown fields are checked for well-formed
 * framing and skipped (not kept). Throws ProtobufDecodeError.
 */
export function decodeStrict<Desc extends DescMessage>(schema: Desc, bytes: Uint8Array): MessageShape<Desc> {
  checkMessage(schema, bytes, 0, bytes.length, 0);
  try {
    return fromBinary(schema, bytes, { readUnknownFields: false });
  } catch (err) {
    // What the walk cannot see, e.g. a proto3 string that is not UTF-8.
    throw new ProtobufDecodeError((err as Error).message, 0);
  }
}

function checkMessage(desc: DescMessage, buf: Uint8Array, start: number, end: number, depth: number): void {
  if (depth > MAX_DEPTH) throw new ProtobufDecodeError(`messages nest deeper than ${MAX_DEPTH}`, start);
  const fields = fieldsByNumber(desc);
  const cursor = { pos: start };
  while (cursor.pos < end) {
    const tagAt = cursor.pos;
    const tag = readVarint(buf, cursor, end);
    const number = Number(tag >> 3n);
    const wireType = Number(tag & 7n);
    if (number === 0 || tag > 0xffffffffn) throw new ProtobufDecodeError(`invalid field number ${tag >> 3n}`, tagAt);
    const field = fields.get(number);
    if (field && !wireTypesOf(field).includes(wireType)) {
      throw new ProtobufDecodeError(`wrong wire type ${wireType} for field ${desc.typeName}.${field.name}`, tagAt);
    }
    const payloadAt = cursor.pos;
    skipPayload(buf, cursor, end, wireType, tagAt);
    if (field && wireType === LENGTH_DELIMITED) checkNested(field, buf, payloadAt, cursor.pos, depth);
  }
}

/** A length-delimited known field: a message, or a map entry, is checked inside its own bounds. */
function checkNested(field: DescField, buf: Uint8Array, payloadAt: number, after: number, depth: number): void {
  const cursor = { pos: payloadAt };
  const length = Number(readVarint(buf, cursor, after));
  const start = cursor.pos;
  const end = start + length;
  if (field.fieldKind === "message" || (field.fieldKind === "list" && field.listKind === "message")) {
    checkMessage(field.message!, buf, start, end, depth + 1);
  } else if (field.fieldKind === "map") {
    checkMapEntry(field, buf, start, end, depth);
  } else if (field.fieldKind === "list") {
    // A repeated string or bytes field is one element per tag; other scalars arrive packed here.
    const element = field.listKind === "enum" ? VARINT : scalarWireType(field.scalar!);
    if (element !== LENGTH_DELIMITED) checkPacked(element, buf, start, end);
  }
}

/** A packed repeated scalar: whole elements, back to back, up to `end`. */
function checkPacked(wireType: number, buf: Uint8Array, start: number, end: number): void {
  const cursor = { pos: start };
  while (cursor.pos < end) skipPayload(buf, cursor, end, wireType, cursor.pos);
}

function checkMapEntry(field: DescField & { fieldKind: "map" }, buf: Uint8Array, start: number, end: number, depth: number): void {
  const keyWire = scalarWireType(field.mapKey);
  const valueWire = field.mapKind === "scalar" ? scalarWireType(field.scalar) : field.mapKind === "enum" ? VARINT : LENGTH_DELIMITED;
  const cursor = { pos: start };
  while (cursor.pos < end) {
    const tagAt = cursor.pos;
    const tag = readVarint(buf, cursor, end);
    const number = Number(tag >> 3n);
    const wireType = Number(tag & 7n);
    if (number === 0 || tag > 0xffffffffn) throw new ProtobufDecodeError(`invalid field number ${tag >> 3n}`, tagAt);
    const want = number === 1 ? keyWire : number === 2 ? valueWire : undefined;
    if (want !== undefined && wireType !== want) {
      throw new ProtobufDecodeError(`wrong wire type ${wireType} for ${number === 1 ? "key" : "value"} of map field ${field.name}`, tagAt);
    }
    const payloadAt = cursor.pos;
    skipPayload(buf, cursor, end, wireType, tagAt);
    if (number === 2 && field.mapKind === "message") {
      const inner = { pos: payloadAt };
      const length = Number(readVarint(buf, inner, end));
      checkMessage(field.message, buf, inner.pos, inner.pos + length, depth + 1);
    }
  }
}

/** Moves past one field's payload, checking that it ends within `end`. */
function skipPayload(buf: Uint8Array, cursor: { pos: number }, end: number, wireType: number, tagAt: number): void {
  switch (wireType) {
    case VARINT:
      readVarint(buf, cursor, end);
      return;
    case FIXED64:
      advance(cursor, 8, end);
      return;
    case FIXED32:
      advance(cursor, 4, end);
      return;
    case LENGTH_DELIMITED: {
      const length = readVarint(buf, cursor, end);
      if (length > BigInt(end - cursor.pos)) throw new ProtobufDecodeError(`length ${length} runs past the end of its message`, cursor.pos);
      cursor.pos += Number(length);
      return;
    }
    default:
      throw new ProtobufDecodeError(wireType === START_GROUP ? "groups are not supported" : `invalid wire type ${wireType}`, tagAt);
  }
}

function advance(cursor: { pos: number }, n: number, end: number): void {
  if (cursor.pos + n > end) throw new ProtobufDecodeError(`needs ${n} bytes, has ${end - cursor.pos}`, cursor.pos);
  cursor.pos += n;
}

function readVarint(buf: Uint8Array, cursor: { pos: number }, end: number): bigint {
  const at = cursor.pos;
  let value = 0n;
  for (let i = 0; i < MAX_VARINT_BYTES; i++) {
    if (cursor.pos >= end) throw new ProtobufDecodeError("truncated varint", at);
    const byte = buf[cursor.pos++]!;
    // The tenth byte holds the 64th bit only: anything more overflows (Go's protowire).
    if (i === MAX_VARINT_BYTES - 1 && byte > 1) break;
    value |= BigInt(byte & 0x7f) << BigInt(7 * i);
    if ((byte & 0x80) === 0) return value;
  }
  throw new ProtobufDecodeError("varint overflows 64 bits", at);
}

const byNumber = new WeakMap<DescMessage, Map<number, DescField>>();

function fieldsByNumber(desc: DescMessage): Map<number, DescField> {
  let fields = byNumber.get(desc);
  if (!fields) byNumber.set(desc, (fields = new Map(desc.fields.map((f) => [f.number, f]))));
  return fields;
}

/** The wire types a field may arrive with: repeated scalars also packed. */
function wireTypesOf(field: DescField): number[] {
  switch (field.fieldKind) {
    case "scalar":
      return [scalarWireType(field.scalar)];
    case "enum":
      return [VARINT];
    case "message":
      return [field.delimitedEncoding ? START_GROUP : LENGTH_DELIMITED];
    case "map":
      return [LENGTH_DELIMITED];
    case "list":
      if (field.listKind === "message") return [field.delimitedEncoding ? START_GROUP : LENGTH_DELIMITED];
      if (field.listKind === "enum") return [VARINT, LENGTH_DELIMITED];
      return field.scalar === ScalarType.STRING || field.scalar === ScalarType.BYTES
        ? [LENGTH_DELIMITED]
        : [scalarWireType(field.scalar), LENGTH_DELIMITED];
  }
}

function scalarWireType(scalar: ScalarType): number {
  switch (scalar) {
    case ScalarType.DOUBLE:
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64:
      return FIXED64;
    case ScalarType.FLOAT:
    case ScalarType.FIXED32:
    case ScalarType.SFIXED32:
      return FIXED32;
    case ScalarType.STRING:
    case ScalarType.BYTES:
      return LENGTH_DELIMITED;
    default:
      return VARINT;
  }
}
