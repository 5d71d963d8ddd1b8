// client-node API clients per cluster, made once per KubeConfig and reused. Every call made
// through `callOptions()` carries a deadline: a cluster that hangs must turn into a timeout
// error on the page, not a request that never ends; and it reuses a kept-alive connection.

import http from "node:http";
import https from "node:https";
import {
  ApiextensionsV1Api,
  AppsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  type KubeConfig,
  Observable,
  VersionApi,
  type ConfigurationOptions,
  type ObservableMiddleware,
} from "@kubernetes/client-node";
import type { ClusterRef } from "./cluster-ref";
import { keepAliveAgent } from "./keep-alive-agents";
import { LocalFailure } from "./local-failures";

export interface ClusterApis {
  kubeConfig: KubeConfig;
  core: CoreV1Api;
  apps: AppsV1Api;
  custom: CustomObjectsApi;
  version: VersionApi;
  apiextensions: ApiextensionsV1Api;
}

/** Reads that a page waits for; long enough for a slow real cluster, short enough to give up. */
export const DEFAULT_TIMEOUT_MS = 10_000;

const clientsByConfig = new WeakMap<KubeConfig, ClusterApis>();

export function apisFor(cluster: ClusterRef): ClusterApis {
  const kc = cluster.kubeConfig;
  if (!kc) {
    const reason = cluster.unavailableReason ?? "not configured";
    throw new LocalFailure(reason, `The cluster "${cluster.name}" is not available: ${reason}.`);
  }
  let apis = clientsByConfig.get(kc);
  if (!apis) {
    apis = {
      kubeConfig: kc,
      core: kc.makeApiClient(CoreV1Api),
      apps: kc.makeApiClient(AppsV1Api),
      custom: kc.makeApiClient(CustomObjectsApi),
      version: kc.makeApiClient(VersionApi),
      apiextensions: kc.makeApiClient(ApiextensionsV1Api),
    };
    clientsByConfig.set(kc, apis);
  }
  return apis;
}

function deadlineMiddleware(timeoutMs: number): ObservableMiddleware {
  return {
    pre: (ctx) => {
      ctx.setSignal(AbortSignal.timeout(timeoutMs));
      // client-node made a fresh agent for this call; reuse a kept-alive one with the same TLS material.
      const agent = ctx.getAgent();
      if (agent instanceof https.Agent) ctx.setAgent(keepAliveAgent(true, agent.options));
      else if (agent instanceof http.Agent) ctx.setAgent(keepAliveAgent(false));
      return new Observable(Promise.resolve(ctx));
    },
    post: (ctx) => new Observable(Promise.resolve(ctx)),
  };
}

/** Per-call options that add a deadline while keeping the client's own middleware. */
export function callOptions(timeoutMs = DEFAULT_TIMEOUT_MS): ConfigurationOptions {
  return { middleware: [deadlineMiddleware(timeoutMs)], middlewareMergeStrategy: "append" };
}

/**
 * client-node's typed core models are class instances (with Date fields); server pages hand
 * their data to client components, which accept plain JSON only. One round trip makes them the
 * same JSON the /api routes send.
 */
export function toPlainJson<T>(value: unknown): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
