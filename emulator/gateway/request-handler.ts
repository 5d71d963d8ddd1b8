// One request through the embedded gateway: Host → route split → revision; through the activator
// first when the revision has no ready pod (cold start, as Knative's activator holds requests);
// counted in TrafficStats while the revision works on it, as queue-proxy counts; answered by the
// revision's application. The hot path does map lookups only: no registry reads, no allocation
// beyond the response.
//
// Answers of the gateway itself (not of an application) are plain text:
//   404  no Route, tag or Revision has this host (a real ingress has no virtual host for it)
//   503  the route points at a revision that does not exist, or the revision could not be
//        activated (activation failed, or no ready pod within the revision's timeoutSeconds)
// No response header names the revision: neither Knative's ingresses nor queue-proxy add one
// (knative/serving issue #13149), and the embedded gateway stays faithful to that.

import type { IncomingMessage, ServerResponse } from "node:http";
import type { Activator, TrafficStats } from "../core/runtime";
import type { AppResponse } from "../runtime/apps";
import { normalizeHost } from "./hosts";
import type { RevisionDirectory, RevisionEntry } from "./revision-directory";
import type { RoutingTable } from "./routing-table";

export interface RequestHandlerDeps {
  table: RoutingTable;
  revisions: RevisionDirectory;
  stats: TrafficStats;
  activator: Activator;
  /** Overrides how long a request waits for activation; default the revision's timeoutSeconds. */
  activationTimeoutMs?: number;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export function createRequestHandler(deps: RequestHandlerDeps): RequestHandler {
  const { table, revisions, stats, activator } = deps;

  return function handleRequest(req, res) {
    // Applications here never read bodies; draining keeps the connection reusable.
    if (req.headers["content-length"] || req.headers["transfer-encoding"]) req.resume();

    const host = normalizeHost(req.headers.host);
    const destination = table.resolve(host);
    if (!destination) return sendText(res, 404, `no Route, tag or Revision for host "${host}"\n`);
    const revisionName = destination.pickRevision();
    const entry = revisionName === undefined ? undefined : revisions.get(destination.namespace, revisionName);
    if (!entry) return sendText(res, 503, `revision "${destination.namespace}/${revisionName ?? ""}" is not available\n`);

    if (entry.hasReadyPod) serve(entry, res);
    else void activateThenServe(entry, res);
  };

  function serve(entry: RevisionEntry, res: ServerResponse): void {
    const done = stats.begin(entry.namespace, entry.name);
    const answer = entry.app().respond();
    if (answer.delayMs > 0) {
      setTimeout(() => {
        send(res, answer);
        done();
      }, answer.delayMs);
    } else {
      send(res, answer);
      done();
    }
  }

  async function activateThenServe(entry: RevisionEntry, res: ServerResponse): Promise<void> {
    const timeoutMs = deps.activationTimeoutMs ?? entry.timeoutMs;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(new Error(`no ready pod within ${timeoutMs} ms`)), timeoutMs);
    // Before we answer, "close" means the client went away: stop waiting for it.
    const clientGone = () => abort.abort(new Error("client closed the connection"));
    res.once("close", clientGone);
    try {
      await untilAborted(activator.activate(entry.namespace, entry.name, abort.signal), abort.signal);
    } catch (err) {
      if (!res.destroyed) sendText(res, 503, `revision "${entry.namespace}/${entry.name}" did not become ready: ${(err as Error)?.message ?? err}\n`);
      return;
    } finally {
      clearTimeout(timer);
      res.off("close", clientGone);
    }
    if (!res.destroyed) serve(entry, res);
  }
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
