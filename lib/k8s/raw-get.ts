// GET a path of a cluster's API server and read the raw bytes: what client-node's typed calls
// cannot do for the pod proxy, whose answers are whatever the pod sent (queue-proxy's protobuf
// `Stat`, Prometheus text). The kubeconfig's request options (CA, client certificate, token,
// exec credential, TLS server name) are applied per request, as client-node does, so a token
// that rotates is picked up; connections are kept alive (keep-alive-agents.ts), so a poller
// reading many pods every second does not pay a handshake per read.

import http from "node:http";
import https from "node:https";
import type { KubeConfig } from "@kubernetes/client-node";
import { kubeStatus, StatusError } from "@/lib/queries/status";
import { keepAliveAgent } from "./keep-alive-agents";

export interface RawResponse {
  status: number;
  contentType: string;
  body: Buffer;
}

export interface RawGetOptions {
  accept?: string;
  timeoutMs: number;
  /** Answers larger than this are cut off and fail: a pod must not make the console buffer megabytes. */
  maxBytes?: number;
  signal?: AbortSignal;
  /** A JSON body to POST instead of a GET (a review object, whose refusal's Status the typed client drops). */
  postJson?: unknown;
}

const DEFAULT_MAX_BYTES = 1 << 20;

export async function rawGet(kc: KubeConfig, path: string, opts: RawGetOptions): Promise<RawResponse> {
  const server = kc.getCurrentCluster()?.server;
  if (!server) throw new StatusError(kubeStatus(503, "The kubeconfig names no server for its current context.", "ServiceUnavailable"));
  // The server may carry a path prefix (a proxy in front of the API server): keep it.
  const base = new URL(server);
  const url = new URL(base.pathname.replace(/\/$/, "") + path, base);
  const requestOptions: https.RequestOptions = { headers: {} };
  await kc.applyToHTTPSOptions(requestOptions);
  const secure = url.protocol === "https:";
  const headers: Record<string, string> = { ...(requestOptions.headers as Record<string, string>), Accept: opts.accept ?? "*/*" };
  const body = opts.postJson === undefined ? undefined : JSON.stringify(opts.postJson);
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (requestOptions.auth) headers.Authorization = `Basic ${Buffer.from(requestOptions.auth).toString("base64")}`;

  return new Promise<RawResponse>((resolve, reject) => {
    const req = (secure ? https : http).request(
      url,
      { method: body === undefined ? "GET" : "POST", headers, agent: keepAliveAgent(secure, requestOptions), signal: opts.signal, timeout: opts.timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const limit = opts.maxBytes ?? DEFAULT_MAX_BYTES;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > limit) {
            req.destroy(new Error(`the answer is larger than ${limit} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers["content-type"] ?? ""), body: Buffer.concat(chunks) }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(Object.assign(new Error(`no answer within ${opts.timeoutMs} ms`), { code: "ETIMEDOUT" })));
    req.on("error", reject);
    req.end(body);
  });
}
