// How tests and benches reach the embedded cluster's API server without client-node: its URL,
// the bearer token it requires (emulator/api/authentication.ts) and the certificate it presents
// (emulator/credentials/serving-cert.ts). A ClusterProcess and an ApiOnlyCluster's `endpoint`
// are ApiEndpoints.
//
// Node's own fetch cannot be told to trust one certificate without the undici package, so
// `fetchTrusting` is fetch over node:https: a WHATWG Response, the body decoded as fetch
// decodes it, connections kept alive per certificate so a bench times requests, not handshakes.

import https from "node:https";
import { Readable, pipeline } from "node:stream";
import zlib from "node:zlib";

export interface ApiEndpoint {
  apiUrl: string;
  token: string;
  /** PEM of the certificate the API server presents. */
  caCert: string;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  signal?: AbortSignal;
}

export function bearer(token: string): { Authorization: string } {
  return { Authorization: `Bearer ${token}` };
}

/** A request to the API server with its token; `target` is a path or a full URL. */
export function apiFetch(api: ApiEndpoint, target: string, init: RequestOptions = {}): Promise<Response> {
  const url = /^https?:\/\//.test(target) ? target : `${api.apiUrl}${target}`;
  return fetchTrusting(api.caCert, url, { ...init, headers: { ...bearer(api.token), ...init.headers } });
}

const agents = new Map<string, https.Agent>();

/** fetch() of an https URL whose server presents `caCert` (or a certificate it signed). */
export function fetchTrusting(caCert: string, url: string, init: RequestOptions = {}): Promise<Response> {
  let agent = agents.get(caCert);
  if (!agent) agents.set(caCert, (agent = new https.Agent({ ca: caCert, keepAlive: true })));
  const method = init.method ?? "GET";
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method, headers: init.headers, agent, signal: init.signal }, (res) => {
      const status = res.statusCode ?? 0;
      const headers = new Headers();
      for (const [name, value] of Object.entries(res.headers)) {
        for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
      }
      if (method === "HEAD" || [204, 205, 304].includes(status)) {
        res.resume();
        return resolve(new Response(null, { status, statusText: res.statusMessage, headers }));
      }
      const decoded = decode(res, res.headers["content-encoding"]);
      const body = Readable.toWeb(decoded) as unknown as ReadableStream<Uint8Array>;
      resolve(new Response(body, { status, statusText: res.statusMessage, headers }));
    });
    req.on("error", reject);
    req.end(init.body);
  });
}

function decode(res: Readable, encoding: string | undefined): Readable {
  const decoder = { gzip: zlib.createGunzip, deflate: zlib.createInflate, br: zlib.createBrotliDecompress }[encoding?.trim().toLowerCase() ?? ""];
  // pipeline, not pipe: an aborted or broken answer must end the decoded stream too.
  return decoder ? pipeline(res, decoder(), () => undefined) : res;
}
