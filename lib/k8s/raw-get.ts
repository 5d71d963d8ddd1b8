// GET a path of a cluster's API server and read the raw bytes: what client-node's typed calls
// cannot do for the pod proxy, whose answers are whatever the pod sent (queue-proxy's protobuf
// `Stat`, Prometheus text). The kubeconfig's request options (CA, client certificate, token,
// exec credential, TLS server name) are applied per request, as client-node does, so a token
// that rotates is picked up; the TLS connection is kept alive in one agent per cluster and TLS
// material, so a poller reading many pods every second does not pay a handshake per read.

import { createHash } from "node:crypto";
import http from "node:http";
import https from "node:https";
import type { KubeConfig } from "@kubernetes/client-node";
import { kubeStatus, StatusError } from "@/lib/queries/status";

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
}

const DEFAULT_MAX_BYTES = 1 << 20;
const agents = new WeakMap<KubeConfig, { key: string; agent: http.Agent }>();

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
  if (requestOptions.auth) headers.Authorization = `Basic ${Buffer.from(requestOptions.auth).toString("base64")}`;

  return new Promise<RawResponse>((resolve, reject) => {
    const req = (secure ? https : http).request(
      url,
      { method: "GET", headers, agent: agentFor(kc, requestOptions, secure), signal: opts.signal, timeout: opts.timeoutMs },
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
    req.end();
  });
}

/** One keep-alive agent per kubeconfig, replaced when its TLS material changes. */
function agentFor(kc: KubeConfig, o: https.RequestOptions, secure: boolean): http.Agent {
  const hash = createHash("sha256");
  for (const part of [secure, o.ca, o.cert, o.key, o.pfx, o.passphrase, o.rejectUnauthorized, o.servername]) hash.update(`${part === undefined ? "-" : String(part)}\0`);
  const key = hash.digest("hex");
  const cached = agents.get(kc);
  if (cached && cached.key === key) return cached.agent;
  cached?.agent.destroy();
  const common = { keepAlive: true, maxSockets: 8, maxFreeSockets: 8, timeout: 30_000 };
  const agent = secure
    ? new https.Agent({ ...common, ca: o.ca, cert: o.cert, key: o.key, pfx: o.pfx, passphrase: o.passphrase, rejectUnauthorized: o.rejectUnauthorized, servername: o.servername })
    : new http.Agent(common);
  agents.set(kc, { key, agent });
  return agent;
}
