// The embedded cluster's Kubernetes API server: discovery, OpenAPI, resources, watches,
// the pod proxy to queue-proxy metrics, health endpoints. HTTPS on loopback, a bearer token for
// everything but /version and the health checks (./authentication, emulator/credentials), and
// RBAC on every request, as kube-apiserver authorizes (emulator/rbac).

import type http from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { ApiError } from "../core/errors";
import type { ObjectRegistry } from "../core/object-registry";
import type { PodProxy } from "../core/runtime";
import { PODS } from "../core/resources";
import type { KubeObject } from "../../lib/knative/types";
import { ensureBootstrapPolicy } from "../rbac/bootstrap";
import { actorOf, createAccessControl } from "../rbac/access-control";
import type { ServiceAccountTokens } from "../rbac/service-account-tokens";
import type { UserInfo } from "../rbac/user";
import {
  AGGREGATED_CONTENT_TYPE,
  KUBERNETES_VERSION,
  aggregatedCore,
  aggregatedGroups,
  legacyCoreVersions,
  legacyGroup,
  legacyGroupList,
  legacyResourceList,
  wantsAggregated,
} from "./discovery";
import { sendError, sendJson } from "./http";
import { openApiDocument, openApiRoot } from "./openapi";
import { parseResourcePath, pathSegments } from "./paths";
import { ResourceHandler } from "./resources-handler";

export interface ApiServerOptions {
  registry: ObjectRegistry;
  podProxy?: PodProxy;
  host?: string;
  port?: number;
  /** How often a watch that allows bookmarks gets one (default 30 s). */
  bookmarkIntervalMs?: number;
  /** The admin's bearer token (kubernetes-admin, in system:masters); every request but /version and the health checks needs a token (./authentication). */
  token: string;
  /** The other fixed tokens, and whose they are (emulator/rbac/identities.ts). */
  identities?: ReadonlyArray<{ token: string; user: UserInfo }>;
  /** Issues and checks ServiceAccount tokens (POST …/serviceaccounts/{name}/token); without it there are none. */
  serviceAccountTokens?: ServiceAccountTokens;
  /** The serving certificate and its key (PEM): kubectl sends a token over TLS only. */
  tls: { cert: string; key: string };
}

export interface RunningApiServer {
  url: string;
  port: number;
  server: http.Server;
  close(): Promise<void>;
}

const REQUEST_TIMEOUT_MS = 60_000;
const HEADERS_TIMEOUT_MS = 30_000;

const POD_PROXY = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/:]+)(?::(\d+))?\/proxy(\/.*)?$/;

interface ProxiedPod extends KubeObject {
  spec?: { containers?: Array<{ ports?: Array<{ containerPort?: number }> }> };
  status?: { podIP?: string };
}

/**
 * pkg/proxy/util IsProxyableIP for the IPv4 pod IPs here: an address that parses, and is not
 * loopback, link-local or link-local multicast (ErrAddressNotAllowed otherwise).
 */
function isProxyableIP(ip: string): boolean {
  const octets = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip)?.slice(1).map(Number);
  if (!octets || octets.some((o) => o > 255)) return false;
  const [a, b, c] = octets as [number, number, number, number];
  return a !== 127 && !(a === 169 && b === 254) && !(a === 224 && b === 0 && c === 0);
}

/** The first port of the first container that declares any (for a Knative pod, the user port). */
function firstDeclaredPort(pod: ProxiedPod): number | undefined {
  return pod.spec?.containers?.find((c) => (c.ports?.length ?? 0) > 0)?.ports?.[0]?.containerPort;
}

export async function startApiServer(opts: ApiServerOptions): Promise<RunningApiServer> {
  const resources = new ResourceHandler(opts.registry, { bookmarkIntervalMs: opts.bookmarkIntervalMs });
  // The default roles and bindings, before the first request is authorized (kube-apiserver's rbac/bootstrap-roles hook).
  ensureBootstrapPolicy(opts.registry);
  const access = createAccessControl({ registry: opts.registry, adminToken: opts.token, identities: opts.identities, serviceAccountTokens: opts.serviceAccountTokens });
  const server = https.createServer({ cert: opts.tls.cert, key: opts.tls.key }, (req, res) => {
    handle(req, res).catch((err) => sendError(res, err));
  });
  // Node's requestTimeout bounds receiving the request (headers and body), not the answer, so a
  // long watch is never cut by it; a client that declares a body and never sends it is.
  // kube-apiserver's own request deadline is 60 s.
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.keepAliveTimeout = 65_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = requestUrl(req.url);
    const path = url.pathname.replace(/\/+$/, "") || "/";
    const parts = pathSegments(path);
    // Before anything is read or served: kube-apiserver authenticates and authorizes ahead of every handler.
    const user = access.admit(req, path, parts, url.searchParams);
    const accept = req.headers.accept;

    if (req.method === "GET" || req.method === "HEAD") {
      switch (path) {
        case "/version":
          return sendJson(res, 200, KUBERNETES_VERSION, { "Cache-Control": "no-cache, private" });
        case "/healthz":
        case "/livez":
        case "/readyz":
          res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8" });
          return void res.end("ok");
        case "/api":
          return wantsAggregated(accept)
            ? sendJson(res, 200, aggregatedCore(), { "Content-Type": AGGREGATED_CONTENT_TYPE })
            : sendJson(res, 200, legacyCoreVersions());
        case "/apis":
          return wantsAggregated(accept)
            ? sendJson(res, 200, aggregatedGroups(), { "Content-Type": AGGREGATED_CONTENT_TYPE })
            : sendJson(res, 200, legacyGroupList());
        case "/openapi/v3":
          return sendJson(res, 200, openApiRoot(), { "Cache-Control": "no-cache, private" });
        case "/openapi/v2":
          throw new ApiError(404, "NotFound", "the server could not find the requested resource");
      }
      if (path.startsWith("/openapi/v3/")) {
        const doc = openApiDocument(path.slice("/openapi/v3/".length));
        if (!doc) throw new ApiError(404, "NotFound", "the server could not find the requested resource");
        res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "public, immutable" });
        return void res.end(doc);
      }
      const proxy = POD_PROXY.exec(path);
      if (proxy) return podProxy(res, proxy);
      if (parts[0] === "api" && parts.length === 2) {
        const list = legacyResourceList("", parts[1]!);
        if (list) return sendJson(res, 200, list);
      }
      if (parts[0] === "apis" && parts.length === 2) {
        const group = legacyGroup(parts[1]!);
        if (group) return sendJson(res, 200, group);
      }
      if (parts[0] === "apis" && parts.length === 3) {
        const list = legacyResourceList(parts[1]!, parts[2]!);
        if (list) return sendJson(res, 200, list);
      }
    }

    const parsed = parseResourcePath(parts);
    if (!parsed || parsed === "unknown-resource") {
      throw new ApiError(404, "NotFound", "the server could not find the requested resource");
    }
    if (await access.serve(req, res, parsed, user, url.searchParams)) return;
    await resources.handle(req, res, parsed, url.searchParams, actorOf(user));
  }

  /**
   * kube-apiserver's pod proxy (pkg/registry/core/pod/strategy.go ResourceLocation, then
   * k8s.io/apimachinery pkg/util/proxy): without a port, the first port the pod's containers
   * declare; a pod without an IP is a 400; a port nothing listens on is the dial error, a 503.
   */
  function podProxy(res: ServerResponse, m: RegExpExecArray): void {
    const [, namespace, podName, port, rest] = m;
    const pod = opts.registry.getShared(PODS, namespace, podName!) as ProxiedPod | undefined;
    if (!pod) throw ApiError.notFound(PODS, podName!);
    const podIP = pod.status?.podIP ?? "";
    if (!isProxyableIP(podIP)) throw ApiError.badRequest("address not allowed");
    const target = port === undefined ? firstDeclaredPort(pod) : Number(port);
    const answer = target === undefined ? undefined : opts.podProxy?.(namespace!, podName!, target, (rest ?? "/").replace(/^\//, ""));
    if (!answer) {
      const address = target === undefined ? podIP : `${podIP}:${target}`;
      throw new ApiError(503, "ServiceUnavailable", `error trying to reach service: dial tcp ${address}: connect: connection refused`);
    }
    res.writeHead(answer.status, { "Content-Type": answer.contentType, "Content-Length": answer.body.length });
    res.end(Buffer.from(answer.body));
  }

  function requestUrl(target: string | undefined): URL {
    try {
      return new URL(target ?? "/", "http://localhost");
    } catch {
      throw ApiError.badRequest(`malformed request target ${JSON.stringify(target)}`);
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = opts.host ?? "127.0.0.1";
  return {
    url: `https://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
