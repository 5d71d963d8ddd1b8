import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getCondition } from "../../lib/knative/conditions";
import type { Condition, KubeObject, Revision, Service } from "../../lib/knative/types";
import { ADMIN } from "../core/registry";
import { PODS, REVISIONS, SERVICES } from "../core/resources";
import { isPodReady, type Pod } from "./pods";
import { deployHello, helloService, READY_DELAY_MS, startTestCluster, useFakeClock, type TestCluster } from "./testing/test-cluster";

const GRACE_MS = 30_000;
let cluster: TestCluster;
beforeEach(async () => {
  useFakeClock();
  cluster = await startTestCluster({ scaleToZeroGraceMs: GRACE_MS });
});
afterEach(async () => {
  await cluster.stop();
  vi.useRealTimers();
});

const revision = (name = "hello-00001") => cluster.registry.get<Revision>(REVISIONS, "default", name)!;
const condition = (obj: { status?: unknown }, type: string) => getCondition(obj.status as { conditions?: Condition[] }, type);
const brief = (c: Condition | undefined) => c && { status: c.status, severity: c.severity, reason: c.reason, message: c.message };
const pods = (rev = "hello-00001") => cluster.registry.list<Pod>(PODS, "default", { "serving.knative.dev/revision": rev });

const deploy = (annotations?: Record<string, string>) => deployHello(cluster, annotations);

describe("scale to zero", () => {
  it("holds a revision that is slower to start than the grace period at its initial scale until it serves", async () => {
    await cluster.stop();
    const slowStart = 5_000; // more than two KPA ticks, and far more than the grace period
    cluster = await startTestCluster({ scaleToZeroGraceMs: 250, readyDelayMs: slowStart });
    cluster.registry.create(SERVICES, helloService(), ADMIN);
    await cluster.idle();
    await cluster.advance(slowStart);
    expect(condition(revision(), "Ready")?.status).toBe("True");
    expect(pods().filter(isPodReady)).toHaveLength(1);
    // Once it has served, the grace period applies.
    await cluster.advance(5_000);
    expect(revision().status).toMatchObject({ actualReplicas: 0, desiredReplicas: 0 });
  });

  it("removes the pods after the grace period without traffic; the revision stays Ready", async () => {
    await deploy();
    await cluster.advance(GRACE_MS - 4_000);
    expect(pods()).toHaveLength(1);
    await cluster.advance(6_000);
    expect(pods()).toEqual([]);
    const rev = revision();
    expect(brief(condition(rev, "Active"))).toEqual({ status: "False", severity: "Info", reason: "NoTraffic", message: "The target is not receiving traffic." });
    expect(condition(rev, "Ready")?.status).toBe("True");
    expect(rev.status).toMatchObject({ actualReplicas: 0, desiredReplicas: 0 });
    expect(condition(cluster.registry.get<Service>(SERVICES, "default", "hello")!, "Ready")?.status).toBe("True");
  });

  it("keeps serving while requests keep coming", async () => {
    await deploy();
    for (let t = 0; t < 3 * GRACE_MS; t += 10_000) {
      cluster.stats.setConcurrency("default", "hello-00001", 1);
      await cluster.advance(10_000);
    }
    expect(pods()).toHaveLength(1);
  });

  it("never goes below min-scale", async () => {
    await deploy({ "autoscaling.knative.dev/min-scale": "2" });
    expect(pods().filter(isPodReady)).toHaveLength(2);
    expect(condition(revision(), "Ready")?.status).toBe("True");
    await cluster.advance(2 * GRACE_MS);
    expect(pods()).toHaveLength(2);
    expect(revision().status).toMatchObject({ actualReplicas: 2, desiredReplicas: 2 });
  });
});

describe("activation", () => {
  it("scales from zero to one and resolves once a pod is ready", async () => {
    await deploy();
    await cluster.advance(GRACE_MS + 2_000);
    expect(pods()).toEqual([]);

    let activated = false;
    const activation = cluster.controllers.activator.activate("default", "hello-00001").then(() => (activated = true));
    await cluster.idle();
    expect(brief(condition(revision(), "Active"))).toEqual({
      status: "Unknown",
      severity: "Info",
      reason: "Queued",
      message: "Requests to the target are being buffered as resources are provisioned.",
    });
    expect(revision().status).toMatchObject({ actualReplicas: 0, desiredReplicas: 1 });
    expect(pods()).toHaveLength(1);
    expect(activated).toBe(false);

    await cluster.advance(READY_DELAY_MS);
    await activation;
    expect(activated).toBe(true);
    expect(condition(revision(), "Active")?.status).toBe("True");
    expect(revision().status).toMatchObject({ actualReplicas: 1, desiredReplicas: 1 });
  });

  it("resolves at once when a pod is ready", async () => {
    await deploy();
    await expect(cluster.controllers.activator.activate("default", "hello-00001")).resolves.toBeUndefined();
  });

  it("restarts the grace period", async () => {
    await deploy();
    await cluster.advance(GRACE_MS - 4_000);
    await cluster.controllers.activator.activate("default", "hello-00001");
    await cluster.advance(GRACE_MS - 4_000);
    expect(pods()).toHaveLength(1);
  });

  it("can be abandoned", async () => {
    await deploy();
    await cluster.advance(GRACE_MS + 2_000);
    const abort = new AbortController();
    const activation = cluster.controllers.activator.activate("default", "hello-00001", abort.signal);
    abort.abort(new Error("client went away"));
    await expect(activation).rejects.toThrow("client went away");
  });

  it("fails when the revision is deleted meanwhile", async () => {
    await deploy();
    await cluster.advance(GRACE_MS + 2_000);
    const activation = cluster.controllers.activator.activate("default", "hello-00001");
    cluster.registry.delete(SERVICES, "default", "hello", ADMIN);
    await expect(activation).rejects.toThrow('revision "hello-00001" was deleted');
  });
});

describe("scaling on concurrency", () => {
  it("adds pods for concurrency above 70 per pod, up to max-scale", async () => {
    await deploy({ "autoscaling.knative.dev/max-scale": "3" });
    cluster.stats.setConcurrency("default", "hello-00001", 150);
    await cluster.advance(2_000);
    expect(revision().status?.desiredReplicas).toBe(3);
    cluster.stats.setConcurrency("default", "hello-00001", 1_000);
    await cluster.advance(2_000 + READY_DELAY_MS);
    expect(pods().filter(isPodReady)).toHaveLength(3);
    expect(revision().status).toMatchObject({ actualReplicas: 3, desiredReplicas: 3 });
  });

  it("scales back down once the panic window has passed", async () => {
    await deploy();
    cluster.stats.setConcurrency("default", "hello-00001", 150);
    await cluster.advance(2_000 + READY_DELAY_MS);
    expect(pods()).toHaveLength(3);
    cluster.stats.setConcurrency("default", "hello-00001", 10);
    await cluster.advance(10_000);
    expect(pods()).toHaveLength(3);
    await cluster.advance(60_000);
    cluster.stats.setConcurrency("default", "hello-00001", 10);
    await cluster.advance(4_000);
    expect(pods()).toHaveLength(1);
  });
});

describe("restart", () => {
  it("makes pods that were starting ready, and keeps a revision at zero at zero", async () => {
    cluster.registry.create(SERVICES, helloService(), ADMIN);
    await cluster.idle();
    cluster.restart();
    await cluster.idle();
    await cluster.advance(READY_DELAY_MS);
    expect(pods().filter(isPodReady)).toHaveLength(1);

    await cluster.advance(GRACE_MS + 2_000);
    cluster.restart();
    await cluster.advance(4_000);
    expect(pods()).toEqual([]);
    expect((revision() as KubeObject & Revision).status?.desiredReplicas).toBe(0);
  });
});
