// The REST verbs on resources: get, list (with selectors and paging), watch, create, update,
// patch, delete and deletecollection, with Table output when kubectl asks for it.

import type { IncomingMessage, ServerResponse } from "node:http";
import type { KubeObject } from "../../lib/knative/types";
import { ApiError } from "../core/errors";
import type { ObjectRegistry } from "../core/object-registry";
import { ADMIN, type Actor, type WriteOptions } from "../core/registry";
import { matchesFields, matchesRequirements, parseFieldSelector, parseLabelSelector } from "../core/label-selector";
import { apiVersionOf, NAMESPACES, type ResourceType } from "../core/resources";
import { SERVING_GROUP } from "../../lib/knative/types";
import { decodeDeleteOptions, decodeObject, type FieldValidation } from "../decoding/decode-object";
import { mediaType, parseObjectBody, parseOptionsBody, readBody } from "./body";
import { sendJson, wantsTable, warningHeaders } from "./http";
import { listQuery, waitForResourceVersion } from "./list-query";
import { APPLY, applyPatchDocument, checkPatchType, parsePatchBody } from "./patch";
import type { ResourcePath } from "./paths";
import { toTable } from "./tables";
import { serveWatch } from "./watch";

const FIELD_SELECTABLE: Record<string, string[]> = {
  "/events": ["involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason", "source", "type"],
  "/pods": ["spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "status.phase", "status.podIP", "status.nominatedNodeName"],
  "/secrets": ["type"],
  "/namespaces": ["status.phase"],
};

function selectorFor(type: ResourceType, q: URLSearchParams): (o: KubeObject) => boolean {
  const labels = parseLabelSelector(q.get("labelSelector") ?? "");
  const extra = FIELD_SELECTABLE[`${type.group}/${type.resource}`] ?? [];
  const fields = parseFieldSelector(q.get("fieldSelector") ?? "", (p) => p === "metadata.name" || p === "metadata.namespace" || extra.includes(p));
  return (o) => matchesRequirements(o.metadata.labels, labels) && matchesFields(o, fields);
}

/** `fieldValidation`: what to do with fields the type does not declare; kube-apiserver's default is Warn. */
export function fieldValidationOf(q: URLSearchParams): FieldValidation {
  const fv = q.get("fieldValidation");
  if (fv === null || fv === "") return "Warn";
  if (fv === "Strict" || fv === "Warn" || fv === "Ignore") return fv;
  throw ApiError.badRequest(`fieldValidation: Invalid value: ${JSON.stringify(fv)}: fieldValidation must be one of "Ignore", "Warn", or "Strict"`);
}

/** `dryRun` may only be "All" (apimachinery ValidateDryRun). */
function dryRunOf(values: string[]): boolean {
  const unsupported = values.filter((v) => v !== "All");
  if (unsupported.length > 0) {
    throw ApiError.badRequest(`dryRun: Unsupported value: []string{${values.map((v) => JSON.stringify(v)).join(", ")}}: supported values: "All"`);
  }
  return values.length > 0;
}

function writeOptions(q: URLSearchParams, warnings: string[]): WriteOptions {
  return { dryRun: dryRunOf(q.getAll("dryRun")), warnings, fieldValidation: fieldValidationOf(q) };
}

/** Continue tokens name the last key served; the next page starts after it. */
function encodeContinue(rv: number, lastKey: string): string {
  return Buffer.from(JSON.stringify({ v: "meta.k8s.io/v1", rv, start: lastKey })).toString("base64url");
}
function decodeContinue(token: string): { rv: number; start: string } {
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { rv: number; start: string };
    if (typeof parsed.start !== "string") throw new Error("no start");
    return parsed;
  } catch {
    throw ApiError.badRequest("continue key is not valid: illegal base64 data");
  }
}

export class ResourceHandler {
  constructor(
    private readonly registry: ObjectRegistry,
    private readonly opts: { bookmarkIntervalMs?: number } = {},
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse, p: ResourcePath, q: URLSearchParams, actor: Actor = ADMIN): Promise<void> {
    const { type } = p;
    if (p.subresource && p.subresource !== "status") throw ApiError.notFound(type, `${p.name}/${p.subresource}`);
    if (type.namespaced && p.name === undefined && p.namespace === undefined && req.method !== "GET") {
      throw ApiError.methodNotAllowed(`the server does not allow this method on the requested resource`);
    }
    switch (req.method) {
      case "GET":
        if (p.name === undefined) return this.listOrWatch(req, res, p, q);
        return this.get(req, res, p);
      case "POST":
        if (p.name !== undefined) throw ApiError.methodNotAllowed("the server does not allow this method on the requested resource");
        return this.create(req, res, p, q, actor);
      case "PUT":
        return this.update(req, res, p, q, actor);
      case "PATCH":
        return this.patch(req, res, p, q, actor);
      case "DELETE":
        if (p.name === undefined) return this.deleteCollection(req, res, p, q, actor);
        return this.delete(req, res, p, q, actor);
      default:
        throw ApiError.methodNotAllowed(`the server does not allow this method on the requested resource`);
    }
  }

  private requireWritable(type: ResourceType, method: string) {
    if (type.readOnly && !(method === "DELETE" && type.verbs.includes("delete"))) {
      throw ApiError.methodNotAllowed(`the embedded cluster manages ${type.resource} itself; they are read-only`);
    }
  }

  private get(req: IncomingMessage, res: ServerResponse, p: ResourcePath): void {
    const obj = this.registry.getShared(p.type, p.namespace, p.name!);
    if (!obj) throw ApiError.notFound(p.type, p.name!);
    if (wantsTable(req.headers.accept)) {
      sendJson(res, 200, toTable(p.type, [obj], { resourceVersion: obj.metadata.resourceVersion }));
    } else {
      sendJson(res, 200, obj);
    }
  }

  private async listOrWatch(req: IncomingMessage, res: ServerResponse, p: ResourcePath, q: URLSearchParams): Promise<void> {
    const matches = selectorFor(p.type, q);
    const query = listQuery(q);
    const token = q.get("continue");
    const start = token ? decodeContinue(token).start : undefined;
    if (query.resourceVersion !== undefined) await waitForResourceVersion(this.registry, query.resourceVersion);
    if (query.watch) {
      return serveWatch(this.registry, req, res, {
        type: p.type,
        namespace: p.namespace,
        matches,
        resourceVersion: query.resourceVersion,
        allowBookmarks: query.allowBookmarks,
        timeoutSeconds: query.timeoutSeconds,
        table: wantsTable(req.headers.accept),
        bookmarkIntervalMs: this.opts.bookmarkIntervalMs,
      });
    }
    const rv = this.registry.resourceVersion();
    let items = this.registry.listShared(p.type, p.namespace).filter(matches);
    const limit = query.limit;
    if (start !== undefined) {
      items = items.filter((o) => `${o.metadata.namespace ?? ""}/${o.metadata.name}` > start);
    }
    let continueToken: string | undefined;
    let remaining: number | undefined;
    if (limit > 0 && items.length > limit) {
      remaining = items.length - limit;
      items = items.slice(0, limit);
      const last = items[items.length - 1]!;
      continueToken = encodeContinue(rv, `${last.metadata.namespace ?? ""}/${last.metadata.name}`);
    }
    if (wantsTable(req.headers.accept)) {
      sendJson(res, 200, toTable(p.type, items, { resourceVersion: String(rv), includeObject: q.get("includeObject") ?? undefined, continueToken }));
      return;
    }
    sendJson(res, 200, {
      kind: p.type.listKind,
      apiVersion: apiVersionOf(p.type),
      metadata: { resourceVersion: String(rv), ...(continueToken ? { continue: continueToken, remainingItemCount: remaining } : {}) },
      items,
    });
  }

  /** A create or update body: read, parsed in its media type, decoded into the kind's shape. */
  private async readObject(req: IncomingMessage, p: ResourcePath, opts: WriteOptions): Promise<KubeObject> {
    const raw = parseObjectBody(p.type, req.headers["content-type"], await readBody(req));
    return this.decode(p, raw, opts);
  }

  /** The decode stage (../decoding): what every write body or patched object passes before admission. */
  private decode(p: ResourcePath, raw: unknown, opts: WriteOptions): KubeObject {
    const subresource = p.subresource === "status" ? "status" : undefined;
    const { object: obj, warnings } = decodeObject(p.type, raw, { fieldValidation: opts.fieldValidation, subresource });
    opts.warnings?.push(...warnings);
    const expectedVersion = apiVersionOf(p.type);
    if (obj.apiVersion !== undefined && obj.apiVersion !== expectedVersion) {
      throw ApiError.badRequest(`the API version in the data (${String(obj.apiVersion)}) does not match the expected API version (${expectedVersion})`);
    }
    if (obj.kind !== undefined && obj.kind !== p.type.kind) {
      throw ApiError.badRequest(`the kind in the data (${String(obj.kind)}) does not match the expected kind (${p.type.kind})`);
    }
    obj.metadata = obj.metadata ?? {};
    if (p.type.namespaced) {
      if (obj.metadata.namespace && p.namespace && obj.metadata.namespace !== p.namespace) {
        throw ApiError.badRequest("the namespace of the provided object does not match the namespace sent on the request");
      }
      obj.metadata.namespace = p.namespace;
    }
    return obj;
  }

  private async create(req: IncomingMessage, res: ServerResponse, p: ResourcePath, q: URLSearchParams, actor: Actor): Promise<void> {
    this.requireWritable(p.type, "POST");
    const warnings: string[] = [];
    const opts = writeOptions(q, warnings);
    const obj = await this.readObject(req, p, opts);
    const created = this.registry.create(p.type, obj, actor, opts);
    sendJson(res, 201, created, warningHeaders(warnings));
  }

  private async update(req: IncomingMessage, res: ServerResponse, p: ResourcePath, q: URLSearchParams, actor: Actor): Promise<void> {
    if (p.name === undefined) throw ApiError.methodNotAllowed("the server does not allow this method on the requested resource");
    this.requireWritable(p.type, "PUT");
    const warnings: string[] = [];
    const opts = writeOptions(q, warnings);
    const obj = await this.readObject(req, p, opts);
    if (obj.metadata.name !== p.name) throw ApiError.badRequest("the name of the object does not match the name on the URL");
    // Custom resources cannot be updated unconditionally (kube-apiserver's CRD strategy).
    if (p.type.group === SERVING_GROUP && !obj.metadata.resourceVersion) {
      if (!this.registry.getShared(p.type, p.namespace, p.name)) throw ApiError.notFound(p.type, p.name);
      throw ApiError.invalid(p.type.group, p.type.kind, p.name, [
        { reason: "FieldValueInvalid", message: "Invalid value: 0x0: must be specified for an update", field: "metadata.resourceVersion" },
      ]);
    }
    const updated = this.registry.update(p.type, obj, actor, { ...opts, subresource: p.subresource === "status" ? "status" : undefined });
    sendJson(res, 200, updated, warningHeaders(warnings));
  }

  private async patch(req: IncomingMessage, res: ServerResponse, p: ResourcePath, q: URLSearchParams, actor: Actor): Promise<void> {
    if (p.name === undefined) throw ApiError.methodNotAllowed("the server does not allow this method on the requested resource");
    this.requireWritable(p.type, "PATCH");
    const ct = mediaType(req.headers["content-type"]);
    checkPatchType(p.type, ct);
    const warnings: string[] = [];
    const opts = writeOptions(q, warnings);
    const patch = parsePatchBody(ct, await readBody(req));
    const current = this.registry.get(p.type, p.namespace, p.name);
    if (!current) {
      if (ct !== APPLY) throw ApiError.notFound(p.type, p.name);
      // Server-side apply creates what does not exist yet.
      const obj = this.decode(p, patch, opts);
      obj.metadata = { ...obj.metadata, name: p.name, ...(p.type.namespaced ? { namespace: p.namespace } : {}) };
      sendJson(res, 201, this.registry.create(p.type, obj, actor, opts), warningHeaders(warnings));
      return;
    }
    // The patched object is decoded like a body: a patch cannot store what a create could not.
    const patched = this.decode(p, applyPatchDocument(ct, current, patch), opts);
    if (patched.metadata?.name !== p.name) throw ApiError.badRequest("the name of the object does not match the name on the URL");
    // A resourceVersion in the patch is a precondition; without one, patch the current version.
    if (!patched.metadata.resourceVersion) patched.metadata.resourceVersion = current.metadata.resourceVersion;
    const updated = this.registry.update(p.type, patched, actor, { ...opts, subresource: p.subresource === "status" ? "status" : undefined });
    sendJson(res, 200, updated, warningHeaders(warnings));
  }

  private async deleteOptions(req: IncomingMessage, q: URLSearchParams) {
    const opts = decodeDeleteOptions(parseOptionsBody(req.headers["content-type"], await readBody(req)));
    return { preconditions: opts.preconditions, dryRun: dryRunOf(q.getAll("dryRun")) || dryRunOf(opts.dryRun ?? []) };
  }

  private async delete(req: IncomingMessage, res: ServerResponse, p: ResourcePath, q: URLSearchParams, actor: Actor): Promise<void> {
    this.requireWritable(p.type, "DELETE");
    const opts = await this.deleteOptions(req, q);
    const deleted = this.registry.delete(p.type, p.namespace, p.name!, actor, opts);
    if (p.type === NAMESPACES) {
      sendJson(res, 200, deleted);
      return;
    }
    sendJson(res, 200, deleted);
  }

  private async deleteCollection(req: IncomingMessage, res: ServerResponse, p: ResourcePath, q: URLSearchParams, actor: Actor): Promise<void> {
    this.requireWritable(p.type, "DELETE");
    const opts = await this.deleteOptions(req, q);
    const matches = selectorFor(p.type, q);
    const items = this.registry.listShared(p.type, p.namespace).filter(matches);
    const deleted = items.map((o) => this.registry.delete(p.type, o.metadata.namespace, o.metadata.name!, actor, { dryRun: opts.dryRun }));
    sendJson(res, 200, { kind: p.type.listKind, apiVersion: apiVersionOf(p.type), metadata: { resourceVersion: String(this.registry.resourceVersion()) }, items: deleted });
  }
}
