// A registry with the controllers running, on vitest's fake clock (setTimeout, setInterval and
// Date are faked; setImmediate and microtasks stay real so that registry events flow).

import { vi } from "vitest";
import type { Service, TrafficTarget } from "../../../lib/knative/types";
import { ADMIN, type Registry } from "../../core/registry";
import { NAMESPACES, SERVICES } from "../../core/resources";
import { startControllers, type RunningControllers } from "../index";
import { FakeRegistry } from "./fake-registry";
import { FakeStats } from "./fake-stats";

export const READY_DELAY_MS = 1_000;

export interface TestCluster {
  registry: FakeRegistry;
  stats: FakeStats;
  controllers: RunningControllers;
  /** Waits until the controllers have nothing left to do. */
  idle(): Promise<void>;
  /** Moves the fake clock forward (firing timers on the way), then waits for idleness. */
  advance(ms: number): Promise<void>;
  /** Restarts the controllers over the same registry, as a process restart would. */
  restart(): void;
  stop(): void;
}

export function useFakeClock(): void {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"], now: Date.parse("2026-05-01T10:00:00Z") });
}

export async function startTestCluster(opts: { scaleToZeroGraceMs?: number; registry?: FakeRegistry } = {}): Promise<TestCluster> {
  const registry = opts.registry ?? new FakeRegistry();
  if (!registry.get(NAMESPACES, undefined, "default")) registry.create(NAMESPACES, { metadata: { name: "default" } }, ADMIN);
  const stats = new FakeStats();
  const start = () => startControllers({ registry, stats, readyDelayMs: READY_DELAY_MS, scaleToZeroGraceMs: opts.scaleToZeroGraceMs ?? 30_000 });
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
    stop: () => cluster.controllers.stop(),
  };
  await cluster.idle();
  return cluster;
}

/** A Service as the admission webhook leaves it (defaults applied). */
export function helloService(opts: { name?: string; target?: string; image?: string; traffic?: TrafficTarget[]; annotations?: Record<string, string> } = {}): Service {
  return {
    apiVersion: "serving.knative.dev/v1",
    kind: "Service",
    metadata: {
      name: opts.name ?? "hello",
      namespace: "default",
      annotations: { "serving.knative.dev/creator": "kubernetes-admin", "serving.knative.dev/lastModifier": "kubernetes-admin" },
    },
    spec: {
      template: {
        metadata: opts.annotations ? { annotations: opts.annotations } : {},
        spec: {
          containerConcurrency: 0,
          timeoutSeconds: 300,
          enableServiceLinks: false,
          containers: [
            {
              name: "user-container",
              image: opts.image ?? "ghcr.io/knative/helloworld-go:latest",
              ports: [{ containerPort: 8080, protocol: "TCP" }],
              env: [{ name: "TARGET", value: opts.target ?? "World" }],
              readinessProbe: { successThreshold: 1, tcpSocket: { port: 0 } },
              resources: {},
            },
          ],
        },
      },
      traffic: opts.traffic ?? [{ latestRevision: true, percent: 100 }],
    },
  };
}

/** Applies a change to the stored Service, as `kubectl edit` would. */
export function editService(registry: Registry, name: string, change: (svc: Service) => void): Service {
  const svc = registry.get<Service>(SERVICES, "default", name)!;
  change(svc);
  return registry.update<Service>(SERVICES, svc, ADMIN);
}
