// The hub's fallback for identities the cluster refuses cluster-wide watches: per-namespace
// watches in the namespaces the console shows, and the namespaces refused too.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LiveMessage } from "@/lib/queries/api-types";
import type { ClusterApis } from "../api-clients";
import { ClusterHub } from "./cluster-hub";
import type { OpenWatch } from "./resource-watch";
import type { WatchTarget } from "./watch-targets";

const forbidden = (what: string) => Object.assign(new Error(`${what} is forbidden`), { code: 403, body: "{}" });

function setup(allowedNamespaces: string[]) {
  const opened: string[] = [];
  const emitters = new Map<string, (type: string, object: unknown) => void>();
  const openWatch: OpenWatch = async (_a, path, _params, onEvent) => {
    opened.push(path);
    emitters.set(path, onEvent);
    return new AbortController();
  };
  const listed: string[] = [];
  const target = (path: string, namespace?: string): WatchTarget => ({
    resource: "services",
    path,
    currentResourceVersion: async () => {
      listed.push(path);
      if (namespace === undefined || !allowedNamespaces.includes(namespace)) throw forbidden(path);
      return "5";
    },
    ...(namespace === undefined ? { inNamespace: (ns: string) => target(`/apis/serving.knative.dev/v1/namespaces/${ns}/services`, ns) } : {}),
  });
  const hub = new ClusterHub({
    apis: () => ({}) as ClusterApis,
    targets: [target("/apis/serving.knative.dev/v1/services")],
    openWatch,
    probe: async () => ({ reachable: true }),
    probeIntervalMs: 60_000,
    namespaces: () => ["default"],
  });
  return { hub, opened, listed, emitters };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("ClusterHub, when a cluster-wide watch is forbidden", () => {
  it("watches the context's namespace instead and forwards its changes", async () => {
    const { hub, opened, emitters } = setup(["default"]);
    const got: LiveMessage[] = [];
    hub.subscribe((m) => got.push(m));
    await vi.advanceTimersByTimeAsync(0);
    expect(opened).toEqual(["/apis/serving.knative.dev/v1/namespaces/default/services"]);
    emitters.get(opened[0]!)!("MODIFIED", { metadata: { name: "hello", namespace: "default", resourceVersion: "6" } });
    expect(got.at(-1)).toEqual({ type: "change", resource: "services", event: "MODIFIED", object: { metadata: { name: "hello", namespace: "default", resourceVersion: "6" } } });
    expect(hub.scope()).toEqual({ scopedResources: ["services"], namespaces: ["default"], forbiddenNamespaces: [] });
    hub.stop();
  });

  it("does not retry the forbidden cluster-wide watch", async () => {
    const { hub, listed } = setup(["default"]);
    hub.subscribe(() => {});
    await vi.advanceTimersByTimeAsync(30_000);
    expect(listed.filter((p) => p === "/apis/serving.knative.dev/v1/services")).toHaveLength(1);
    hub.stop();
  });

  it("adds the namespaces pages show, and notes those the cluster refuses too", async () => {
    const { hub, opened } = setup(["default", "team-a"]);
    hub.subscribe(() => {});
    await vi.advanceTimersByTimeAsync(0);
    hub.watchNamespace("team-a");
    hub.watchNamespace("team-b");
    await vi.advanceTimersByTimeAsync(0);
    expect(opened).toEqual(["/apis/serving.knative.dev/v1/namespaces/default/services", "/apis/serving.knative.dev/v1/namespaces/team-a/services"]);
    expect(hub.scope()).toEqual({ scopedResources: ["services"], namespaces: ["default", "team-a"], forbiddenNamespaces: ["team-b"] });
    expect(hub.namespacesShown()).toEqual(["default", "team-a", "team-b"]);
    hub.stop();
  });

  it("tries cluster-wide again when started afresh (a grant may have been added)", async () => {
    const { hub, listed } = setup(["default"]);
    const unsubscribe = hub.subscribe(() => {});
    await vi.advanceTimersByTimeAsync(0);
    unsubscribe();
    hub.stop();
    expect(hub.scope().scopedResources).toEqual([]);
    hub.subscribe(() => {});
    await vi.advanceTimersByTimeAsync(0);
    expect(listed.filter((p) => p === "/apis/serving.knative.dev/v1/services")).toHaveLength(2);
    hub.stop();
  });

  it("stops a forbidden watch that has no per-namespace form, probing no more for it, and tries it again when started afresh", async () => {
    const listed: string[] = [];
    const deployments: WatchTarget = {
      resource: "deployments",
      path: "/apis/apps/v1/namespaces/knative-serving/deployments",
      currentResourceVersion: async () => {
        listed.push("deployments");
        throw forbidden("deployments.apps");
      },
    };
    const probe = vi.fn(async () => ({ reachable: true as const }));
    const hub = new ClusterHub({ apis: () => ({}) as ClusterApis, targets: [deployments], openWatch: async () => new AbortController(), probe, probeIntervalMs: 60_000 });
    hub.subscribe(() => {});
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(listed).toHaveLength(1);
    // Only the regular probes: a refusal is not taken for a lost cluster.
    expect(probe).toHaveBeenCalledTimes(11);
    hub.stop();
    hub.subscribe(() => {});
    await vi.advanceTimersByTimeAsync(0);
    expect(listed).toHaveLength(2);
    hub.stop();
  });
});
