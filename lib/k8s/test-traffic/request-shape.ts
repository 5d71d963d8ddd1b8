// The zod shape of a "Send requests" body: a target and one of two modes, each number whole and
// within its bounds (lib/queries/test-traffic.ts). A refusal names the field (`count`,
// `perSecond`, `target.tag`), as every write route of the console does.

import { z } from "zod";
import { type Bounds, boundsMessage, REQUEST_BOUNDS, type TestTrafficRequest } from "@/lib/queries/test-traffic";

const bounded = (b: Bounds) => {
  const message = boundsMessage(b);
  return z.number(message).int(message).min(b.min, message).max(b.max, message);
};

// A tag's own syntax is Knative's to check; a tag the Service does not have is refused after
// reading the Service, with the tags it has.
const target = z.union([z.literal("service"), z.strictObject({ tag: z.string().min(1).max(63) })], 'must be "service" or {"tag": "<tag>"}');

export const testTrafficShape = z.discriminatedUnion(
  "mode",
  [
    z.strictObject({ target, mode: z.literal("count"), count: bounded(REQUEST_BOUNDS.count) }),
    z.strictObject({ target, mode: z.literal("rate"), perSecond: bounded(REQUEST_BOUNDS.perSecond), durationSeconds: bounded(REQUEST_BOUNDS.durationSeconds) }),
  ],
  'must be "count" or "rate"',
) satisfies z.ZodType<TestTrafficRequest>;
