// The embedded cluster's real registry (SQLite store in a temporary directory, with
// kube-apiserver's and Knative's admission) with the controllers running, on vitest's fake clock
// (setTimeout, setInterval and Date are faked; setImmediate and microtasks stay real so that
// registry events flow).

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { vi } from "vitest";
import { SERVING_API_VERSION, type Service, type TrafficTarget } from "../../../lib/knative/types";
import { builtinAdmission } from "../../core/builtin-admission";
import { ObjectRegistry } from "../../core/object-registry";
import { ADMIN, type Registry } from "../../core/registry";
import { NAMESPACES, SERVICES } from "../../core/resources";
import { knativeAdmissionPlugins } from "../../knative/admission";
import { openSqliteStore } from "../../store/sqlite-store";
import { startControllers, type RunningControllers } from "../index";
import { FakeStats } from "./fake-stats";

export const READY_DELAY_MS = 1_000;

export interface TestCluster {
  registry: ObjectRegistry;
  stats: FakeStats;
  controllers: RunningControllers;
  /** Waits until the controllers have nothing left to do. */
  idle(): Promise<void>;
  /** Moves the fake clock forward (firing timers on the way), then waits for idleness. */
  advance(ms: number): Promise<void>;
  /** Restarts the controllers over the same registry, as a process restart would. */
  restart(): void;
  /** Stops the controllers and removes the store, once background writes have settled. */
  stop(): Promise<void>;
}

export function useFakeClock(): void {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"], now: Date.parse("2026-05-01T10:00:00Z") });
}

/** The real registry over a SQLite store in a temporary directory, with namespace `default`. */
export function createTestRegistry(): { registry: ObjectRegistry; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "controllers-test-"));
  const store = openSqliteStore(dir);
  const registry = new ObjectRegistry(store, [builtinAdmission, ...knativeAdmissionPlugins()]);
  registry.create(NAMESPACES, { metadata: { name: "default" } }, ADMIN);
  return {
    registry,
    remove() {
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startTestCluster(opts: { scaleToZeroGraceMs?: number; readyDelayMs?: number } = {}): Promise<TestCluster> {
  const storage = createTestRegistry();
  const { registry } = storage;
  const stats = new FakeStats();
  const start = () => startControllers({ registry, stats, readyDelayMs: opts.readyDelayMs ?? READY_DELAY_MS, scaleToZeroGraceMs: opts.scaleToZeroGraceMs ?? 30_000 });
  const cluster: TestCluster = {
    registry,
    stats,
    controllers: start(),
    idle: () => cluster.controllers.idle(),
    async advance(ms: number) {
      // Step so that timers scheduled by reconciles triggered on the way fire too.
      const step = 100;
      for (let done = 0; done < ms; done += step) {
        await vi.advanceTimersByTimeAsync(Math.min(step, ms - done));
        await cluster.idle();
      }
    },
    restart() {
      cluster.controllers.stop();
      cluster.controllers = start();
    },
    async stop() {
      await cluster.idle();
      cluster.controllers.stop();
      await new Promise((resolve) => setImmediate(resolve));
      storage.remove();
    },
  };
  await cluster.idle();
  return cluster;
}

/** A Service as `kubectl apply` of the getting-started YAML sends it. */
export function helloService(opts: { name?: string; target?: string; image?: string; traffic?: TrafficTarget[]; annotations?: Record<string, string> } = {}): Service {
  return {
    apiVersion: SERVING_API_VERSION,
    kind: "Service",
    metadata: {
      name: opts.name ?? "hello",
      namespace: "default",
    },
    spec: {
      template: {
        metadata: opts.annotations ? { annotations: opts.annotations } : {},
        spec: {
          containers: [
            {
              image: opts.image ?? "ghcr.io/knative/helloworld-go:latest",
              ports: [{ containerPort: 8080 }],
              env: [{ name: "TARGET", value: opts.target ?? "World" }],
            },
          ],
        },
      },
      ...(opts.traffic ? { traffic: opts.traffic } : {}),
    },
  };
}

/** Creates helloService with these template annotations and waits until its first pod is ready. */
export async function deployHello(cluster: TestCluster, annotations?: Record<string, string>): Promise<void> {
  cluster.registry.create(SERVICES, helloService({ annotations }), ADMIN);
  await cluster.idle();
  await cluster.advance(READY_DELAY_MS);
}

/** Applies a change to the stored Service, as `kubectl edit` would. */
export function editService(registry: Registry, name: string, change: (svc: Service) => void): Service {
  const svc = registry.get<Service>(SERVICES, "default", name)!;
  change(svc);
  return registry.update<Service>(SERVICES, svc, ADMIN);
}
