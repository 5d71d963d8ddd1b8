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
import { mediaType, parseJsonBody, readBody, sendJson, wantsTable, warningHeaders } from "./http";
import { APPLY, applyPatchDocument, checkPatchType, parsePatchBody } from "./patch";
import type { ResourcePath } from "./paths";
import { toTable } from "./tables";
import { serveWatch } from "./watch";
import { decodeProtobufObject, PROTOBUF } from "./protobuf";

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

function writeOptions(q: URLSearchParams, warnings: string[]): WriteOptions {
  const fv = q.get("fieldValidation");
  return {
    dryRun: q.getAll("dryRun").includes("All"),
    warnings,
    ...(fv === "Strict" || fv === "Warn" || fv === "Ignore" ? { fieldValidation: fv } : {}),
  };
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

  private listOrWatch(req: IncomingMessage, res: ServerResponse, p: ResourcePath, q: URLSearchParams): void {
    const matches = selectorFor(p.type, q);
    const watch = q.get("watch");
    if (watch === "true" || watch === "1") {
      const timeout = q.get("timeoutSeconds");
      return serveWatch(this.registry, req, res, {
        type: p.type,
        namespace: p.namespace,
        matches,
        resourceVersion: q.get("resourceVersion") ?? undefined,
        allowBookmarks: q.get("allowWatchBookmarks") === "true",
        timeoutSeconds: timeout ? Number(timeout) : undefined,
        table: wantsTable(req.headers.accept),
        bookmarkIntervalMs: this.opts.bookmarkIntervalMs,
      });
    }
    const rv = this.registry.resourceVersion();
    let items = this.registry.listShared(p.type, p.namespace).filter(matches);
    const limit = Number(q.get("limit") ?? 0);
    const token = q.get("continue");
    if (token) {
      const { start } = decodeContinue(token);
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

  private async readObject(req: IncomingMessage, p: ResourcePath): Promise<KubeObject> {
    const body = await readBody(req);
    const ct = mediaType(req.headers["content-type"]);
    const obj = (ct === PROTOBUF ? decodeProtobufObject(body) : parseJsonBody(body)) as KubeObject;
    if (obj === null || typeof obj !== "object" || Array.isArray(obj)) throw ApiError.badRequest("the request body must be a JSON object");
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
    const obj = await this.readObject(req, p);
    const warnings: string[] = [];
    const created = this.registry.create(p.type, obj, actor, writeOptions(q, warnings));
    sendJson(res, 201, created, warningHeaders(warnings));
  }

  private async update(req: IncomingMessage, res: ServerResponse, p: ResourcePath, q: URLSearchParams, actor: Actor): Promise<void> {
    if (p.name === undefined) throw ApiError.methodNotAllowed("the server does not allow this method on the requested resource");
    this.requireWritable(p.type, "PUT");
    const obj = await this.readObject(req, p);
    if (obj.metadata.name !== p.name) throw ApiError.badRequest("the name of the object does not match the name on the URL");
    // Custom resources cannot be updated unconditionally (kube-apiserver's CRD strategy).
    if (p.type.group === SERVING_GROUP && !obj.metadata.resourceVersion) {
      if (!this.registry.getShared(p.type, p.namespace, p.name)) throw ApiError.notFound(p.type, p.name);
      throw ApiError.invalid(p.type.group, p.type.kind, p.name, [
        { reason: "FieldValueInvalid", message: "Invalid value: 0x0: must be specified for an update", field: "metadata.resourceVersion" },
      ]);
    }
    const warnings: string[] = [];
    const opts = writeOptions(q, warnings);
    const updated = this.registry.update(p.type, obj, actor, { ...opts, subresource: p.subresource === "status" ? "status" : undefined });
    sendJson(res, 200, updated, warningHeaders(warnings));
  }

  private async patch(req: IncomingMessage, res: ServerResponse, p: ResourcePath, q: URLSearchParams, actor: Actor): Promise<void> {
    if (p.name === undefined) throw ApiError.methodNotAllowed("the server does not allow this method on the requested resource");
    this.requireWritable(p.type, "PATCH");
    const ct = mediaType(req.headers["content-type"]);
    checkPatchType(p.type, ct);
    const patch = parsePatchBody(ct, await readBody(req));
    const warnings: string[] = [];
    const opts = writeOptions(q, warnings);
    const current = this.registry.get(p.type, p.namespace, p.name);
    if (!current) {
      if (ct !== APPLY) throw ApiError.notFound(p.type, p.name);
      // Server-side apply creates what does not exist yet.
      const obj = patch as KubeObject;
      obj.metadata = { ...(obj.metadata ?? {}), name: p.name, ...(p.type.namespaced ? { namespace: p.namespace } : {}) };
      sendJson(res, 201, this.registry.create(p.type, obj, actor, opts), warningHeaders(warnings));
      return;
    }
    const patched = applyPatchDocument(ct, current, patch) as KubeObject;
    if (patched.metadata?.name !== p.name) throw ApiError.badRequest("the name of the object does not match the name on the URL");
    // A resourceVersion in the patch is a precondition; without one, patch the current version.
    if (!patched.metadata.resourceVersion) patched.metadata.resourceVersion = current.metadata.resourceVersion;
    const updated = this.registry.update(p.type, patched, actor, { ...opts, subresource: p.subresource === "status" ? "status" : undefined });
    sendJson(res, 200, updated, warningHeaders(warnings));
  }

  private async deleteOptions(req: IncomingMessage, q: URLSearchParams) {
    const body = await readBody(req);
    let opts: { preconditions?: { resourceVersion?: string; uid?: string }; dryRun?: string[] } = {};
    if (body.length > 0) opts = parseJsonBody(body) as typeof opts;
    return { preconditions: opts.preconditions, dryRun: q.getAll("dryRun").includes("All") || (opts.dryRun ?? []).includes("All") };
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
