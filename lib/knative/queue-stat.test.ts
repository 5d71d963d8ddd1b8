import { describe, expect, it } from "vitest";
import { decodeQueueStat, emptyQueueStat, encodeQueueStat, QueueStatDecodeError } from "./queue-stat";

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join(" ");
const fromHex = (s: string) => Uint8Array.from(s.split(/\s+/).filter(Boolean), (b) => parseInt(b, 16));

// Hand-computed. Key byte = field << 3 | wire type. Doubles are IEEE-754 little-endian:
//   1.5 = 0x3FF8000000000000, 2 = 0x4000000000000000, 0.25 = 0x3FD0000000000000.
//   300 as a varint: 300 = 0b10_0101100 → 0xAC (low 7 bits + continuation), 0x02.
const HAND_VECTOR = [
  "0a 05 70 6f 64 2d 61", //                     1 pod_name "pod-a"
  "11 00 00 00 00 00 00 d0 3f", //               2 average_concurrent_requests 0.25
  "21 00 00 00 00 00 00 f8 3f", //               4 request_count 1.5
  "31 00 00 00 00 00 00 00 40", //               6 process_uptime 2
  "38 ac 02", //                                 7 timestamp 300
].join(" ");

describe("queue-proxy Stat protobuf", () => {
  it("encodes the hand-computed vector byte for byte, zero fields omitted", () => {
    const bytes = encodeQueueStat({ podName: "pod-a", averageConcurrentRequests: 0.25, requestCount: 1.5, processUptime: 2, timestamp: 300 });
    expect(hex(bytes)).toBe(HAND_VECTOR);
  });

  it("decodes the hand-computed vector", () => {
    expect(decodeQueueStat(fromHex(HAND_VECTOR))).toEqual({
      ...emptyQueueStat(),
      podName: "pod-a",
      averageConcurrentRequests: 0.25,
      requestCount: 1.5,
      processUptime: 2,
      timestamp: 300,
    });
  });

  it("an idle pod is just pod_name and process_uptime (pkg/autoscaler/metrics/stat.proto)", () => {
    const bytes = encodeQueueStat({ podName: "p", processUptime: 0.5 });
    // 0.5 = 0x3FE0000000000000
    expect(hex(bytes)).toBe("0a 01 70 31 00 00 00 00 00 00 e0 3f");
  });

  it("encodes all-zero as zero bytes and decodes zero bytes as all-zero", () => {
    expect(encodeQueueStat(emptyQueueStat())).toHaveLength(0);
    expect(decodeQueueStat(new Uint8Array())).toEqual(emptyQueueStat());
  });

  it("round-trips every field, a multi-byte UTF-8 name and a negative int64", () => {
    const stat = {
      podName: "hello-00001-deployment-7d9f-abcde·ü",
      averageConcurrentRequests: 3.75,
      averageProxiedConcurrentRequests: 0.125,
      requestCount: 42,
      proxiedRequestCount: 7,
      processUptime: 12345.678,
      timestamp: -2,
    };
    const bytes = encodeQueueStat(stat);
    expect(decodeQueueStat(bytes)).toEqual(stat);
    // -2 is the 64-bit pattern 0xFFFFFFFFFFFFFFFE: ten varint bytes.
    expect(hex(bytes.subarray(bytes.length - 11))).toBe("38 fe ff ff ff ff ff ff ff ff 01");
  });

  it("decodes a Uint8Array that views part of a larger buffer", () => {
    const inner = fromHex(HAND_VECTOR);
    const outer = new Uint8Array(inner.length + 7);
    outer.set(inner, 3);
    expect(decodeQueueStat(outer.subarray(3, 3 + inner.length)).requestCount).toBe(1.5);
  });

  it("skips unknown fields of every wire type", () => {
    const unknown = [
      "40 96 01", //                 field 8 varint 150
      "49 01 02 03 04 05 06 07 08", // field 9 fixed64
      "52 02 ab cd", //              field 10 length-delimited
      "5d 01 02 03 04", //           field 11 fixed32
    ].join(" ");
    const decoded = decodeQueueStat(fromHex(`${unknown} ${HAND_VECTOR}`));
    expect(decoded.podName).toBe("pod-a");
    expect(decoded.timestamp).toBe(300);
  });

  it("the last occurrence of a field wins, as protobuf merges scalars", () => {
    const twice = `${HAND_VECTOR} 21 00 00 00 00 00 00 00 40`;
    expect(decodeQueueStat(fromHex(twice)).requestCount).toBe(2);
  });

  it.each([
    ["a truncated double", "21 00 00 00"],
    ["a truncated string", "0a 05 70 6f"],
    ["a truncated varint", "38 ac"],
    ["field number 0", "00 01"],
    ["a group wire type", "0b"],
  ])("rejects %s", (_, bytes) => {
    expect(() => decodeQueueStat(fromHex(bytes))).toThrow(QueueStatDecodeError);
  });
});
