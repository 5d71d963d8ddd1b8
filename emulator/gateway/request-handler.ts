// One request through the embedded gateway: Host → route split → revision; through the activator
// first when the revision has no ready pod (cold start, as Knative's activator holds requests);
// then to one of the revision's ready pods (./ready-pods.ts), whose queue-proxy records it:
// counted in TrafficStats (the revision's, for the autoscaler) and in the pod's own numbers while
// the revision works on it, and once answered in the pod's request metrics with its method,
// status, route tag, Host, sizes and durations; answered by the revision's application. The hot
// path does map lookups only: no registry reads, no allocation beyond the response and the
// request's record.
//
// Answers of the gateway itself (not of an application) are plain text:
//   404  no Route, tag or Revision has this host (a real ingress has no virtual host for it)
//   503  the route points at a revision that does not exist, or the revision could not be
//        activated (activation failed, or no ready pod within the revision's timeoutSeconds)
// No response header names the revision: neither Knative's ingresses nor queue-proxy add one
// (knative/serving issue #13149), and the embedded gateway stays faithful to that.

import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import type { Activator, TrafficStats } from "../core/runtime";
import type { AppResponse } from "../runtime/apps";
import { normalizeHost } from "./hosts";
import type { ReadyPods } from "./ready-pods";
import type { RevisionDirectory, RevisionEntry } from "./revision-directory";
import type { RoutingTable } from "./routing-table";

export interface RequestHandlerDeps {
  table: RoutingTable;
  revisions: RevisionDirectory;
  pods: ReadyPods;
  stats: TrafficStats;
  activator: Activator;
  /** Settles once the gateway's view (revisions, ready pods) holds every write made so far. */
  viewCaughtUp: () => Promise<void>;
  /** Overrides how long a request waits for activation; default the revision's timeoutSeconds. */
  activationTimeoutMs?: number;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export function createRequestHandler(deps: RequestHandlerDeps): RequestHandler {
  const { table, revisions, pods, stats, activator } = deps;

  return function handleRequest(req, res) {
    // Applications here never read bodies; draining keeps the connection reusable.
    if (req.headers["content-length"] || req.headers["transfer-encoding"]) req.resume();

    const host = normalizeHost(req.headers.host);
    const destination = table.resolve(host);
    if (!destination) return sendText(res, 404, `no Route, tag or Revision for host "${host}"\n`);
    const routing = destination.route({ tag: header(req, "knative-serving-tag"), defaultRoute: header(req, "knative-serving-default-route") }, table.tagHeaderRouting);
    const entry = routing.revision === undefined ? undefined : revisions.get(destination.namespace, routing.revision);
    if (!entry) return sendText(res, 503, `revision "${destination.namespace}/${routing.revision ?? ""}" is not available\n`);

    if (entry.hasReadyPod) serve(entry, req, res, routing.routeTag);
    else void activateThenServe(entry, req, res, routing.routeTag);
  };

  function serve(entry: RevisionEntry, req: IncomingMessage, res: ServerResponse, routeTag: string): void {
    // Where queue-proxy's otelhttp handler starts its clock: after the activator, if any.
    const receivedAt = performance.now();
    const done = stats.begin(entry.namespace, entry.name);
    // A revision whose status says it has a ready pod that the gateway's view holds no Pod for
    // (one just deleted; a test cluster's revision without Pods): the request still counts for
    // the revision, and for no pod.
    const atPod = pods.next(entry.namespace, entry.name)?.begin();
    const invokedAt = performance.now();
    const answer = entry.app().respond();
    const finish = () => {
      send(res, answer);
      const answeredAt = performance.now();
      done();
      atPod?.({
        method: req.method ?? "",
        host: req.headers.host ?? "",
        routeTag,
        status: answer.status,
        durationSeconds: (answeredAt - receivedAt) / 1000,
        invocationSeconds: (answeredAt - invokedAt) / 1000,
        requestBytes: requestBodyBytes(req),
        responseBytes: answer.body.length,
      });
    };
    if (answer.delayMs > 0) setTimeout(finish, answer.delayMs);
    else finish();
  }

  async function activateThenServe(entry: RevisionEntry, req: IncomingMessage, res: ServerResponse, routeTag: string): Promise<void> {
    const timeoutMs = deps.activationTimeoutMs ?? entry.timeoutMs;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(new Error(`no ready pod within ${timeoutMs} ms`)), timeoutMs);
    // Before we answer, "close" means the client went away: stop waiting for it.
    const clientGone = () => abort.abort(new Error("client closed the connection"));
    res.once("close", clientGone);
    try {
      await untilAborted(activator.activate(entry.namespace, entry.name, abort.signal), abort.signal);
      // The pod that activation waited for is Ready in the registry; the gateway's view hears of
      // it a moment later. Serving before then would count the request for no pod.
      await untilAborted(deps.viewCaughtUp(), abort.signal);
    } catch (err) {
      if (!res.destroyed) sendText(res, 503, `revision "${entry.namespace}/${entry.name}" did not become ready: ${(err as Error)?.message ?? err}\n`);
      return;
    } finally {
      clearTimeout(timer);
      res.off("close", clientGone);
    }
    if (!res.destroyed) serve(entry, req, res, routeTag);
  }
}

/** Go's Header.Get: the first value, or "". */
function header(req: IncomingMessage, name: string): string {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

/**
 * What the request body's size is taken to be: its Content-Length. queue-proxy counts the bytes
 * it proxied; the embedded applications read no body, and a chunked one counts as 0.
 */
function requestBodyBytes(req: IncomingMessage): number {
  const length = Number(req.headers["content-length"]);
  return Number.isSafeInteger(length) && length > 0 ? length : 0;
}

/** Settles with `work`, or rejects as soon as `signal` aborts, whether or not `work` honours it. */
function untilAborted(work: Promise<void>, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

function send(res: ServerResponse, answer: AppResponse): void {
  res.writeHead(answer.status, { "Content-Type": answer.contentType, "Content-Length": answer.body.length });
  res.end(answer.body);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}
