// OpenAPI v3, as much as kubectl needs to delegate validation to the server: for each resource
// a PATCH operation carrying x-kubernetes-group-version-kind and a fieldValidation parameter
// (kubectl's apply reads k8s.io/kube-openapi's v3 documents). /openapi/v2 is answered 404 on purpose.

import { createHash } from "node:crypto";
import { RESOURCE_TYPES, type ResourceType } from "../core/resources";

type Doc = Record<string, unknown>;

const gvPath = (t: ResourceType) => (t.group ? `apis/${t.group}/${t.version}` : `api/${t.version}`);

function operation(t: ResourceType, verb: string) {
  return {
    operationId: `${verb}${t.kind}`,
    "x-kubernetes-action": verb,
    "x-kubernetes-group-version-kind": { group: t.group, version: t.version, kind: t.kind },
    parameters: [
      { name: "dryRun", in: "query", schema: { type: "string" } },
      { name: "fieldManager", in: "query", schema: { type: "string" } },
      { name: "fieldValidation", in: "query", schema: { type: "string" } },
    ],
    responses: { "200": { description: "OK" } },
  };
}

function gvDocument(gv: string): Doc {
  const paths: Doc = {};
  for (const t of RESOURCE_TYPES.filter((x) => gvPath(x) === gv)) {
    const base = `/${gv}${t.namespaced ? "/namespaces/{namespace}" : ""}/${t.resource}`;
    paths[base] = { post: operation(t, "post") };
    // Every kind gets its PATCH, the reviews too, though they are only ever created: kubectl looks
    // for one to learn that the server validates fields, and without it asks for /openapi/v2.
    paths[`${base}/{name}`] = { put: operation(t, "put"), patch: operation(t, "patch") };
    if (t.statusSubresource) paths[`${base}/{name}/status`] = { put: operation(t, "put"), patch: operation(t, "patch") };
  }
  return { openapi: "3.0.0", info: { title: "Kubernetes", version: "v1.32.0" }, paths };
}

const documents = new Map<string, { body: string; hash: string }>();
for (const gv of new Set(RESOURCE_TYPES.map(gvPath))) {
  const body = JSON.stringify(gvDocument(gv));
  documents.set(gv, { body, hash: createHash("sha512").update(body).digest("hex").slice(0, 32).toUpperCase() });
}

export function openApiRoot(): Doc {
  const paths: Doc = {};
  for (const [gv, d] of documents) paths[gv] = { serverRelativeURL: `/openapi/v3/${gv}?hash=${d.hash}` };
  return { paths };
}

/** The GV document text, or undefined. The hash in the URL changes whenever the content does. */
export function openApiDocument(gv: string): string | undefined {
  return documents.get(gv)?.body;
}
