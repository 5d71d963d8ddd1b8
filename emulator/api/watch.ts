// Watch streams: `?watch=true`, as kube-apiserver serves them. A chunked stream of
// `{"type":…,"object":…}` lines; resumption from a resourceVersion out of the change log
// (410 Expired, as an ERROR event, only when it no longer reaches back that far); bookmarks
// when asked; timeoutSeconds; the initial state as ADDED events when no version is given.

import type { IncomingMessage, ServerResponse } from "node:http";
import type { KubeObject } from "../../lib/knative/types";
import { ApiError } from "../core/errors";
import type { ObjectRegistry } from "../core/object-registry";
import type { ChangeEvent } from "../core/registry";
import { apiVersionOf, type ResourceType } from "../core/resources";
import { toTable } from "./tables";

export interface WatchRequest {
  type: ResourceType;
  namespace?: string;
  /** Whether an object passes the label and field selectors. */
  matches: (o: KubeObject) => boolean;
  /** Resume after this version; undefined sends the current state first, as ADDED events. */
  resourceVersion?: number;
  allowBookmarks: boolean;
  timeoutSeconds?: number;
  table: boolean;
  bookmarkIntervalMs?: number;
}

const DEFAULT_TIMEOUT_SECONDS = 1800; // kube-apiserver picks 30–60 min when the client sets none
const MAX_TIMER_MS = 2 ** 31 - 1; // a longer setTimeout would fire at once

export function serveWatch(registry: ObjectRegistry, req: IncomingMessage, res: ServerResponse, w: WatchRequest): void {
  const inScope = (o: KubeObject) => !w.type.namespaced || w.namespace === undefined || o.metadata.namespace === w.namespace;
  const selected = (o: KubeObject | undefined) => !!o && inScope(o) && w.matches(o);
  let sentTableHeader = false;
  let lastRv = 0;

  const encode = (type: string, object: KubeObject | Record<string, unknown>) => {
    let obj: unknown = object;
    if (w.table && type !== "ERROR" && type !== "BOOKMARK") {
      obj = toTable(w.type, [object as KubeObject], { withColumns: !sentTableHeader });
      sentTableHeader = true;
    }
    return `${JSON.stringify({ type, object: obj })}\n`;
  };

  // Translate a change into what this (filtered) watcher sees: a change that moves an object
  // into the selection is ADDED, out of it DELETED (as the apiserver's watch cache does).
  const translate = (e: ChangeEvent): string | undefined => {
    if (e.resourceType !== w.type) return undefined;
    if (e.resourceVersion <= lastRv) return undefined;
    const now = selected(e.object);
    if (e.type === "MODIFIED") {
      const before = selected(e.oldObject);
      if (now && before) return encode("MODIFIED", e.object);
      if (now) return encode("ADDED", e.object);
      if (before) return encode("DELETED", e.object);
      return undefined;
    }
    return now ? encode(e.type, e.object) : undefined;
  };

  // Once the watch has ended (its timeout) nothing more goes out, though a change or a bookmark
  // may still come due before the response's "close" unhooks them.
  const write = (chunk: string) => {
    if (!res.writableEnded) res.write(chunk);
  };
  const writeEvent = (e: ChangeEvent) => {
    const line = translate(e);
    lastRv = Math.max(lastRv, e.resourceVersion);
    if (line) write(line);
  };

  // Decide what to replay before subscribing; both happen in this one tick, so nothing is missed.
  const rvParam = w.resourceVersion;
  const replay: ChangeEvent[] | "expired" | "initial" = rvParam === undefined ? "initial" : registry.changesSince(rvParam);

  res.writeHead(200, {
    "Content-Type": w.table ? "application/json;as=Table;v=v1;g=meta.k8s.io" : "application/json",
    "Cache-Control": "no-cache, private",
    "Transfer-Encoding": "chunked",
  });
  res.flushHeaders();

  if (replay === "expired") {
    const status = ApiError.expired(`too old resource version: ${rvParam} (${registry.resourceVersion()})`).status;
    res.end(JSON.stringify({ type: "ERROR", object: status }) + "\n");
    return;
  }

  const unsubscribe = registry.subscribe(writeEvent);
  if (replay === "initial") {
    for (const o of registry.listShared(w.type, w.type.namespaced ? w.namespace : undefined)) {
      if (w.matches(o)) write(encode("ADDED", o));
    }
    lastRv = registry.resourceVersion();
  } else {
    lastRv = rvParam!;
    for (const e of replay) writeEvent(e);
    lastRv = Math.max(lastRv, registry.resourceVersion());
  }

  const bookmark = () => {
    const kind = w.type.kind;
    write(JSON.stringify({ type: "BOOKMARK", object: { kind, apiVersion: apiVersionOf(w.type), metadata: { resourceVersion: String(lastRv) } } }) + "\n");
  };
  const bookmarkTimer = w.allowBookmarks ? setInterval(bookmark, w.bookmarkIntervalMs ?? 30_000) : undefined;
  const cleanup = () => {
    unsubscribe();
    clearTimeout(timeout);
    if (bookmarkTimer) clearInterval(bookmarkTimer);
  };
  const timeout = setTimeout(
    () => {
      cleanup();
      res.end();
    },
    Math.min((w.timeoutSeconds || DEFAULT_TIMEOUT_SECONDS) * 1000, MAX_TIMER_MS),
  );
  res.on("close", cleanup);
  req.on("close", cleanup);
}
