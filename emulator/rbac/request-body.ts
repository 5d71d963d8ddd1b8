// The body of a review or a TokenRequest, read as the API server reads every create body
// (emulator/api/body.ts: size and time limits, JSON, YAML or protobuf) and decoded into the
// kind's Go shape (emulator/decoding), with the same refusals for an apiVersion or kind that is
// not the path's.

import type { IncomingMessage } from "node:http";
import type { KubeObject } from "../../lib/knative/types";
import { parseObjectBody, readBody } from "../api/body";
import { ApiError } from "../core/errors";
import { apiVersionOf, type ResourceType } from "../core/resources";
import { fieldValidationOf } from "../api/resources-handler";
import { decodeObject } from "../decoding/decode-object";

/** The object, and the warnings for fields its kind does not have (`fieldValidation`, Warn unless asked). */
export async function readKindBody(req: IncomingMessage, type: ResourceType, query: URLSearchParams): Promise<{ object: KubeObject; warnings: string[] }> {
  const raw = parseObjectBody(type, req.headers["content-type"], await readBody(req));
  const { object, warnings } = decodeObject(type, raw, { fieldValidation: fieldValidationOf(query) });
  const expected = apiVersionOf(type);
  if (object.apiVersion !== undefined && object.apiVersion !== expected) {
    throw ApiError.badRequest(`the API version in the data (${String(object.apiVersion)}) does not match the expected API version (${expected})`);
  }
  if (object.kind !== undefined && object.kind !== type.kind) {
    throw ApiError.badRequest(`the kind in the data (${String(object.kind)}) does not match the expected kind (${type.kind})`);
  }
  object.metadata ??= {};
  return { object, warnings };
}
