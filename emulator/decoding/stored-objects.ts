// What a new build thinks of the objects an older one stored. Each stored object is passed
// through this build's decoding and ObjectMeta rules when the cluster starts; what it would
// refuse is reported by name. Malformed metadata fields are dropped from the copy served, as
// apiextensions-apiserver drops them when it reads a custom resource from storage
// (pkg/apiserver/schema/objectmeta GetObjectMetaWithOptions, DropMalformedFields), so one bad
// object stored before a fix can no longer take the cluster down.

import { validateObjectMeta } from "../../lib/knative/object-meta-validation";
import { SERVING_GROUP, type KubeObject } from "../../lib/knative/types";
import type { ResourceType } from "../core/resources";
import { crdSchema } from "../knative/schema";
import { ACCESS_CONTROL_KINDS } from "../rbac/go-types";
import { CORE_KINDS, OBJECT_META } from "./core-types";
import { decodeGo, GoDecodeError, type GoType } from "./go-json";

export interface StoredObjectCheck {
  /** The object to serve: the stored one, minus the fields this build cannot decode. */
  object: KubeObject;
  /** What this build would refuse, one sentence each; empty when the object is fine. */
  problems: string[];
}

/** Decodes each field of `record` on its own against `type`; returns the messages and drops the failures. */
function dropUndecodable(record: Record<string, unknown>, type: GoType, prefix: string, problems: string[]): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    try {
      decodeGo({ [key]: value }, type);
      kept[key] = value;
    } catch (err) {
      if (!(err instanceof GoDecodeError)) throw err;
      problems.push(`${prefix}${key}: ${err.message} (dropped)`);
    }
  }
  return kept;
}

export function checkStoredObject(type: ResourceType, stored: KubeObject): StoredObjectCheck {
  const problems: string[] = [];
  let object: KubeObject = stored;
  const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

  if (!isRecord(stored.metadata)) {
    problems.push(`metadata is not an object (dropped)`);
    object = { ...stored, metadata: {} };
  } else {
    const metadata = dropUndecodable(stored.metadata, OBJECT_META, "metadata.", problems) as KubeObject["metadata"];
    if (problems.length > 0) object = { ...stored, metadata };
  }

  const coreType = type.group === SERVING_GROUP ? undefined : (CORE_KINDS[type.kind] ?? ACCESS_CONTROL_KINDS[type.kind]);
  if (coreType) {
    const { metadata, ...rest } = object;
    const before = problems.length;
    const kept = dropUndecodable(rest, coreType, "", problems);
    if (problems.length > before) object = { ...kept, metadata } as KubeObject;
  } else if (type.group === SERVING_GROUP) {
    const schema = crdSchema(type.kind);
    for (const c of schema?.typeCauses(structuredClone(object)) ?? []) problems.push(`${c.field}: ${c.message}`);
  }

  for (const c of validateObjectMeta(object.metadata)) problems.push(`${c.field}: ${c.message}`);
  return { object, problems };
}
