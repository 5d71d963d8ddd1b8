import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getCondition } from "../../lib/knative/conditions";
import type { Condition, Configuration, KubeObject, Revision, Service } from "../../lib/knative/types";
import { ADMIN } from "../core/registry";
import { CONFIGURATIONS, EVENTS, PODS, REVISIONS, SERVICES } from "../core/resources";
import { containerMissingMessage } from "./revision";
import { editService, helloService, READY_DELAY_MS, startTestCluster, useFakeClock, type TestCluster } from "./testing/test-cluster";

let cluster: TestCluster;
beforeEach(async () => {
  useFakeClock();
  cluster = await startTestCluster();
});
afterEach(async () => {
  await cluster.stop();
  vi.useRealTimers();
});

const get = <T extends KubeObject>(type: typeof SERVICES, name: string) => cluster.registry.get<T>(type, "default", name)!;
const condition = (obj: { status?: unknown }, type: string) => getCondition(obj.status as { conditions?: Condition[] }, type);
const brief = (c: Condition | undefined) => c && { status: c.status, reason: c.reason, message: c.message };

describe("containerMissingMessage", () => {
  it.each([
    [
      "ghcr.io/acme/does-not-exist:v1",
      'Unable to fetch image "ghcr.io/acme/does-not-exist:v1": failed to resolve image to digest: GET https://ghcr.io/v2/acme/does-not-exist/manifests/v1: MANIFEST_UNKNOWN: manifest unknown',
    ],
    [
      "nonexistent",
      'Unable to fetch image "nonexistent": failed to resolve image to digest: GET https://index.docker.io/v2/library/nonexistent/manifests/latest: MANIFEST_UNKNOWN: manifest unknown',
    ],
    [
      "docker.io/acme/app:missing",
      'Unable to fetch image "docker.io/acme/app:missing": failed to resolve image to digest: GET https://index.docker.io/v2/acme/app/manifests/missing: MANIFEST_UNKNOWN: manifest unknown',
    ],
  ])("%s", (image, want) => {
    expect(containerMissingMessage(image)).toBe(want);
  });
});

describe("an image that cannot be pulled", () => {
  it("fails the revision with ContainerMissing and keeps traffic on the previous one", async () => {
    cluster.registry.create(SERVICES, helloService(), ADMIN);
    await cluster.idle();
    await cluster.advance(READY_DELAY_MS);
    editService(cluster.registry, "hello", (svc) => (svc.spec.template.spec.containers[0]!.image = "ghcr.io/knative/helloworld-go:missing"));
    await cluster.idle();
    await cluster.advance(READY_DELAY_MS);

    const message = containerMissingMessage("ghcr.io/knative/helloworld-go:missing");
    const rev = get<Revision>(REVISIONS, "hello-00002");
    expect(brief(condition(rev, "ContainerHealthy"))).toEqual({ status: "False", reason: "ContainerMissing", message });
    expect(brief(condition(rev, "Ready"))).toEqual({ status: "False", reason: "ContainerMissing", message });
    expect(brief(condition(rev, "ResourcesAvailable"))).toEqual({ status: "Unknown", reason: "ResolvingDigests", message: undefined });
    expect(rev.status?.containerStatuses).toBeUndefined();
    expect(cluster.registry.list(PODS, "default", { "serving.knative.dev/revision": "hello-00002" })).toEqual([]);

    const failed = { status: "False", reason: "RevisionFailed", message: `Revision "hello-00002" failed with message: ${message}.` };
    expect(brief(condition(get<Configuration>(CONFIGURATIONS, "hello"), "Ready"))).toEqual(failed);
    const svc = get<Service>(SERVICES, "hello");
    expect(brief(condition(svc, "ConfigurationsReady"))).toEqual(failed);
    expect(brief(condition(svc, "Ready"))).toEqual(failed);
    expect(condition(svc, "RoutesReady")?.status).toBe("True");
    expect(svc.status).toMatchObject({
      latestCreatedRevisionName: "hello-00002",
      latestReadyRevisionName: "hello-00001",
      traffic: [{ latestRevision: true, percent: 100, revisionName: "hello-00001" }],
    });

    const events = cluster.registry.list<KubeObject & { reason: string; message: string; type: string; count: number }>(EVENTS, "default");
    expect(events.find((e) => e.reason === "LatestCreatedFailed")).toMatchObject({ type: "Warning", message: 'Latest created revision "hello-00002" has failed' });
    // The resolver retries with backoff; the repeats are counted on one event.
    const internalErrors = events.filter((e) => e.reason === "InternalError");
    expect(internalErrors).toHaveLength(1);
    expect(internalErrors[0]).toMatchObject({ type: "Warning", message, involvedObject: { kind: "Revision", name: "hello-00002" } });
    expect(internalErrors[0]!.count).toBeGreaterThan(1);
  });

  it("rejects activation with the failure", async () => {
    cluster.registry.create(SERVICES, helloService({ image: "ghcr.io/acme/does-not-exist" }), ADMIN);
    await cluster.idle();
    await expect(cluster.controllers.activator.activate("default", "hello-00001")).rejects.toThrow(containerMissingMessage("ghcr.io/acme/does-not-exist"));
    await expect(cluster.controllers.activator.activate("default", "nope-00001")).rejects.toThrow('revision "nope-00001" not found');
  });
});

describe("pods", () => {
  it("runs one pod per replica, labelled and named as a Deployment's", async () => {
    cluster.registry.create(SERVICES, helloService(), ADMIN);
    await cluster.idle();
    const [pending] = cluster.registry.list<KubeObject & { status: { phase: string } }>(PODS, "default");
    expect(pending?.status.phase).toBe("Pending");
    await cluster.advance(READY_DELAY_MS);

    const rev = get<Revision>(REVISIONS, "hello-00001");
    const pods = cluster.registry.list<KubeObject & { spec: { containers: Array<{ name: string; ports: unknown[] }> }; status: Record<string, unknown> }>(
      PODS,
      "default",
    );
    expect(pods).toHaveLength(1);
    const pod = pods[0]!;
    expect(pod.metadata.name).toMatch(/^hello-00001-deployment-[bcdf2ghjklmnpqrs4tvwxz5678]+-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pod.metadata.labels).toMatchObject({
      app: "hello-00001",
      "serving.knative.dev/service": "hello",
      "serving.knative.dev/configuration": "hello",
      "serving.knative.dev/configurationGeneration": "1",
      "serving.knative.dev/revision": "hello-00001",
      "serving.knative.dev/revisionUID": rev.metadata.uid,
    });
    expect(pod.metadata.labels?.["serving.knative.dev/routingState"]).toBeUndefined();
    expect(pod.metadata.annotations?.["kubectl.kubernetes.io/default-container"]).toBe("user-container");
    expect(pod.spec.containers.map((c) => c.name)).toEqual(["user-container", "queue-proxy"]);
    expect(pod.spec.containers[0]!.ports).toEqual([{ name: "user-port", containerPort: 8080, protocol: "TCP" }]);
    expect(pod.spec.containers[1]!.ports).toEqual([
      { name: "http-autometric", containerPort: 9090, protocol: "TCP" },
      { name: "http-usermetric", containerPort: 9091, protocol: "TCP" },
      { name: "queue-port", containerPort: 8012, protocol: "TCP" },
    ]);
    expect(pod.status).toMatchObject({ phase: "Running", podIP: expect.stringMatching(/^10\.244\.\d+\.\d+$/) });
    expect(pod.status.conditions).toContainEqual(expect.objectContaining({ type: "Ready", status: "True" }));
  });
});
