// A small embedded cluster for data-plane tests and benches: the real ObjectRegistry over an
// in-memory store, with helpers that write what Knative's controllers would (Revisions with
// status, Route status.traffic, Pods), and a trivial Activator that "starts a pod" by marking the
// revision ready after a delay.

import type { EnvVar, KubeObject, Revision, Route, TrafficTarget } from "../../../lib/knative/types";
import { routeAddressUrl, routeUrl } from "../../../lib/knative/domain";
import { LABEL_CONFIGURATION, LABEL_REVISION, LABEL_SERVICE } from "../../../lib/knative/labels";
import { ObjectRegistry } from "../../core/object-registry";
import { ADMIN, CONTROLLER } from "../../core/registry";
import type { Activator } from "../../core/runtime";
import { CONFIGMAPS, NAMESPACES, PODS, REVISIONS, ROUTES, SECRETS } from "../../core/resources";
import { createMemoryStore } from "./memory-store";

export const HELLOWORLD_IMAGE = "ghcr.io/knative/helloworld-go:latest";

export interface RevisionSeed {
  namespace?: string;
  name: string;
  /** The Service (and Configuration) it belongs to; defaults to the name without `-0000n`. */
  service?: string;
  image?: string;
  env?: EnvVar[];
  /** Ready pods (status.actualReplicas). Default 1; 0 means scaled to zero (Active=False). */
  replicas?: number;
  timeoutSeconds?: number;
}

export class TestCluster {
  readonly registry = new ObjectRegistry(createMemoryStore());

  namespace(name: string): void {
    if (!this.registry.get(NAMESPACES, undefined, name)) this.registry.create(NAMESPACES, { metadata: { name } }, ADMIN);
  }

  addRevision(seed: RevisionSeed): Revision {
    const namespace = seed.namespace ?? "default";
    this.namespace(namespace);
    const service = seed.service ?? seed.name.replace(/-\d{5}$/, "");
    const revision: Revision = {
      metadata: { name: seed.name, namespace, labels: { [LABEL_SERVICE]: service, [LABEL_CONFIGURATION]: service } },
      spec: {
        containers: [{ image: seed.image ?? HELLOWORLD_IMAGE, ports: [{ containerPort: 8080 }], env: seed.env ?? [] }],
        ...(seed.timeoutSeconds !== undefined ? { timeoutSeconds: seed.timeoutSeconds } : {}),
      },
    };
    this.registry.create(REVISIONS, revision, CONTROLLER);
    return this.setReplicas(namespace, seed.name, seed.replicas ?? 1);
  }

  /** Writes the status the autoscaler would: actualReplicas and the Active condition. */
  setReplicas(namespace: string, name: string, replicas: number): Revision {
    const revision = this.registry.get<Revision>(REVISIONS, namespace, name)!;
    revision.status = {
      ...revision.status,
      actualReplicas: replicas,
      desiredReplicas: replicas,
      conditions: [
        { type: "Active", status: replicas > 0 ? "True" : "False", ...(replicas > 0 ? {} : { reason: "NoTraffic" }) },
        { type: "Ready", status: "True" },
      ],
    };
    return this.registry.update<Revision>(REVISIONS, revision, CONTROLLER, { subresource: "status" });
  }

  /** Creates or updates a Route whose status.traffic is `traffic` (as the route controller writes it). */
  setRoute(namespace: string, name: string, traffic: TrafficTarget[], opts: { domain?: string; labels?: Record<string, string> } = {}): Route {
    this.namespace(namespace);
    const domain = opts.domain ?? "example.com";
    let route = this.registry.get<Route>(ROUTES, namespace, name);
    if (!route) {
      route = this.registry.create<Route>(ROUTES, { metadata: { name, namespace, labels: opts.labels ?? {} }, spec: { traffic } }, CONTROLLER);
    } else {
      route.spec = { traffic };
      route = this.registry.update<Route>(ROUTES, route, CONTROLLER);
    }
    const identity = { name, namespace, labels: route.metadata.labels };
    route.status = {
      url: routeUrl(identity, domain),
      address: { url: routeAddressUrl(identity) },
      traffic: traffic.map((t) => (t.tag ? { ...t, url: routeUrl(identity, domain, t.tag) } : t)),
    };
    return this.registry.update<Route>(ROUTES, route, CONTROLLER, { subresource: "status" });
  }

  deleteRoute(namespace: string, name: string): void {
    this.registry.delete(ROUTES, namespace, name, CONTROLLER);
  }

  /** A pod of the revision; `queueProxyEnv` is its queue-proxy container's env (e.g. OBSERVABILITY_CONFIG). */
  addPod(namespace: string, revision: string, name: string, opts: { ready?: boolean; startTime?: string; queueProxyEnv?: Record<string, string> } = {}): void {
    this.namespace(namespace);
    const ready = opts.ready ?? true;
    const env = Object.entries(opts.queueProxyEnv ?? {}).map(([k, v]) => ({ name: k, value: v }));
    this.registry.create(
      PODS,
      {
        metadata: { name, namespace, labels: { [LABEL_REVISION]: revision } },
        spec: { containers: [{ name: "user-container" }, { name: "queue-proxy", env }] },
        status: {
          phase: "Running",
          startTime: opts.startTime ?? new Date().toISOString(),
          conditions: [{ type: "Ready", status: ready ? "True" : "False" }],
        },
      },
      CONTROLLER,
    );
  }

  /** Marks a pod Ready or not, as its readiness probe would. */
  setPodReady(namespace: string, name: string, ready: boolean): void {
    const pod = this.registry.get<{ metadata: { name: string }; status: { conditions: Array<{ type: string; status: string }> } } & KubeObject>(PODS, namespace, name)!;
    pod.status.conditions = [{ type: "Ready", status: ready ? "True" : "False" }];
    this.registry.update(PODS, pod, CONTROLLER, { subresource: "status" });
  }

  deletePod(namespace: string, name: string): void {
    this.registry.delete(PODS, namespace, name, CONTROLLER);
  }

  setConfigMap(namespace: string, name: string, data: Record<string, string>): void {
    this.namespace(namespace);
    const existing = this.registry.get(CONFIGMAPS, namespace, name);
    if (existing) this.registry.update(CONFIGMAPS, { ...existing, data }, ADMIN);
    else this.registry.create(CONFIGMAPS, { metadata: { name, namespace }, data }, ADMIN);
  }

  setSecret(namespace: string, name: string, stringValues: Record<string, string>): void {
    this.namespace(namespace);
    const data = Object.fromEntries(Object.entries(stringValues).map(([k, v]) => [k, Buffer.from(v).toString("base64")]));
    this.registry.create(SECRETS, { metadata: { name, namespace }, type: "Opaque", data }, ADMIN);
  }

  /** Resolves once the registry has delivered every change event committed so far. */
  async settle(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export interface TestActivator extends Activator {
  /** Revisions activated so far, `namespace/name`, in call order. */
  readonly calls: string[];
}

/**
 * Scales a revision from zero the way the real control plane ends up doing: after `delayMs` its
 * status says one ready pod. `fail` makes activation reject, as for a revision that cannot start.
 */
export function createTestActivator(cluster: TestCluster, opts: { delayMs?: number; fail?: string } = {}): TestActivator {
  const calls: string[] = [];
  const inProgress = new Map<string, Promise<void>>();
  return {
    calls,
    activate(namespace, revision, signal) {
      calls.push(`${namespace}/${revision}`);
      const key = `${namespace}/${revision}`;
      let started = inProgress.get(key);
      if (!started) {
        started = new Promise<void>((resolve, reject) => {
          setTimeout(() => {
            inProgress.delete(key);
            if (opts.fail) return reject(new Error(opts.fail));
            cluster.setReplicas(namespace, revision, 1);
            resolve();
          }, opts.delayMs ?? 0);
        });
        inProgress.set(key, started);
      }
      if (!signal) return started;
      return Promise.race([
        started,
        new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(signal.reason), { once: true })),
      ]);
    },
  };
}
