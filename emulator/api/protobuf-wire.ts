// The Kubernetes protobuf wire format, read with every length and varint bounds-checked: the
// fields of a message, and the few shapes every kind shares (ObjectMeta, map entries).

const MAX_VARINT_BYTES = 10;

export type Field = { no: number; wire: number; value: bigint | Buffer };

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

export function fields(buf: Buffer): Field[] {
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

export function bytes(f: Field | undefined): Buffer {
  if (!f || !Buffer.isBuffer(f.value)) throw new Error(`field ${f?.no ?? "?"} is missing or not length-delimited`);
  return f.value;
}
export const str = (f: Field | undefined) => bytes(f).toString("utf8");
export const num = (f: Field) => {
  if (typeof f.value !== "bigint") throw new Error(`field ${f.no} is not a varint`);
  return Number(BigInt.asIntN(32, f.value));
};

export function mapEntries(fs: Field[], no: number, asBase64 = false): Record<string, string> | undefined {
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

export function objectMeta(buf: Buffer): Record<string, unknown> {
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

