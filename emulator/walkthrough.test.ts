// The canary walk-through (deploy helloworld-go, add a revision at 0 %, split 50/50, promote), against the embedded cluster through
// client-node and its gateway: what the console will do, without the console.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiException, CustomObjectsApi, KubeConfig, PatchStrategy, setHeaderOptions } from "@kubernetes/client-node";
import type { Service } from "../lib/knative/types";
import { startEmbeddedCluster, type EmbeddedCluster } from "./cluster";
import { tempDataDir } from "./testing/api-only";
import { requestViaGateway, tallyResponses } from "./testing/gateway-client";
import { until } from "./testing/until";

const HOST = "helloworld-go.default.example.com";
const KSVC = { group: "serving.knative.dev", version: "v1", plural: "services", namespace: "default", name: "helloworld-go" };

let cluster: EmbeddedCluster;
let api: CustomObjectsApi;

async function service(): Promise<Service> {
  return (await api.getNamespacedCustomObject(KSVC)) as Service;
}

const ready = (s: Service) =>
  s.status?.observedGeneration === s.metadata.generation && s.status?.conditions?.find((c) => c.type === "Ready")?.status === "True";

async function trafficPatch(traffic: unknown) {
  return api.patchNamespacedCustomObject({ ...KSVC, body: { spec: { traffic } } }, setHeaderOptions("Content-Type", PatchStrategy.MergePatch));
}

beforeAll(async () => {
  cluster = await startEmbeddedCluster({ dataDir: tempDataDir(), port: 0, gatewayPort: 0, readyDelayMs: 100 });
  const kc = new KubeConfig();
  kc.loadFromFile(cluster.kubeconfig);
  api = kc.makeApiClient(CustomObjectsApi);
});
afterAll(() => cluster?.stop());

describe("the canary walk-through on the embedded cluster", () => {
  it("1. helloworld-go runs its first revision and answers Hello World!", async () => {
    const s = await until("helloworld-go Ready", async () => {
      const svc = await service();
      return ready(svc) ? svc : undefined;
    });
    expect(s.status!.url).toBe("http://helloworld-go.default.example.com");
    expect(s.status!.traffic).toEqual([{ latestRevision: true, percent: 100, revisionName: "helloworld-go-00001" }]);
    expect(await requestViaGateway(cluster.gatewayUrl, HOST)).toEqual({ status: 200, body: "Hello World!\n" });
  });

  it("2–3. a new template with TARGET creates helloworld-go-00002 with 0 % while 00001 keeps 100 %", async () => {
    const s = await service();
    s.spec.template.spec.containers[0]!.env = [{ name: "TARGET", value: "Knative on ASM" }];
    s.spec.traffic = [
      { latestRevision: true, percent: 0 },
      { revisionName: "helloworld-go-00001", percent: 100 },
    ];
    await api.replaceNamespacedCustomObject({ ...KSVC, body: s });
    const after = await until("helloworld-go-00002 Ready", async () => {
      const svc = await service();
      return ready(svc) && svc.status?.latestReadyRevisionName === "helloworld-go-00002" ? svc : undefined;
    });
    expect(after.status!.traffic).toEqual([
      { latestRevision: true, percent: 0, revisionName: "helloworld-go-00002" },
      { latestRevision: false, percent: 100, revisionName: "helloworld-go-00001" },
    ]);
    expect(await tallyResponses(cluster.gatewayUrl, HOST, 20)).toEqual({ "Hello World!\n": 20 });
  });

  it("4. a 50/50 split sends exactly half of 1,000 requests to each revision", async () => {
    await trafficPatch([
      { revisionName: "helloworld-go-00001", percent: 50 },
      { latestRevision: true, percent: 50 },
    ]);
    await until("the split in status", async () => ((await service()).status?.traffic?.length === 2 && (await service()).status!.traffic![0]!.percent === 50 ? true : undefined));
    expect(await tallyResponses(cluster.gatewayUrl, HOST, 1000)).toEqual({ "Hello World!\n": 500, "Hello Knative on ASM!\n": 500 });
  });

  it("a split that sums to 90 is refused with Knative's message and changes nothing", async () => {
    const before = await service();
    const err = await trafficPatch([
      { revisionName: "helloworld-go-00001", percent: 40 },
      { latestRevision: true, percent: 50 },
    ]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiException);
    const status = JSON.parse((err as ApiException<string>).body) as { code: number; message: string };
    expect(status.code).toBe(400);
    expect(status.message).toBe(
      'admission webhook "validation.webhook.serving.knative.dev" denied the request: validation failed: Traffic targets sum to 90, want 100: spec.traffic',
    );
    expect((await service()).metadata.resourceVersion).toBe(before.metadata.resourceVersion);
  });

  it("5–6. 100 % on the new revision answers Hello Knative on ASM! every time", async () => {
    await trafficPatch([{ latestRevision: true, percent: 100 }]);
    await until("all traffic on 00002", async () => {
      const t = (await service()).status?.traffic;
      return t?.length === 1 && t[0]!.revisionName === "helloworld-go-00002" ? true : undefined;
    });
    expect(await tallyResponses(cluster.gatewayUrl, HOST, 20)).toEqual({ "Hello Knative on ASM!\n": 20 });
  });

  it("an unknown host gets 404 from the gateway", async () => {
    const res = await requestViaGateway(cluster.gatewayUrl, "nothing.default.example.com");
    expect(res.status).toBe(404);
  });
});
