// core/v1 Events, as client-go's record.EventRecorder writes them for Knative's controllers:
// named `<object>.<hex unix nanos>`, with involvedObject, source.component and
// first/lastTimestamp; a repeat of the same event (same object, type, reason, message) bumps
// `count` and `lastTimestamp` of the existing one (client-go tools/record events_cache.go).

import { formatTime, type Clock } from "../../lib/knative/conditions";
import type { KubeObject } from "../../lib/knative/types";
import { ApiError } from "../core/errors";
import { CONTROLLER, type Registry } from "../core/registry";
import { EVENTS } from "../core/resources";

export type EventType = "Normal" | "Warning";

export interface EventRecorder {
  event(obj: KubeObject, type: EventType, reason: string, message: string): void;
}

interface CoreEvent extends KubeObject {
  count?: number;
  lastTimestamp?: string;
}

export function eventRecorder(registry: Registry, component: string, clock: Clock): EventRecorder {
  /** Correlation key → Event name, for aggregation. */
  const seen = new Map<string, string>();
  return {
    event(obj, type, reason, message) {
      const meta = obj.metadata;
      const namespace = meta.namespace ?? "default";
      const key = [meta.uid, meta.name, namespace, obj.kind, type, reason, message].join("\u0000");
      const now = clock();
      const existingName = seen.get(key);
      const existing = existingName ? registry.get<CoreEvent>(EVENTS, namespace, existingName) : undefined;
      try {
        if (existing) {
          existing.count = (existing.count ?? 1) + 1;
          existing.lastTimestamp = formatTime(now);
          registry.update(EVENTS, existing, CONTROLLER);
          return;
        }
        const name = createEvent(registry, obj, namespace, now, (eventName) =>
          makeEvent(obj, namespace, eventName, type, reason, message, component, formatTime(now)),
        );
        if (seen.size >= 10_000) seen.clear(); // only a cache for aggregation: bound it
        seen.set(key, name);
      } catch (err) {
        // Events are best effort, as in client-go: never fail a reconcile because of one.
        if (!(err instanceof ApiError)) throw err;
      }
    },
  };
}

/** client-go names events `<object>.<unix nanos in hex>`; a clash moves on to the next nanosecond. */
function createEvent(registry: Registry, obj: KubeObject, namespace: string, now: Date, make: (name: string) => KubeObject): string {
  let nanos = BigInt(now.getTime()) * 1_000_000n;
  for (;;) {
    const name = `${obj.metadata.name}.${nanos.toString(16)}`;
    try {
      registry.create(EVENTS, make(name), CONTROLLER);
      return name;
    } catch (err) {
      if (!(err instanceof ApiError && err.status.reason === "AlreadyExists")) throw err;
      nanos += 1n;
    }
  }
}

function makeEvent(obj: KubeObject, namespace: string, name: string, type: EventType, reason: string, message: string, component: string, time: string): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name, namespace },
    involvedObject: {
      apiVersion: obj.apiVersion,
      kind: obj.kind,
      name: obj.metadata.name,
      namespace,
      uid: obj.metadata.uid,
      resourceVersion: obj.metadata.resourceVersion,
    },
    reason,
    message,
    source: { component },
    firstTimestamp: time,
    lastTimestamp: time,
    count: 1,
    type,
    eventTime: null,
    reportingComponent: "",
    reportingInstance: "",
  };
}
