import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { KubeObject } from "../../lib/knative/types";
import { ADMIN } from "../core/registry";
import { EVENTS, SERVICES } from "../core/resources";
import { eventRecorder } from "./events";
import { createTestRegistry, helloService } from "./testing/test-cluster";

let storage: ReturnType<typeof createTestRegistry>;
beforeEach(() => {
  storage = createTestRegistry();
});
afterEach(() => storage.remove());

describe("eventRecorder", () => {
  it("writes core/v1 Events about an object, and counts repeats", () => {
    const { registry } = storage;
    const svc = registry.create(SERVICES, helloService(), ADMIN);
    let now = new Date("2026-05-01T10:00:00Z");
    const recorder = eventRecorder(registry, "service-controller", () => now);
    recorder.event(svc, "Warning", "InternalError", "boom");
    now = new Date("2026-05-01T10:00:05Z");
    recorder.event(svc, "Warning", "InternalError", "boom");
    recorder.event(svc, "Normal", "Created", 'Created Route "hello"');

    const events = registry.list<KubeObject>(EVENTS, "default");
    expect(events).toHaveLength(2);
    const internal = events.find((e) => e.reason === "InternalError")!;
    expect(internal.metadata.name).toBe(`hello.${(BigInt(Date.parse("2026-05-01T10:00:00Z")) * 1_000_000n).toString(16)}`);
    expect(internal).toMatchObject({
      involvedObject: { apiVersion: "serving.knative.dev/v1", kind: "Service", name: "hello", namespace: "default", uid: svc.metadata.uid },
      type: "Warning",
      message: "boom",
      source: { component: "service-controller" },
      firstTimestamp: "2026-05-01T10:00:00Z",
      lastTimestamp: "2026-05-01T10:00:05Z",
      count: 2,
    });
    // Two events in the same nanosecond get distinct names.
    expect(events.find((e) => e.reason === "Created")!.metadata.name).not.toBe(internal.metadata.name);
  });
});
