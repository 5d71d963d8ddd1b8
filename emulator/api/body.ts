// Request bodies as kube-apiserver takes them: read within a deadline and a size limit, in one
// of the media types the verb accepts, and parsed with Go's nesting limit, so that no body can
// stall the server, exhaust its stack or arrive in a type a browser form can send.

import type { IncomingMessage } from "node:http";
import YAML from "yaml";
import { ApiError } from "../core/errors";
import type { ResourceType } from "../core/resources";
import { acceptsProtobuf, decodeProtobufObject, PROTOBUF } from "./protobuf";

export const MAX_BODY_BYTES = 3 * 1024 * 1024; // kube-apiserver's default request body limit
/** How long a client may take to send a body it has announced. */
export const BODY_DEADLINE_MS = 10_000;
/**
 * How deeply a body may nest. kube-apiserver's decoder stops at encoding/json's maxNestingDepth
 * (10,000); V8's recursive builtins that every write goes through (JSON.parse, structuredClone,
 * util.isDeepStrictEqual) overflow the stack well before that, from about 1,300 levels. So the
 * embedded cluster refuses at 512, far deeper than any real object nests, with Go's wording.
 */
export const MAX_NESTING_DEPTH = 512;

export const JSON_MEDIA = "application/json";
export const YAML_MEDIA = "application/yaml";

export function mediaType(header: string | undefined): string {
  return (header ?? "").split(";")[0]!.trim().toLowerCase();
}

/**
 * The whole body, or a refusal: 413 past the size limit, 408 when it has not all arrived within
 * the deadline. Past the limit the rest is read and dropped (bounded by the server's request
 * timeout), so a client still sending gets the 413 rather than a broken pipe; a body that stops
 * arriving is answered on a connection that then closes (see sendError).
 */
export function readBody(req: IncomingMessage, deadlineMs = BODY_DEADLINE_MS): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (err: ApiError) => {
      cleanup();
      reject(err);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      stop(new ApiError(413, "RequestEntityTooLarge", "the request body is too large"));
      req.resume(); // drop the rest
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    const timer = setTimeout(() => stop(new ApiError(408, "Timeout", `the request body was not received within ${deadlineMs / 1000} s`)), deadlineMs);
    function cleanup() {
      clearTimeout(timer);
      req.off("data", onData).off("end", onEnd).off("error", onError);
    }
    req.on("data", onData).on("end", onEnd).on("error", onError);
  });
}

/** The media types a create or update of `type` accepts (CRDs are not served as protobuf). */
function objectMediaTypes(type: ResourceType): string[] {
  return acceptsProtobuf(type) ? [JSON_MEDIA, YAML_MEDIA, PROTOBUF] : [JSON_MEDIA, YAML_MEDIA];
}

/**
 * The body of a POST or PUT, parsed. No Content-Type means JSON, as the API server's
 * negotiation picks its first serializer; anything it does not serve is a 415.
 */
export function parseObjectBody(type: ResourceType, contentType: string | undefined, body: Buffer): unknown {
  const media = mediaType(contentType) || JSON_MEDIA;
  const accepted = objectMediaTypes(type);
  if (!accepted.includes(media)) {
    throw ApiError.unsupportedMediaType(`the body of the request was in an unknown format - accepted media types include: ${accepted.join(", ")}`);
  }
  if (body.length === 0) throw ApiError.badRequest("the request body is empty");
  if (media === PROTOBUF) return decodeProtobufObject(body);
  const cannotBeHandled = (why: string) => ApiError.badRequest(`${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: ${why}`);
  return media === YAML_MEDIA ? parseYaml(body.toString("utf8"), cannotBeHandled) : parseJson(body.toString("utf8"), cannotBeHandled);
}

/** The optional body of a DELETE (DeleteOptions): JSON or YAML; empty means none. */
export function parseOptionsBody(contentType: string | undefined, body: Buffer): unknown {
  if (body.length === 0) return undefined;
  const media = mediaType(contentType) || JSON_MEDIA;
  if (media !== JSON_MEDIA && media !== YAML_MEDIA) {
    throw ApiError.unsupportedMediaType(`the body of the request was in an unknown format - accepted media types include: ${JSON_MEDIA}, ${YAML_MEDIA}`);
  }
  const bad = (why: string) => ApiError.badRequest(`DeleteOptions in version "v1" cannot be handled as a DeleteOptions: ${why}`);
  return media === YAML_MEDIA ? parseYaml(body.toString("utf8"), bad) : parseJson(body.toString("utf8"), bad);
}

/** JSON.parse, after a scan that refuses what is nested too deeply (JSON.parse itself would recurse). */
export function parseJson(text: string, fail: (why: string) => ApiError): unknown {
  const deep = firstTooDeep(text);
  if (deep !== undefined) throw fail(`invalid character '${deep}' exceeded max depth`);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw fail(String((err as Error).message));
  }
}

/** YAML as the API server's yaml-to-JSON step reads it, with the same depth limit afterwards. */
export function parseYaml(text: string, fail: (why: string) => ApiError): unknown {
  let value: unknown;
  try {
    // Aliases are expanded a bounded number of times (no "billion laughs").
    value = YAML.parse(text, { maxAliasCount: 100 });
  } catch (err) {
    const why = err instanceof RangeError ? `exceeded max depth` : String((err as Error).message).split("\n")[0]!;
    throw fail(`error converting YAML to JSON: ${why}`);
  }
  if (depthOf(value) > MAX_NESTING_DEPTH) throw fail("error converting YAML to JSON: exceeded max depth");
  return value;
}

/** The bracket that opens level MAX_NESTING_DEPTH + 1, if any, found without recursion. */
function firstTooDeep(text: string): string | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_NESTING_DEPTH) return text[i];
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return undefined;
}

/** Nesting depth of a parsed value, iteratively. */
function depthOf(root: unknown): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== "object") continue;
    if (depth + 1 > max) max = depth + 1;
    if (max > MAX_NESTING_DEPTH) return max;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return max;
}
