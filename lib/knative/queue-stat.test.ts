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
    // gogo's Unmarshal: "proto: wrong wireType = 0 for field PodName". A lenient reader takes
    // these for the field's own type and decodes them.
    ["pod_name as a varint", "08 00"],
    ["request_count as a fixed32", "25 00 00 80 3f 00 00 00 00"],
    ["timestamp as length-delimited", "3a 00"],
    ["a varint of eleven bytes", "38 ff ff ff ff ff ff ff ff ff ff 01"],
    ["a ten-byte varint past 64 bits", "38 ff ff ff ff ff ff ff ff ff 02"],
    ["an unknown field whose length runs past the end", "52 05 ab"],
    ["wire types 6 and 7", "0e"],
  ])("rejects %s", (_, bytes) => {
    expect(() => decodeQueueStat(fromHex(bytes))).toThrow(QueueStatDecodeError);
  });

  it("names the offset of the problem", () => {
    // pod_name "pod-a" (7 bytes), then a double cut short at byte 7.
    expect(() => decodeQueueStat(fromHex("0a 05 70 6f 64 2d 61 21 00 00"))).toThrow("invalid Stat protobuf at byte 8");
  });

  it("keeps NaN and drops -0, as gogo-protobuf's `if m.X != 0` does", () => {
    const bytes = encodeQueueStat({ requestCount: Number.NaN, averageConcurrentRequests: -0 });
    expect(hex(bytes)).toBe("21 00 00 00 00 00 00 f8 7f");
    expect(decodeQueueStat(bytes).requestCount).toBeNaN();
  });

  it("garbage either decodes or throws QueueStatDecodeError, in time proportional to its size", () => {
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const started = performance.now();
    for (let round = 0; round < 2000; round++) {
      const bytes = Uint8Array.from({ length: 1 + (next() % 64) }, () => next() & 0xff);
      try {
        decodeQueueStat(bytes);
      } catch (err) {
        expect(err).toBeInstanceOf(QueueStatDecodeError);
      }
    }
    const huge = new Uint8Array(1 << 20).fill(0x80);
    expect(() => decodeQueueStat(huge)).toThrow(QueueStatDecodeError);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

// The Stats of Knative's own tests, marshalled as gogo-protobuf does (computed independently of
// this encoder: key byte, then an IEEE-754 little-endian double or a varint, zeros left out).
describe("queue-proxy Stat protobuf: vectors from knative/serving's tests", () => {
  it("pkg/autoscaler/metrics/http_scrape_client_test.go `stat`", () => {
    const bytes = [
      "0a 12 74 65 73 74 2d 72 65 76 69 73 69 6f 6e 2d 31 32 33 34", // pod_name "test-revision-1234"
      "11 00 00 00 00 00 00 08 40", //                                     average_concurrent_requests 3
      "19 00 00 00 00 00 00 00 40", //                                     average_proxied_concurrent_requests 2
      "21 00 00 00 00 00 00 14 40", //                                     request_count 5
      "29 00 00 00 00 00 00 10 40", //                                     proxied_request_count 4
      "31 0a d7 a3 70 3d f2 a6 40", //                                     process_uptime 2937.12
    ].join(" ");
    const stat = {
      podName: "test-revision-1234",
      averageConcurrentRequests: 3,
      averageProxiedConcurrentRequests: 2,
      requestCount: 5,
      proxiedRequestCount: 4,
      processUptime: 2937.12,
      timestamp: 0,
    };
    expect(decodeQueueStat(fromHex(bytes))).toEqual(stat);
    expect(hex(encodeQueueStat(stat))).toBe(bytes);
  });

  it("its LongStat decodes whole and fails cut where the autoscaler's reader stops (6*10+256+20 bytes)", () => {
    const stat = {
      podName: "a123456789".repeat(60),
      averageConcurrentRequests: 1.1,
      averageProxiedConcurrentRequests: 1.1,
      requestCount: 33.2,
      proxiedRequestCount: 33.2,
      processUptime: 12345.678,
      timestamp: 1697431278,
    };
    const bytes = encodeQueueStat(stat);
    expect(bytes).toHaveLength(654);
    // 600 name bytes follow "0a d8 04"; then the five doubles and the timestamp varint.
    expect(hex(bytes.subarray(0, 3))).toBe("0a d8 04");
    expect(hex(bytes.subarray(603))).toBe(
      "11 9a 99 99 99 99 99 f1 3f 19 9a 99 99 99 99 99 f1 3f 21 9a 99 99 99 99 99 40 40 29 9a 99 99 99 99 99 40 40 31 58 39 b4 c8 d6 1c c8 40 38 ee fd b2 a9 06",
    );
    expect(decodeQueueStat(bytes)).toEqual(stat);
    // statFromProto's io.LimitedReader: "unmarshalling failed: unexpected EOF".
    expect(() => decodeQueueStat(bytes.subarray(0, 6 * 10 + 256 + 20))).toThrow(QueueStatDecodeError);
  });

  const POD = "helloworld-go-00001-deployment-8ff587cc9-7g9gc";
  const POD_NAME_FIELD =
    "0a 2e 68 65 6c 6c 6f 77 6f 72 6c 64 2d 67 6f 2d 30 30 30 30 31 2d 64 65 70 6c 6f 79 6d 65 6e 74 2d 38 66 66 35 38 37 63 63 39 2d 37 67 39 67 63";

  it("pkg/queue/protobuf_stats_reporter_test.go TestInitialProtobufStateValid: only pod_name", () => {
    expect(hex(encodeQueueStat({ podName: POD }))).toBe(POD_NAME_FIELD);
    expect(decodeQueueStat(fromHex(POD_NAME_FIELD))).toEqual({ ...emptyQueueStat(), podName: POD });
  });

  it("pkg/queue/protobuf_stats_reporter_test.go \"reportingPeriod=10s\": counts divided by the period", () => {
    const bytes = [
      POD_NAME_FIELD,
      "11 00 00 00 00 00 00 08 40", // average_concurrent_requests 3
      "19 00 00 00 00 00 00 00 40", // average_proxied_concurrent_requests 2
      "21 33 33 33 33 33 33 0f 40", // request_count 39 / 10 s = 3.9
      "29 00 00 00 00 00 00 f8 3f", // proxied_request_count 15 / 10 s = 1.5
    ].join(" ");
    const stat = { ...emptyQueueStat(), podName: POD, averageConcurrentRequests: 3, averageProxiedConcurrentRequests: 2, requestCount: 39 / 10, proxiedRequestCount: 15 / 10 };
    expect(hex(encodeQueueStat(stat))).toBe(bytes);
    expect(decodeQueueStat(fromHex(bytes))).toEqual(stat);
  });
});
