// The console's access checks, audit trail and namespace-scoped reads against the embedded
// cluster, as its three seeded identities (the kubeconfig contexts it writes): the admin, the
// viewer (reads everything) and the developer (changes Knative Services in `default` only).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CoreV1Api, CustomObjectsApi, KubeConfig } from "@kubernetes/client-node";
import type { Service } from "@/lib/knative/types";
import { namespaceAccess } from "@/lib/k8s/access-review";
import type { ClusterRef } from "@/lib/k8s/cluster-ref";
import { toKubeStatus } from "@/lib/k8s/errors";
import { listNamespaces } from "@/lib/k8s/core-api";
import { detectKnative } from "@/lib/k8s/knative-installation";
import { listReadableServices } from "@/lib/k8s/readable-services";
import { updateTraffic } from "@/lib/k8s/service-edits";
import { startEmbeddedCluster, type EmbeddedCluster } from "@/emulator/cluster";
import { tempDataDir } from "@/emulator/testing/api-only";
import { hasKubectl, kubectlRunner } from "@/emulator/testing/kubectl";
import { until } from "@/emulator/testing/until";

const NAME = "helloworld-go";
const OTHER_NAMESPACE = "team-b";
const KSVC = { group: "serving.knative.dev", version: "v1", plural: "services", namespace: "default", name: NAME };

let cluster: EmbeddedCluster;
let admin: ClusterRef;
let viewer: ClusterRef;
let developer: ClusterRef;
let adminApi: CustomObjectsApi;

function refFor(context: string): ClusterRef {
  const kc = new KubeConfig();
  kc.loadFromFile(cluster.kubeconfig);
  kc.setCurrentContext(context);
  return { id: context, name: context, source: "kubeconfig", server: cluster.apiUrl, kubeConfig: kc };
}

const service = async () => (await adminApi.getNamespacedCustomObject(KSVC)) as Service;

beforeAll(async () => {
  cluster = await startEmbeddedCluster({ dataDir: tempDataDir(), port: 0, gatewayPort: 0, readyDelayMs: 100 });
  admin = refFor("knative-local");
  viewer = refFor("knative-local-viewer");
  developer = refFor("knative-local-developer");
  adminApi = admin.kubeConfig!.makeApiClient(CustomObjectsApi);
  await admin.kubeConfig!.makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name: OTHER_NAMESPACE } } });
  await until("helloworld-go Ready", async () => ((await service()).status?.conditions?.find((c) => c.type === "Ready")?.status === "True" ? true : undefined), 20_000);
});
afterAll(() => cluster?.stop());

describe("what each identity may do, as the cluster answers it", () => {
  it("the admin may do everything, and is named", async () => {
    const access = await namespaceAccess(admin, "default");
    expect(access.user).toBe("kubernetes-admin");
    expect(Object.values(access.allowed).every(Boolean)).toBe(true);
  });

  it("the viewer may read, watch the live traffic and send requests, and change nothing", async () => {
    const access = await namespaceAccess(viewer, "default");
    expect(access.user).toBe("knative-viewer");
    expect(access.allowed).toEqual({
      splitTraffic: false,
      createRevision: false,
      createService: false,
      deleteService: false,
      deleteRevision: false,
      sendRequests: true,
      liveTraffic: true,
      listPods: true,
      listConfigMaps: true,
      listSecrets: false,
      recordChanges: false,
    });
  });

  it("the developer may change Knative Services in default, and nothing in another namespace", async () => {
    const home = await namespaceAccess(developer, "default");
    expect(home.user).toBe("knative-developer");
    expect(home.allowed).toMatchObject({ splitTraffic: true, createRevision: true, createService: true, deleteService: true, deleteRevision: true, liveTraffic: true, recordChanges: false });
    const elsewhere = await namespaceAccess(developer, OTHER_NAMESPACE);
    expect(Object.values(elsewhere.allowed).some(Boolean)).toBe(false);
  });
});

describe("the audit trail", () => {
  it("records a split changed by the admin as an Event that kubectl events and kubectl describe show", async () => {
    const before = await service();
    await updateTraffic(admin, "default", NAME, {
      resourceVersion: before.metadata.resourceVersion!,
      generation: before.metadata.generation,
      spec: { traffic: [{ revisionName: `${NAME}-00001`, percent: 100, tag: "stable" }] },
    });
    const events = (await admin.kubeConfig!.makeApiClient(CoreV1Api).listNamespacedEvent({ namespace: "default", fieldSelector: "reason=TrafficSplitChanged" })).items;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      involvedObject: { apiVersion: "serving.knative.dev/v1", kind: "Service", name: NAME, namespace: "default", uid: before.metadata.uid },
      reportingComponent: "knative-console",
      action: "SplitTraffic",
      type: "Normal",
      message: `User "kubernetes-admin" changed the traffic split of Service ${NAME} through the console: ${NAME}-00001 100% → ${NAME}-00001 100% (tag stable)`,
    });
    if (!hasKubectl()) return;
    const kubectl = kubectlRunner(cluster.kubeconfig);
    const listed = await kubectl(["events", "-n", "default", "--for", `service.serving.knative.dev/${NAME}`]);
    expect(listed.stderr).toBe("");
    expect(listed.stdout).toMatch(/Normal\s+TrafficSplitChanged\s+Service\/helloworld-go\s+User "kubernetes-admin" changed the traffic split/);
    const described = await kubectl(["describe", "ksvc", NAME, "-n", "default"]);
    expect(described.stdout).toMatch(/Normal\s+TrafficSplitChanged\s+\S+\s+knative-console\s+User "kubernetes-admin" changed/);
  });

  it("lets the developer's change through although it may not create events, and records nothing", async () => {
    const before = await service();
    await updateTraffic(developer, "default", NAME, {
      resourceVersion: before.metadata.resourceVersion!,
      generation: before.metadata.generation,
      spec: { traffic: [{ revisionName: `${NAME}-00001`, percent: 100 }] },
    });
    expect((await service()).spec.traffic).toEqual([{ revisionName: `${NAME}-00001`, latestRevision: false, percent: 100 }]);
    const events = (await admin.kubeConfig!.makeApiClient(CoreV1Api).listNamespacedEvent({ namespace: "default", fieldSelector: "reason=TrafficSplitChanged" })).items;
    expect(events).toHaveLength(1);
  });

  it("refuses the viewer's split with the cluster's own words, and changes nothing", async () => {
    const before = await service();
    const refusal = await updateTraffic(viewer, "default", NAME, {
      resourceVersion: before.metadata.resourceVersion!,
      spec: { traffic: [{ latestRevision: true, percent: 100 }] },
    }).then(
      () => undefined,
      (err: unknown) => toKubeStatus(err),
    );
    expect(refusal).toMatchObject({
      code: 403,
      reason: "Forbidden",
      message: 'services.serving.knative.dev "helloworld-go" is forbidden: User "knative-viewer" cannot patch resource "services" in API group "serving.knative.dev" in the namespace "default"',
    });
    expect((await service()).metadata.resourceVersion).toBe(before.metadata.resourceVersion);
  });
});

describe("all namespaces, for an identity that may read some", () => {
  it("lists the developer's namespace and says which it could not read", async () => {
    const list = await listReadableServices(developer, () => ["default", OTHER_NAMESPACE]);
    expect(list.items.map((s) => s.metadata.name)).toEqual([NAME]);
    expect(list.partial).toEqual({
      reason: 'services.serving.knative.dev is forbidden: User "knative-developer" cannot list resource "services" in API group "serving.knative.dev" at the cluster scope',
      namespaces: ["default"],
      forbiddenNamespaces: [OTHER_NAMESPACE],
    });
  });

  it("lists everything for the viewer, whole", async () => {
    const list = await listReadableServices(viewer, () => ["default"]);
    expect(list.partial).toBeUndefined();
    expect(list.items.map((s) => s.metadata.name)).toContain(NAME);
  });
});

describe("the cluster around the Services, for an identity whose rights end at one namespace", () => {
  it("offers the developer their context's namespace to pick, with the refusal of the whole list", async () => {
    const list = await listNamespaces({ ...developer, namespace: "default" });
    expect(list.items.map((n) => n.metadata.name)).toEqual(["default"]);
    expect(list.forbidden).toBe('namespaces is forbidden: User "knative-developer" cannot list resource "namespaces" in API group "" at the cluster scope');
    // Whoever may list them gets them all, and no refusal.
    const all = await listNamespaces(viewer);
    expect(all.items.map((n) => n.metadata.name)).toEqual(expect.arrayContaining(["default", OTHER_NAMESPACE, "knative-serving"]));
    expect(all.forbidden).toBeUndefined();
    // A namespace they may not read is not offered: the refusal stands.
    await expect(listNamespaces({ ...developer, namespace: OTHER_NAMESPACE })).rejects.toMatchObject({ code: 403 });
  });

  it("tells the developer Knative is installed, from its API group's discovery, though its version is not theirs to read", async () => {
    expect(await detectKnative(developer, 5_000)).toEqual({ installed: true });
    expect(await detectKnative(viewer, 5_000)).toEqual({ installed: true, version: "1.23.0" });
  });
});
