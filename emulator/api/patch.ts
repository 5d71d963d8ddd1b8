// PATCH bodies: JSON Merge Patch (RFC 7386), JSON Patch (RFC 6902), strategic merge (built-in
// kinds only, applied with merge semantics, which is exact for ConfigMaps, Secrets, labels and
// RBAC objects, whose lists have no merge keys), and
// server-side apply (approximated by a merge). Custom resources refuse strategic merge with 415,
// as kube-apiserver does.

import jsonPatch, { type Operation } from "fast-json-patch";
import mergePatch from "json-merge-patch";
import { ApiError } from "../core/errors";
import type { ResourceType } from "../core/resources";
import { RBAC_GROUP } from "../rbac/resource-types";
import { parseJson, parseYaml } from "./body";

/** kube-apiserver's limit (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go). */
const MAX_JSON_PATCH_OPERATIONS = 10_000;

export const MERGE = "application/merge-patch+json";
export const JSON_PATCH = "application/json-patch+json";
export const STRATEGIC = "application/strategic-merge-patch+json";
export const APPLY = "application/apply-patch+yaml";

const ACCEPTED_FOR_CRDS = `the body of the request was in an unknown format - accepted media types include: ${JSON_PATCH}, ${MERGE}, ${APPLY}`;

export function checkPatchType(type: ResourceType, contentType: string): void {
  const builtIn = type.group === "" || type.group === "apps" || type.group === RBAC_GROUP;
  if (contentType === MERGE || contentType === JSON_PATCH || contentType === APPLY) return;
  if (contentType === STRATEGIC && builtIn) return;
  throw ApiError.unsupportedMediaType(builtIn ? `${ACCEPTED_FOR_CRDS}, ${STRATEGIC}` : ACCEPTED_FOR_CRDS);
}

export function parsePatchBody(contentType: string, body: Buffer): unknown {
  const text = body.toString("utf8");
  const fail = (why: string) => ApiError.badRequest(`error decoding patch: ${why}`);
  if (text.trim() === "") throw fail("the patch is empty");
  return contentType === APPLY ? parseYaml(text, fail) : parseJson(text, fail);
}

export function applyPatchDocument(contentType: string, current: unknown, patch: unknown): Record<string, unknown> {
  if (contentType === JSON_PATCH) {
    if (!Array.isArray(patch)) throw ApiError.badRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
    if (patch.length > MAX_JSON_PATCH_OPERATIONS) {
      throw ApiError.badRequest(`The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${patch.length}`);
    }
    try {
      return jsonPatch.applyPatch(structuredClone(current), patch as Operation[], true, false).newDocument as Record<string, unknown>;
    } catch (err) {
      throw new ApiError(422, "Invalid", `the server rejected our request due to an error in our request: ${(err as Error).message.split("\n")[0]}`);
    }
  }
  if (patch === null || typeof patch !== "object" || Array.isArray(patch)) {
    throw ApiError.badRequest("the patch must be a JSON object");
  }
  return mergePatch.apply(structuredClone(current), patch) as Record<string, unknown>;
}
