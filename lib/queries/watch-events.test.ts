import { describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/knative/types";
import { applyWatchEvent, applyWatchEventToObject, isNotOlder, keepNewerObject, matchesFilter } from "./watch-events";

function obj(name: string, rv: string, extra: { namespace?: string; labels?: Record<string, string>; uid?: string } = {}): KubeObject {
  return { metadata: { name, namespace: extra.namespace ?? "default", resourceVersion: rv, uid: extra.uid ?? `uid-${name}`, labels: extra.labels } };
}

const all = { namespace: null };
const ofService = { namespace: "default", labels: { "serving.knative.dev/service": "hello" } };

describe("applyWatchEvent", () => {
  it("inserts an added object in namespace/name order", () => {
    const list = { items: [obj("a", "1"), obj("c", "1")] };
    const next = applyWatchEvent(list, "ADDED", obj("b", "2"), all);
    expect(next.items.map((i) => i.metadata.name)).toEqual(["a", "b", "c"]);
  });

  it("replaces a modified object and removes a deleted one", () => {
    const list = { items: [obj("a", "1"), obj("b", "1")] };
    const modified = applyWatchEvent(list, "MODIFIED", { ...obj("a", "5"), spec: { x: 1 } }, all);
    expect(modified.items[0]).toMatchObject({ spec: { x: 1 } });
    const deleted = applyWatchEvent(modified, "DELETED", obj("b", "6"), all);
    expect(deleted.items.map((i) => i.metadata.name)).toEqual(["a"]);
  });

  it("returns the same list for an event about something else", () => {
    const list = { items: [obj("a", "1")] };
    expect(applyWatchEvent(list, "ADDED", obj("x", "2", { namespace: "other" }), { namespace: "default" })).toBe(list);
    expect(applyWatchEvent(list, "DELETED", obj("zzz", "2"), all)).toBe(list);
  });

  it("drops an object whose labels no longer match the list's filter", () => {
    const list = { items: [obj("r1", "1", { labels: { "serving.knative.dev/service": "hello" } })] };
    const next = applyWatchEvent(list, "MODIFIED", obj("r1", "2", { labels: {} }), ofService);
    expect(next.items).toEqual([]);
  });

  it("ignores an event older than what the list holds", () => {
    const list = { items: [obj("a", "10")] };
    expect(applyWatchEvent(list, "MODIFIED", obj("a", "9"), all)).toBe(list);
  });
});

describe("applyWatchEventToObject", () => {
  it("takes newer versions, keeps newer cache, and signals deletion with undefined", () => {
    const current = obj("a", "5");
    expect(applyWatchEventToObject(current, "MODIFIED", obj("a", "6"))?.metadata.resourceVersion).toBe("6");
    expect(applyWatchEventToObject(current, "MODIFIED", obj("a", "4"))).toBe(current);
    expect(applyWatchEventToObject(current, "DELETED", obj("a", "7"))).toBeUndefined();
  });
});

describe("helpers", () => {
  it("compares resource versions numerically only when both are numbers", () => {
    expect(isNotOlder(obj("a", "100"), obj("a", "99"))).toBe(true);
    expect(isNotOlder(obj("a", "99"), obj("a", "100"))).toBe(false);
    expect(isNotOlder(obj("a", "abc"), obj("a", "100"))).toBe(true);
  });

  it("matches namespace and equality labels", () => {
    expect(matchesFilter(obj("a", "1", { labels: { "serving.knative.dev/service": "hello", x: "y" } }), ofService)).toBe(true);
    expect(matchesFilter(obj("a", "1", { namespace: "prod", labels: { "serving.knative.dev/service": "hello" } }), ofService)).toBe(false);
  });
});

describe("keepNewerObject", () => {
  const obj = (rv: string, uid = "u") => ({ metadata: { name: "a", uid, resourceVersion: rv } });
  it("keeps the cached object when a fetch answers with an older version", () => {
    const cached = obj("12");
    expect(keepNewerObject(cached, obj("10"))).toBe(cached);
    const fetched = obj("13");
    expect(keepNewerObject(cached, fetched)).toBe(fetched);
  });
  it("takes the fetched object when there is none cached, or it is another object of the same name", () => {
    const fetched = obj("3", "v");
    expect(keepNewerObject(undefined, fetched)).toBe(fetched);
    expect(keepNewerObject(obj("12"), fetched)).toBe(fetched);
  });
});
