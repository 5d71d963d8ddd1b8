import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { Service } from "@/lib/knative/types";
import type { ServiceList } from "./api-types";
import { queryKeys } from "./keys";
import { applyLiveMessage, replayIntoArrivingData, replayRecentChanges } from "./live-cache";

function service(name: string, rv: string, namespace = "default"): Service {
  return { metadata: { name, namespace, uid: `uid-${namespace}-${name}`, resourceVersion: rv }, spec: { template: { spec: { containers: [] } } } };
}

function client() {
  return new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
}

describe("applyLiveMessage", () => {
  it("updates every cached list the change belongs to, and the cached object", () => {
    const qc = client();
    const allKey = queryKeys.list("c1", "services", { namespace: null });
    const defaultKey = queryKeys.list("c1", "services", { namespace: "default" });
    const prodKey = queryKeys.list("c1", "services", { namespace: "prod" });
    const detailKey = queryKeys.detail("c1", "services", "default", "hello");
    qc.setQueryData<ServiceList>(allKey, { items: [service("hello", "1")] });
    qc.setQueryData<ServiceList>(defaultKey, { items: [service("hello", "1")] });
    const prod: ServiceList = { items: [] };
    qc.setQueryData<ServiceList>(prodKey, prod);
    qc.setQueryData<Service>(detailKey, service("hello", "1"));

    const changed = { ...service("hello", "2"), status: { url: "http://hello.default.example.com" } };
    applyLiveMessage(qc, "c1", { type: "change", resource: "services", event: "MODIFIED", object: changed });

    expect(qc.getQueryData<ServiceList>(allKey)?.items[0]?.status?.url).toBe("http://hello.default.example.com");
    expect(qc.getQueryData<ServiceList>(defaultKey)?.items[0]?.metadata.resourceVersion).toBe("2");
    expect(qc.getQueryData(prodKey)).toBe(prod);
    expect(qc.getQueryData<Service>(detailKey)?.metadata.resourceVersion).toBe("2");
  });

  it("leaves other clusters alone", () => {
    const qc = client();
    const key = queryKeys.list("c2", "services", { namespace: null });
    const list: ServiceList = { items: [] };
    qc.setQueryData(key, list);
    applyLiveMessage(qc, "c1", { type: "change", resource: "services", event: "ADDED", object: service("x", "3") });
    expect(qc.getQueryData(key)).toBe(list);
  });

  it("marks a deleted object's query stale so the page shows it is gone", () => {
    const qc = client();
    const key = queryKeys.detail("c1", "services", "default", "hello");
    qc.setQueryData(key, service("hello", "1"));
    applyLiveMessage(qc, "c1", { type: "change", resource: "services", event: "DELETED", object: service("hello", "2") });
    expect(qc.getQueryState(key)?.isInvalidated).toBe(true);
  });

  it("invalidates everything of the cluster on resync", () => {
    const qc = client();
    const a = queryKeys.list("c1", "revisions", { namespace: "default" });
    const b = queryKeys.gateway("c1");
    const other = queryKeys.gateway("c2");
    qc.setQueryData(a, { items: [] });
    qc.setQueryData(b, { address: null, source: null });
    qc.setQueryData(other, { address: null, source: null });
    applyLiveMessage(qc, "c1", { type: "resync" });
    expect(qc.getQueryState(a)?.isInvalidated).toBe(true);
    expect(qc.getQueryState(b)?.isInvalidated).toBe(true);
    expect(qc.getQueryState(other)?.isInvalidated).toBe(false);
  });
});

describe("replayRecentChanges", () => {
  it("brings data that entered the cache after a change up to that change, and forgets old changes", () => {
    const qc = client();
    const detailKey = queryKeys.detail("c2", "services", "default", "late");
    // The change is pushed while the page's data is still on its way from the server...
    applyLiveMessage(qc, "c2", { type: "change", resource: "services", event: "MODIFIED", object: { ...service("late", "7"), status: { url: "http://late" } } }, 1_000);
    // ...which then arrives with the older version.
    qc.setQueryData<Service>(detailKey, service("late", "5"));
    replayRecentChanges(qc, "c2", 2_000);
    expect(qc.getQueryData<Service>(detailKey)?.metadata.resourceVersion).toBe("7");

    // A newer copy is never replaced by a replayed older change, and changes expire.
    qc.setQueryData<Service>(detailKey, service("late", "9"));
    replayRecentChanges(qc, "c2", 2_000);
    expect(qc.getQueryData<Service>(detailKey)?.metadata.resourceVersion).toBe("9");
    const otherKey = queryKeys.detail("c2", "services", "default", "late");
    qc.setQueryData<Service>(otherKey, service("late", "5"));
    replayRecentChanges(qc, "c2", 60_000);
    expect(qc.getQueryData<Service>(otherKey)?.metadata.resourceVersion).toBe("5");
  });
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 0));
}

describe("replayIntoArrivingData", () => {
  it("a refetch read before a pushed change and answered after it does not put the older copy back", async () => {
    const qc = client();
    const stop = replayIntoArrivingData(qc, "c3");
    const key = queryKeys.list("c3", "services", { namespace: "default" });
    qc.setQueryData<ServiceList>(key, { items: [service("canary", "4")] });

    // A refetch (after a write, say) reads the list at version 4; its answer is still on its way...
    let answer: ((list: ServiceList) => void) | undefined;
    const refetch = qc.fetchQuery({ queryKey: key, staleTime: 0, queryFn: () => new Promise<ServiceList>((resolve) => (answer = resolve)) });
    await until(() => answer !== undefined);
    // ...when the change to version 6 is pushed, and a Service created meanwhile too.
    applyLiveMessage(qc, "c3", { type: "change", resource: "services", event: "MODIFIED", object: { ...service("canary", "6"), status: { url: "http://ready" } } });
    applyLiveMessage(qc, "c3", { type: "change", resource: "services", event: "ADDED", object: service("newer", "7") });
    answer!({ items: [service("canary", "4")] });
    await refetch;
    await new Promise((resolve) => setTimeout(resolve, 0));

    const items = qc.getQueryData<ServiceList>(key)?.items ?? [];
    expect(items.map((s) => [s.metadata.name, s.metadata.resourceVersion])).toEqual([
      ["canary", "6"],
      ["newer", "7"],
    ]);
    stop();
  });

  it("a deletion pushed while a refetch was on its way stays deleted", async () => {
    const qc = client();
    const stop = replayIntoArrivingData(qc, "c4");
    const key = queryKeys.list("c4", "services", { namespace: "default" });
    qc.setQueryData<ServiceList>(key, { items: [service("gone", "3")] });
    let answer: ((list: ServiceList) => void) | undefined;
    const refetch = qc.fetchQuery({ queryKey: key, staleTime: 0, queryFn: () => new Promise<ServiceList>((resolve) => (answer = resolve)) });
    await until(() => answer !== undefined);
    applyLiveMessage(qc, "c4", { type: "change", resource: "services", event: "DELETED", object: service("gone", "5") });
    answer!({ items: [service("gone", "3")] });
    await refetch;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(qc.getQueryData<ServiceList>(key)?.items).toEqual([]);
    stop();
  });

  it("leaves other clusters' fetches alone, and stops when unsubscribed", async () => {
    const qc = client();
    const stop = replayIntoArrivingData(qc, "c5");
    applyLiveMessage(qc, "c5", { type: "change", resource: "services", event: "ADDED", object: service("pushed", "2") });
    const other = queryKeys.list("c6", "services", { namespace: "default" });
    await qc.fetchQuery({ queryKey: other, queryFn: async (): Promise<ServiceList> => ({ items: [] }) });
    stop();
    const mine = queryKeys.list("c5", "services", { namespace: "default" });
    await qc.fetchQuery({ queryKey: mine, queryFn: async (): Promise<ServiceList> => ({ items: [] }) });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(qc.getQueryData<ServiceList>(other)?.items).toEqual([]);
    expect(qc.getQueryData<ServiceList>(mine)?.items).toEqual([]);
  });
});
