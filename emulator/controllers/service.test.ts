import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getCondition } from "../../lib/knative/conditions";
import type { Configuration, Condition, KubeObject, Revision, Route, Service } from "../../lib/knative/types";
import { ADMIN } from "../core/registry";
import { CONFIGURATIONS, EVENTS, PODS, REVISIONS, ROUTES, SERVICES, type ResourceType } from "../core/resources";
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

const get = <T extends KubeObject>(type: ResourceType, name: string) => cluster.registry.get<T>(type, "default", name);
const service = (name = "hello") => get<Service>(SERVICES, name)!;
const condition = (obj: { status?: unknown } | undefined, type: string) => getCondition(obj?.status as { conditions?: Condition[] }, type);
const brief = (c: Condition | undefined) => c && { status: c.status, reason: c.reason, message: c.message };
const eventMessages = (kind: string, name = "hello") =>
  cluster.registry
    .list<KubeObject & { involvedObject: { kind: string; name: string }; reason: string; message: string }>(EVENTS, "default")
    .filter((e) => e.involvedObject.kind === kind && e.involvedObject.name === name)
    .map((e) => `${e.reason}: ${e.message}`);

/** Records every Ready condition a Service goes through. */
function recordServiceReadiness(name = "hello"): Array<string | undefined> {
  const seen: Array<string | undefined> = [];
  cluster.registry.subscribe((e) => {
    if (e.resourceType === SERVICES && e.object.metadata.name === name) {
      const ready = condition(e.object, "Ready");
      const last = `${ready?.status}/${ready?.reason ?? ""}`;
      if (seen[seen.length - 1] !== last) seen.push(last);
    }
  });
  return seen;
}

async function createReadyHello(): Promise<void> {
  cluster.registry.create(SERVICES, helloService(), ADMIN);
  await cluster.idle();
  await cluster.advance(READY_DELAY_MS);
}

describe("a new Service", () => {
  it("creates its Configuration and Route, owned and labelled as Knative does", async () => {
    cluster.registry.create(SERVICES, helloService({ annotations: undefined }), ADMIN);
    await cluster.idle();
    const svc = service();
    const owner = { apiVersion: "serving.knative.dev/v1", kind: "Service", name: "hello", uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true };

    const config = get<Configuration>(CONFIGURATIONS, "hello")!;
    expect(config.metadata.ownerReferences).toEqual([owner]);
    expect(config.metadata.labels).toEqual({ "serving.knative.dev/service": "hello", "serving.knative.dev/serviceUID": svc.metadata.uid });
    expect(config.metadata.annotations).toEqual({
      "serving.knative.dev/creator": "kubernetes-admin",
      "serving.knative.dev/lastModifier": "kubernetes-admin",
      "serving.knative.dev/routes": "hello",
    });
    expect(config.spec.template).toEqual(svc.spec.template);

    const route = get<Route>(ROUTES, "hello")!;
    expect(route.metadata.ownerReferences).toEqual([owner]);
    expect(route.metadata.labels).toEqual({ "serving.knative.dev/service": "hello" });
    expect(route.spec.traffic).toEqual([{ latestRevision: true, percent: 100, configurationName: "hello" }]);

    expect(eventMessages("Service")).toEqual(['Created: Created Configuration "hello"', 'Created: Created Route "hello"']);
  });

  it("stamps hello-00001 and reports progress while it deploys", async () => {
    cluster.registry.create(SERVICES, helloService(), ADMIN);
    await cluster.idle();
    const rev = get<Revision>(REVISIONS, "hello-00001")!;
    const config = get<Configuration>(CONFIGURATIONS, "hello")!;
    expect(rev.metadata.labels).toEqual({
      "serving.knative.dev/configuration": "hello",
      "serving.knative.dev/configurationGeneration": "1",
      "serving.knative.dev/configurationUID": config.metadata.uid,
      "serving.knative.dev/routingState": "active",
      "serving.knative.dev/service": "hello",
      "serving.knative.dev/serviceUID": service().metadata.uid,
    });
    expect(rev.metadata.annotations).toMatchObject({ "serving.knative.dev/creator": "kubernetes-admin", "serving.knative.dev/routes": "hello" });
    expect(rev.metadata.ownerReferences?.[0]).toMatchObject({ kind: "Configuration", name: "hello", uid: config.metadata.uid, controller: true });
    expect(rev.spec).toEqual(config.spec.template.spec);
    expect(brief(condition(rev, "Ready"))).toEqual({ status: "Unknown", reason: "Deploying", message: undefined });
    expect(rev.status).toMatchObject({ actualReplicas: 0, desiredReplicas: 1 });

    expect(brief(condition(get(ROUTES, "hello"), "AllTrafficAssigned"))).toEqual({
      status: "Unknown",
      reason: "RevisionMissing",
      message: 'Configuration "hello" is waiting for a Revision to become ready.',
    });
    expect(service().status).toMatchObject({ latestCreatedRevisionName: "hello-00001", url: "http://hello.default.example.com" });
    expect(brief(condition(service(), "Ready"))).toEqual({
      status: "Unknown",
      reason: "RevisionMissing",
      message: 'Configuration "hello" is waiting for a Revision to become ready.',
    });
    expect(eventMessages("Configuration")).toEqual(['Created: Created Revision "hello-00001"']);
  });

  it("becomes Ready once its revision is", async () => {
    const readiness = recordServiceReadiness();
    await createReadyHello();
    const svc = service();
    expect(svc.status).toMatchObject({
      observedGeneration: 1,
      url: "http://hello.default.example.com",
      address: { url: "http://hello.default.svc.cluster.local" },
      latestCreatedRevisionName: "hello-00001",
      latestReadyRevisionName: "hello-00001",
      traffic: [{ latestRevision: true, percent: 100, revisionName: "hello-00001" }],
    });
    expect(svc.status?.conditions?.map((c) => [c.type, c.status])).toEqual([
      ["ConfigurationsReady", "True"],
      ["Ready", "True"],
      ["RoutesReady", "True"],
    ]);
    expect(readiness).toEqual(["undefined/", "Unknown/OutOfDate", "Unknown/RevisionMissing", "True/"]);

    const route = get<Route>(ROUTES, "hello")!;
    expect(route.status?.conditions?.map((c) => [c.type, c.status, c.reason ?? ""])).toEqual([
      ["AllTrafficAssigned", "True", ""],
      ["CertificateProvisioned", "True", "TLSNotEnabled"],
      ["IngressReady", "True", ""],
      ["Ready", "True", ""],
    ]);
    expect(condition(route, "CertificateProvisioned")?.message).toBe("external-domain-tls is not enabled");

    const rev = get<Revision>(REVISIONS, "hello-00001")!;
    expect(rev.status?.conditions?.map((c) => [c.type, c.status])).toEqual([
      ["Active", "True"],
      ["ContainerHealthy", "True"],
      ["Ready", "True"],
      ["ResourcesAvailable", "True"],
    ]);
    expect(rev.status?.containerStatuses).toEqual([{ name: "user-container", imageDigest: expect.stringMatching(/^ghcr\.io\/knative\/helloworld-go@sha256:[0-9a-f]{64}$/) }]);
    expect(rev.status).toMatchObject({ actualReplicas: 1, desiredReplicas: 1, observedGeneration: 1 });

    expect(eventMessages("Configuration")).toEqual([
      'Created: Created Revision "hello-00001"',
      "ConfigurationReady: Configuration becomes ready",
      'LatestReadyUpdate: LatestReadyRevisionName updated to "hello-00001"',
    ]);
    expect(eventMessages("Revision", "hello-00001")).toEqual(["RevisionReady: Revision becomes ready upon all resources being ready"]);
  });

  it("writes nothing more once settled, and nothing after a restart", async () => {
    await createReadyHello();
    const before = cluster.registry.resourceVersion();
    await cluster.advance(10_000);
    cluster.restart();
    await cluster.idle();
    expect(cluster.registry.resourceVersion()).toBe(before);
  });

  it("is garbage-collected with everything it owns", async () => {
    await createReadyHello();
    cluster.registry.delete(SERVICES, "default", "hello", ADMIN);
    await cluster.idle();
    await cluster.idle();
    for (const type of [CONFIGURATIONS, ROUTES, REVISIONS, PODS]) expect(cluster.registry.list(type, "default")).toEqual([]);
  });
});

describe("updating the template", () => {
  it("stamps hello-00002 and moves traffic only once it is ready", async () => {
    await createReadyHello();
    const readiness = recordServiceReadiness();
    editService(cluster.registry, "hello", (svc) => (svc.spec.template.spec.containers[0]!.env = [{ name: "TARGET", value: "Knative" }]));
    await cluster.idle();

    const rev2 = get<Revision>(REVISIONS, "hello-00002")!;
    expect(rev2.metadata.labels?.["serving.knative.dev/configurationGeneration"]).toBe("2");
    let svc = service();
    expect(svc.status).toMatchObject({
      observedGeneration: 2,
      latestCreatedRevisionName: "hello-00002",
      latestReadyRevisionName: "hello-00001",
      traffic: [{ latestRevision: true, percent: 100, revisionName: "hello-00001" }],
    });
    expect(condition(svc, "Ready")?.status).toBe("Unknown");

    await cluster.advance(READY_DELAY_MS);
    svc = service();
    expect(svc.status).toMatchObject({
      latestReadyRevisionName: "hello-00002",
      traffic: [{ latestRevision: true, percent: 100, revisionName: "hello-00002" }],
    });
    expect(condition(svc, "Ready")?.status).toBe("True");
    // On the way the Service said which step it was waiting for, as `kn service update` prints it.
    expect(readiness).toEqual(["True/", "Unknown/OutOfDate", "Unknown/", "Unknown/TrafficNotMigrated", "True/"]);
  });

  it("changing only traffic creates no revision", async () => {
    await createReadyHello();
    editService(cluster.registry, "hello", (svc) => (svc.spec.traffic = [{ latestRevision: false, revisionName: "hello-00001", percent: 100 }]));
    await cluster.idle();
    expect(cluster.registry.list(REVISIONS, "default").map((r) => r.metadata.name)).toEqual(["hello-00001"]);
    expect(get<Configuration>(CONFIGURATIONS, "hello")?.metadata.generation).toBe(1);
    expect(service().status?.traffic).toEqual([{ latestRevision: false, percent: 100, revisionName: "hello-00001" }]);
    expect(get<Route>(ROUTES, "hello")?.spec.traffic).toEqual([{ latestRevision: false, revisionName: "hello-00001", percent: 100 }]);
  });
});

describe("traffic", () => {
  async function helloWithTwoRevisions(): Promise<void> {
    await createReadyHello();
    editService(cluster.registry, "hello", (svc) => (svc.spec.template.spec.containers[0]!.env = [{ name: "TARGET", value: "Knative" }]));
    await cluster.idle();
    await cluster.advance(READY_DELAY_MS);
  }

  it("splits 50/50 between the latest revision and a pinned one", async () => {
    await helloWithTwoRevisions();
    editService(cluster.registry, "hello", (svc) => {
      svc.spec.traffic = [
        { latestRevision: true, percent: 50 },
        { latestRevision: false, percent: 50, revisionName: "hello-00001" },
      ];
    });
    await cluster.idle();
    const svc = service();
    expect(svc.status?.traffic).toEqual([
      { latestRevision: true, percent: 50, revisionName: "hello-00002" },
      { latestRevision: false, percent: 50, revisionName: "hello-00001" },
    ]);
    expect(condition(svc, "Ready")?.status).toBe("True");
  });

  it("gives tagged targets their own URL", async () => {
    await helloWithTwoRevisions();
    editService(cluster.registry, "hello", (svc) => {
      svc.spec.traffic = [
        { latestRevision: true, percent: 100 },
        { tag: "candidate", latestRevision: false, percent: 0, revisionName: "hello-00001" },
      ];
    });
    await cluster.idle();
    expect(service().status?.traffic).toEqual([
      { latestRevision: true, percent: 100, revisionName: "hello-00002" },
      { tag: "candidate", latestRevision: false, percent: 0, revisionName: "hello-00001", url: "http://candidate-hello.default.example.com" },
    ]);
  });

  it("reports a missing revision in status, keeping the previous traffic", async () => {
    await createReadyHello();
    editService(cluster.registry, "hello", (svc) => (svc.spec.traffic = [{ latestRevision: false, percent: 100, revisionName: "hello-00009" }]));
    await cluster.idle();
    const missing = { status: "False", reason: "RevisionMissing", message: 'Revision "hello-00009" referenced in traffic not found.' };
    expect(brief(condition(get(ROUTES, "hello"), "AllTrafficAssigned"))).toEqual(missing);
    expect(brief(condition(service(), "RoutesReady"))).toEqual(missing);
    expect(brief(condition(service(), "Ready"))).toEqual(missing);
    expect(service().status?.traffic).toEqual([{ latestRevision: true, percent: 100, revisionName: "hello-00001" }]);
  });

  it("labels revisions with the routes that use them, and reserves unused ones", async () => {
    await helloWithTwoRevisions();
    const rev1 = get<Revision>(REVISIONS, "hello-00001")!;
    expect(rev1.metadata.labels?.["serving.knative.dev/routingState"]).toBe("reserve");
    expect(rev1.metadata.annotations?.["serving.knative.dev/routes"]).toBeUndefined();
    const rev2 = get<Revision>(REVISIONS, "hello-00002")!;
    expect(rev2.metadata.labels?.["serving.knative.dev/routingState"]).toBe("active");
    expect(rev2.metadata.annotations?.["serving.knative.dev/routes"]).toBe("hello");

    editService(cluster.registry, "hello", (svc) => (svc.spec.traffic = [{ latestRevision: false, percent: 100, revisionName: "hello-00001" }]));
    await cluster.idle();
    expect(get<Revision>(REVISIONS, "hello-00001")!.metadata.labels?.["serving.knative.dev/routingState"]).toBe("active");
    expect(get<Revision>(REVISIONS, "hello-00002")!.metadata.labels?.["serving.knative.dev/routingState"]).toBe("reserve");
  });
});

describe("ownership", () => {
  it("reports a same-named Configuration it does not own as NotOwned", async () => {
    cluster.registry.create(CONFIGURATIONS, { metadata: { name: "hello", namespace: "default" }, spec: helloService().spec }, ADMIN);
    cluster.registry.create(SERVICES, helloService(), ADMIN);
    await cluster.idle();
    const notOwned = { status: "False", reason: "NotOwned", message: 'There is an existing Configuration "hello" that we do not own.' };
    expect(brief(condition(service(), "ConfigurationsReady"))).toEqual(notOwned);
    expect(brief(condition(service(), "Ready"))).toEqual(notOwned);
    expect(eventMessages("Service")).toContain('InternalError: service: "hello" does not own configuration: "hello"');
    expect(get(ROUTES, "hello")).toBeUndefined();
  });
});

describe("bring-your-own revision names", () => {
  it("names the revision after the template", async () => {
    const svc = helloService();
    svc.spec.template.metadata = { name: "hello-first" };
    cluster.registry.create(SERVICES, svc, ADMIN);
    await cluster.idle();
    await cluster.advance(READY_DELAY_MS);
    expect(service().status).toMatchObject({ latestReadyRevisionName: "hello-first", traffic: [{ revisionName: "hello-first", percent: 100, latestRevision: true }] });
    expect(condition(service(), "Ready")?.status).toBe("True");
  });

  it("refuses a name taken by a Revision it does not own", async () => {
    const taken = helloService();
    cluster.registry.create(
      REVISIONS,
      { apiVersion: "serving.knative.dev/v1", kind: "Revision", metadata: { name: "hello-v1", namespace: "default" }, spec: taken.spec.template.spec },
      ADMIN,
    );
    taken.spec.template.metadata = { name: "hello-v1" };
    cluster.registry.create(SERVICES, taken, ADMIN);
    await cluster.idle();
    expect(brief(condition(get(CONFIGURATIONS, "hello"), "Ready"))).toEqual({
      status: "False",
      reason: "RevisionFailed",
      message: 'Revision creation failed with message: revisions.serving.knative.dev "hello-v1" already exists.',
    });
    expect(brief(condition(service(), "RoutesReady"))).toEqual({
      status: "False",
      reason: "RevisionNameTaken",
      message: 'The revision name "hello-v1" is taken by a conflicting Revision, so traffic will not be migrated',
    });
    expect(get(ROUTES, "hello")).toBeUndefined();
  });
});

describe("a standalone Configuration and Route", () => {
  it("serve without a Service", async () => {
    const template = helloService().spec.template;
    cluster.registry.create(CONFIGURATIONS, { apiVersion: "serving.knative.dev/v1", kind: "Configuration", metadata: { name: "solo", namespace: "default" }, spec: { template } }, ADMIN);
    cluster.registry.create(
      ROUTES,
      { apiVersion: "serving.knative.dev/v1", kind: "Route", metadata: { name: "solo", namespace: "default" }, spec: { traffic: [{ configurationName: "solo", percent: 100 }] } },
      ADMIN,
    );
    await cluster.idle();
    await cluster.advance(READY_DELAY_MS);
    const route = get<Route>(ROUTES, "solo")!;
    expect(condition(route, "Ready")?.status).toBe("True");
    expect(route.status).toMatchObject({ url: "http://solo.default.example.com", traffic: [{ revisionName: "solo-00001", latestRevision: true, percent: 100 }] });
    const rev = get<Revision>(REVISIONS, "solo-00001")!;
    expect(rev.metadata.labels?.["serving.knative.dev/service"]).toBeUndefined();
    expect(rev.metadata.annotations?.["serving.knative.dev/routes"]).toBe("solo");
    expect(get<Configuration>(CONFIGURATIONS, "solo")?.metadata.annotations?.["serving.knative.dev/routes"]).toBe("solo");

    cluster.registry.delete(ROUTES, "default", "solo", ADMIN);
    await cluster.idle();
    expect(get<Revision>(REVISIONS, "solo-00001")?.metadata.labels?.["serving.knative.dev/routingState"]).toBe("reserve");
    expect(get<Configuration>(CONFIGURATIONS, "solo")?.metadata.annotations?.["serving.knative.dev/routes"]).toBeUndefined();
  });
});
