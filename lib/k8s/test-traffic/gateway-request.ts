// One request through the ingress gateway, as `curl -H "Host: <service host>" http://<gateway>/`
// sends it: GET /, the Service's host in the Host header (and as SNI over TLS), no credential of
// any kind, no redirect followed (a 301 to https is an answer worth seeing, not something to
// chase). At most `bodyLimit` bytes of the body are read; a longer body is cut there and the
// connection dropped. No answer within `timeoutMs` is an outcome of its own.

import http from "node:http";
import https from "node:https";
import { performance } from "node:perf_hooks";
import { unreachableReason } from "@/lib/k8s/errors";
import type { Answer } from "./answer-tally";

export interface GatewayRequest {
  gateway: URL;
  host: string;
  agent: http.Agent;
  timeoutMs: number;
  bodyLimit: number;
  /** The run's signal: once aborted, a request in flight is dropped and has no outcome. */
  signal: AbortSignal;
}

export const USER_AGENT = "knative-console (Send requests)";

function describe(err: unknown): string {
  return unreachableReason(err) ?? (err instanceof Error ? err.message : String(err));
}

function attempt(r: GatewayRequest): Promise<{ answer: Answer } | { retry: true } | null> {
  const started = performance.now();
  const client = r.gateway.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (value: { answer: Answer } | { retry: true } | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      r.signal.removeEventListener("abort", onAbort);
      resolve(value);
    };
    const outcome = (a: Omit<Answer, "latencyMs">) => finish({ answer: { ...a, latencyMs: performance.now() - started } });

    const req = client.request(new URL("/", r.gateway), {
      method: "GET",
      agent: r.agent,
      headers: { Host: r.host, "User-Agent": USER_AGENT, Accept: "*/*" },
      ...(r.gateway.protocol === "https:" ? { servername: r.host.replace(/:\d+$/, "") } : {}),
    });
    const onAbort = () => {
      req.destroy();
      finish(null);
    };
    const timer = setTimeout(() => {
      outcome({ status: 0, body: "", truncated: false, error: `no answer within ${r.timeoutMs / 1000} s` });
      req.destroy();
    }, r.timeoutMs);
    r.signal.addEventListener("abort", onAbort, { once: true });

    req.on("error", (err) => {
      // A kept-alive connection the gateway closed just as it was reused: the request never
      // reached it, so it is sent again (Node's own advice for agents with keepAlive).
      if (req.reusedSocket && (err as NodeJS.ErrnoException).code === "ECONNRESET") return finish({ retry: true });
      outcome({ status: 0, body: "", truncated: false, error: describe(err) });
    });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const body = () => new TextDecoder().decode(Buffer.concat(chunks)).trim();
      res.on("data", (chunk: Buffer) => {
        if (settled) return;
        const room = r.bodyLimit - size;
        if (chunk.length > room) {
          chunks.push(chunk.subarray(0, room));
          outcome({ status: res.statusCode ?? 0, body: body(), truncated: true });
          res.destroy();
          return;
        }
        chunks.push(chunk);
        size += chunk.length;
      });
      res.on("end", () => outcome({ status: res.statusCode ?? 0, body: body(), truncated: false }));
      res.on("error", (err) => outcome({ status: 0, body: "", truncated: false, error: `${describe(err)} while reading the answer` }));
      res.on("aborted", () => outcome({ status: 0, body: "", truncated: false, error: "the gateway closed the connection while sending the answer" }));
    });
    req.end();
  });
}

/** The request's outcome, or null when the run was stopped before it had one. */
export async function requestViaGateway(r: GatewayRequest): Promise<Answer | null> {
  for (let tries = 0; ; tries++) {
    if (r.signal.aborted) return null;
    const result = await attempt(r);
    if (result === null) return null;
    if ("answer" in result) return result.answer;
    // Reset twice: not a stale connection but a gateway that resets them.
    if (tries >= 1) return { status: 0, body: "", truncated: false, error: "connection reset", latencyMs: 0 };
  }
}
