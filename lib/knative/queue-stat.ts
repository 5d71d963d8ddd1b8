// queue-proxy's autoscaler statistics: the protobuf `Stat` message served on port 9090 `/metrics`
// (knative/serving pkg/autoscaler/metrics/stat.proto, served by pkg/queue/stats_handler.go and
// pkg/queue/protobuf_stats_reporter.go). A thin layer over the schema generated from that file
// (proto/, `npm run generate:proto`), with plain numbers where the schema has an int64.
//
// The encoder's bytes equal queue-proxy's: gogo-protobuf's generated marshaller writes the fields
// in number order and leaves out every zero (`if m.X != 0`, which keeps NaN and drops -0), as
// @bufbuild/protobuf does once -0 is made 0. The decoder is as strict as gogo's Unmarshal
// (./protobuf-strict.ts): a truncated or malformed body throws instead of decoding to something.
//
// Server-side only in the console (the poller reads pods through the API server): this module
// pulls in the protobuf runtime, so it is not re-exported from ./index.ts.

import { create, toBinary } from "@bufbuild/protobuf";
import { StatSchema } from "./proto/knative.dev/serving/pkg/autoscaler/metrics/stat_pb";
import { decodeStrict, ProtobufDecodeError } from "./protobuf-strict";

/** knative.dev/networking pkg/http/header ProtobufMIMEType. */
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
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`invalid Stat protobuf at byte ${offset}: ${message}`);
    this.name = "QueueStatDecodeError";
  }
}

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

/** -0 is written by @bufbuild/protobuf (it tells -0 from 0) but not by gogo-protobuf. */
const gogoDouble = (value: number | undefined) => (value === undefined || value === 0 ? 0 : value);

export function encodeQueueStat(stat: Partial<QueueStat>): Uint8Array {
  const message = create(StatSchema, {
    podName: stat.podName ?? "",
    averageConcurrentRequests: gogoDouble(stat.averageConcurrentRequests),
    averageProxiedConcurrentRequests: gogoDouble(stat.averageProxiedConcurrentRequests),
    requestCount: gogoDouble(stat.requestCount),
    proxiedRequestCount: gogoDouble(stat.proxiedRequestCount),
    processUptime: gogoDouble(stat.processUptime),
    // int64 carries the value's two's-complement 64-bit pattern: negatives take ten bytes.
    timestamp: BigInt(Math.trunc(stat.timestamp || 0)),
  });
  return toBinary(StatSchema, message);
}

/**
 * Decodes a `Stat`. Absent fields are zero (proto3). Unknown fields are skipped, so a newer
 * queue-proxy that adds fields still decodes. Throws QueueStatDecodeError on truncated or
 * malformed input.
 */
export function decodeQueueStat(bytes: Uint8Array): QueueStat {
  try {
    const stat = decodeStrict(StatSchema, bytes);
    return {
      podName: stat.podName,
      averageConcurrentRequests: stat.averageConcurrentRequests,
      averageProxiedConcurrentRequests: stat.averageProxiedConcurrentRequests,
      requestCount: stat.requestCount,
      proxiedRequestCount: stat.proxiedRequestCount,
      processUptime: stat.processUptime,
      timestamp: Number(stat.timestamp),
    };
  } catch (err) {
    if (err instanceof ProtobufDecodeError) throw new QueueStatDecodeError(err.detail, err.offset);
    throw err;
  }
}
