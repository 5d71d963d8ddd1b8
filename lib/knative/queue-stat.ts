// queue-proxy's autoscaler statistics: the protobuf `Stat` message served on port 9090 `/metrics`
// (knative/serving pkg/autoscaler/metrics/stat.proto).
//
//   message Stat {
//     string pod_name = 1;                            // tag 0x0A
//     double average_concurrent_requests = 2;         // tag 0x11
//     double average_proxied_concurrent_requests = 3; // tag 0x19
//     double request_count = 4;                       // tag 0x21  (req/s over the last 1 s)
//     double proxied_request_count = 5;               // tag 0x29
//     double process_uptime = 6;                      // tag 0x31  (seconds)
//     int64 timestamp = 7;                            // tag 0x38  (not set by queue-proxy)
//   }
//
// Hand-written rather than generated: seven scalar fields do not justify a protobuf runtime in the
// browser bundle. Pure TypeScript (DataView, TextEncoder/TextDecoder), so the console and the
// embedded cluster share it. The encoder writes fields in ascending number order and omits zero
// values, as gogo-protobuf's generated marshaller does, so its bytes equal queue-proxy's.

export const PROTOBUF_CONTENT_TYPE = "application/protobuf";

export interface QueueStat {
  podName: string;
  averageConcurrentRequests: number;
  averageProxiedConcurrentRequests: number;
  /** Requests received in the last reporting period divided by the period: requests per second. */
  requestCount: number;
  proxiedRequestCount: number;
  /** Seconds since queue-proxy started. */
  processUptime: number;
  /**
   * int64 on the wire. Decoded as a number: exact up to 2^53, which covers Unix seconds and
   * milliseconds; Unix nanoseconds lose their last digits. queue-proxy leaves it 0.
   */
  timestamp: number;
}

export class QueueStatDecodeError extends Error {
  constructor(message: string, readonly offset: number) {
    super(`invalid Stat protobuf at byte ${offset}: ${message}`);
    this.name = "QueueStatDecodeError";
  }
}

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LENGTH_DELIMITED = 2;
const WIRE_FIXED32 = 5;

type DoubleField = Exclude<keyof QueueStat, "podName" | "timestamp">;

/** Field number → property, for the five `double` fields. */
const DOUBLE_FIELDS: ReadonlyArray<readonly [number, DoubleField]> = [
  [2, "averageConcurrentRequests"],
  [3, "averageProxiedConcurrentRequests"],
  [4, "requestCount"],
  [5, "proxiedRequestCount"],
  [6, "processUptime"],
];
const DOUBLE_FIELD_BY_NUMBER = new Map<number, DoubleField>(DOUBLE_FIELDS);

export function emptyQueueStat(): QueueStat {
  return {
    podName: "",
    averageConcurrentRequests: 0,
    averageProxiedConcurrentRequests: 0,
    requestCount: 0,
    proxiedRequestCount: 0,
    processUptime: 0,
    timestamp: 0,
  };
}

// ---- encoding -------------------------------------------------------------------------------

export function encodeQueueStat(stat: Partial<QueueStat>): Uint8Array {
  const out = new ByteWriter();
  if (stat.podName) {
    const utf8 = new TextEncoder().encode(stat.podName);
    out.varint(BigInt((1 << 3) | WIRE_LENGTH_DELIMITED));
    out.varint(BigInt(utf8.length));
    out.bytes(utf8);
  }
  for (const [field, key] of DOUBLE_FIELDS) {
    const value = stat[key];
    // `!== 0` keeps NaN and drops -0, exactly like the generated Go code's `if m.X != 0`.
    if (value === undefined || value === 0) continue;
    out.varint(BigInt((field << 3) | WIRE_FIXED64));
    out.double(value);
  }
  if (stat.timestamp) {
    out.varint(BigInt((7 << 3) | WIRE_VARINT));
    // int64 is encoded as its two's-complement 64-bit pattern: negatives take ten bytes.
    out.varint(BigInt.asUintN(64, BigInt(Math.trunc(stat.timestamp))));
  }
  return out.finish();
}

class ByteWriter {
  private buf = new Uint8Array(64);
  private view = new DataView(this.buf.buffer);
  private len = 0;

  varint(value: bigint): void {
    let v = value;
    do {
      let byte = Number(v & 0x7fn);
      v >>= 7n;
      if (v > 0n) byte |= 0x80;
      this.reserve(1);
      this.buf[this.len++] = byte;
    } while (v > 0n);
  }

  double(value: number): void {
    this.reserve(8);
    this.view.setFloat64(this.len, value, true);
    this.len += 8;
  }

  bytes(data: Uint8Array): void {
    this.reserve(data.length);
    this.buf.set(data, this.len);
    this.len += data.length;
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }

  private reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(this.buf.length * 2, this.len + n));
    grown.set(this.buf.subarray(0, this.len));
    this.buf = grown;
    this.view = new DataView(grown.buffer);
  }
}

// ---- decoding -------------------------------------------------------------------------------

/**
 * Decodes a `Stat`. Absent fields are zero (proto3). Unknown fields are skipped, so a newer
 * queue-proxy that adds fields still decodes. Throws QueueStatDecodeError on truncated or
 * malformed input.
 */
export function decodeQueueStat(bytes: Uint8Array): QueueStat {
  const stat = emptyQueueStat();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 0;

  const readVarint = (): bigint => {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (pos >= bytes.length) throw new QueueStatDecodeError("truncated varint", pos);
      const byte = bytes[pos++]!;
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return BigInt.asUintN(64, result);
    }
    throw new QueueStatDecodeError("varint longer than 10 bytes", pos);
  };
  const need = (n: number) => {
    if (pos + n > bytes.length) throw new QueueStatDecodeError(`needs ${n} more bytes, has ${bytes.length - pos}`, pos);
  };

  while (pos < bytes.length) {
    const keyAt = pos;
    const key = readVarint();
    const field = Number(key >> 3n);
    const wireType = Number(key & 7n);
    if (field === 0) throw new QueueStatDecodeError("field number 0", keyAt);

    const doubleField = DOUBLE_FIELD_BY_NUMBER.get(field);
    if (doubleField && wireType === WIRE_FIXED64) {
      need(8);
      stat[doubleField] = view.getFloat64(pos, true);
      pos += 8;
    } else if (field === 1 && wireType === WIRE_LENGTH_DELIMITED) {
      const length = Number(readVarint());
      need(length);
      stat.podName = new TextDecoder().decode(bytes.subarray(pos, pos + length));
      pos += length;
    } else if (field === 7 && wireType === WIRE_VARINT) {
      stat.timestamp = Number(BigInt.asIntN(64, readVarint()));
    } else {
      skipField(wireType, keyAt);
    }
  }
  return stat;

  function skipField(wireType: number, keyAt: number): void {
    switch (wireType) {
      case WIRE_VARINT:
        readVarint();
        return;
      case WIRE_FIXED64:
        need(8);
        pos += 8;
        return;
      case WIRE_LENGTH_DELIMITED: {
        const length = Number(readVarint());
        need(length);
        pos += length;
        return;
      }
      case WIRE_FIXED32:
        need(4);
        pos += 4;
        return;
      default:
        throw new QueueStatDecodeError(`unsupported wire type ${wireType}`, keyAt);
    }
  }
}
