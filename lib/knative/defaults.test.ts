import { describe, expect, it } from "vitest";
import { setDefaults, withDefaults } from "./defaults";
import type { Route } from "./types";
import { servingConfig } from "./validation/config";

type Json = Record<string, unknown>;
const meta = { name: "hello", namespace: "default" };

describe("defaulting webhook (serving *_defaults.go)", () => {
  it("defaults a Service's traffic, revision spec and user info on create", () => {
    const svc = withDefaults("Service", "CREATE", { metadata: { ...meta }, spec: { template: { spec: { containers: [{ image: "busybox" }] } } } }, undefined, { username: "alice" });
    expect(svc).toEqual({
      metadata: { ...meta, annotations: { "serving.knative.dev/creator": "alice", "serving.knative.dev/lastModifier": "alice" } },
      spec: {
        template: {
          spec: {
            timeoutSeconds: 300,
            containerConcurrency: 0,
            enableServiceLinks: false,
            containers: [{ name: "user-container", image: "busybox", resources: {}, readinessProbe: { tcpSocket: { port: 0 }, successThreshold: 1 } }],
          },
        },
        traffic: [{ percent: 100, latestRevision: true }],
      },
    });
  });

  it("fills latestRevision and percent on each target, and never invents traffic for a Route", () => {
    const spec = { traffic: [{ revisionName: "a" }, { tag: "next", percent: 10 }] };
    expect(withDefaults("Service", "CREATE", { metadata: meta, spec: { template: { spec: { containers: [] } }, ...spec } }).spec).toMatchObject({
      traffic: [
        { revisionName: "a", latestRevision: false, percent: 0 },
        { tag: "next", latestRevision: true, percent: 10 },
      ],
    });
    expect(withDefaults("Route", "CREATE", { metadata: meta, spec: {} }).spec).toEqual({});
  });

  it("names several containers user-container-N, skipping names the user chose, and probes only the serving one", () => {
    const spec = { containers: [{ image: "a", ports: [{ containerPort: 8080 }] }, { name: "user-container-0", image: "b" }, { image: "c" }] };
    const rev = withDefaults("Revision", "CREATE", { metadata: meta, spec }) as { spec: { containers: Json[] } };
    expect(rev.spec.containers.map((c) => c.name)).toEqual(["user-container-1", "user-container-0", "user-container-2"]);
    expect(rev.spec.containers.map((c) => c.readinessProbe)).toEqual([{ tcpSocket: { port: 0 }, successThreshold: 1 }, undefined, undefined]);
  });

  it("completes probes the user set and makes non-writable mounts read-only", () => {
    const spec = {
      volumes: [{ name: "cache", emptyDir: {} }, { name: "cfg", configMap: { name: "c" } }],
      containers: [{ image: "a", readinessProbe: { httpGet: { path: "/" }, periodSeconds: 5 }, volumeMounts: [{ name: "cache", mountPath: "/c" }, { name: "cfg", mountPath: "/etc/cfg" }] }],
    };
    const rev = withDefaults("Revision", "CREATE", { metadata: meta, spec }) as { spec: { containers: Json[] } };
    expect(rev.spec.containers[0]!.readinessProbe).toEqual({ httpGet: { path: "/" }, periodSeconds: 5, successThreshold: 1, failureThreshold: 3, timeoutSeconds: 1 });
    expect(rev.spec.containers[0]!.volumeMounts).toEqual([{ name: "cache", mountPath: "/c" }, { name: "cfg", mountPath: "/etc/cfg", readOnly: true }]);
  });

  it("sets enableServiceLinks on create only, and leaves Revision updates alone", () => {
    const cfg = { metadata: meta, spec: { template: { spec: { containers: [{ image: "a" }] } } } };
    const updated = withDefaults("Configuration", "UPDATE", cfg, cfg);
    expect((updated.spec.template.spec as Json).enableServiceLinks).toBeUndefined();
    const rev = { metadata: meta, spec: { containers: [{ image: "a" }] } };
    expect(withDefaults("Revision", "UPDATE", rev, rev)).toEqual(rev);
  });

  it("does not re-default a template whose BYO name is unchanged", () => {
    const old = { metadata: meta, spec: { template: { metadata: { name: "hello-v1" }, spec: { containers: [{ image: "a" }] } } } };
    const next = structuredClone(old);
    expect(withDefaults("Service", "UPDATE", next, old).spec.template).toEqual(old.spec.template);
  });

  it("changes lastModifier only when the spec changes, and only for unowned Routes and Configurations", () => {
    const route: Route = { metadata: { ...meta }, spec: { traffic: [{ configurationName: "c", percent: 100 }] } };
    const stored = withDefaults("Route", "CREATE", route, undefined, { username: "alice" });
    const same = withDefaults("Route", "UPDATE", structuredClone(stored), stored, { username: "bob" });
    expect(same.metadata.annotations).toEqual({ "serving.knative.dev/creator": "alice", "serving.knative.dev/lastModifier": "alice" });
    const changed = structuredClone(stored);
    changed.spec.traffic![0]!.configurationName = "d";
    setDefaults("Route", "UPDATE", changed as unknown as Json, stored, { username: "bob" });
    expect(changed.metadata.annotations).toEqual({ "serving.knative.dev/creator": "alice", "serving.knative.dev/lastModifier": "bob" });

    const owned = { metadata: { ...meta, ownerReferences: [{ apiVersion: "serving.knative.dev/v1", kind: "Service", name: "hello", uid: "1" }] }, spec: {} };
    expect(withDefaults("Route", "CREATE", owned, undefined, { username: "bob" }).metadata).not.toHaveProperty("annotations");
  });

  it("applies the restricted security profile when secure-pod-defaults is on", () => {
    const config = servingConfig({ features: { securePodDefaults: "Enabled" } });
    const rev = withDefaults("Revision", "CREATE", { metadata: meta, spec: { containers: [{ image: "a", ports: [{ containerPort: 80 }] }] } }, undefined, { config }) as {
      spec: { containers: Json[] };
    };
    expect(rev.spec.containers[0]!.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      seccompProfile: { type: "RuntimeDefault" },
      capabilities: { drop: ["ALL"], add: ["NET_BIND_SERVICE"] },
      runAsNonRoot: true,
    });
  });
});
