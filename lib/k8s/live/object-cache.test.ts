import { describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/knative/types";
import { ObjectCache } from "./object-cache";

const obj = (namespace: string, name: string, rv: string): KubeObject => ({ metadata: { namespace, name, resourceVersion: rv } });

describe("ObjectCache", () => {
  it("answers nothing until it has a snapshot, then follows changes", () => {
    const cache = new ObjectCache();
    expect(cache.list(null)).toBeUndefined();
    cache.replace([obj("b", "x", "1"), obj("a", "y", "1")], "5");
    expect(cache.list(null)!.items.map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(["a/y", "b/x"]);
    cache.apply("ADDED", obj("a", "z", "6"));
    cache.apply("MODIFIED", obj("b", "x", "7"));
    cache.apply("DELETED", obj("a", "y", "8"));
    const list = cache.list("a")!;
    expect(list.items.map((o) => o.metadata.name)).toEqual(["z"]);
    expect(list.resourceVersion).toBe("8");
    expect(cache.list("b")!.items[0]!.metadata.resourceVersion).toBe("7");
  });

  it("stops answering once invalidated, until the next snapshot", () => {
    const cache = new ObjectCache();
    cache.replace([obj("a", "x", "1")], "1");
    cache.invalidate();
    expect(cache.list(null)).toBeUndefined();
    cache.replace([], "9");
    expect(cache.list(null)).toEqual({ items: [], resourceVersion: "9" });
  });
});
