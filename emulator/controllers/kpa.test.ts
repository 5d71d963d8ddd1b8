import { describe, expect, it } from "vitest";
import type { Revision } from "../../lib/knative/types";
import { decideScale, scalingSpecFor, type ScaleObservation } from "./kpa";

function revision(annotations: Record<string, string> = {}, containerConcurrency = 0): Revision {
  return { metadata: { name: "hello-00001", annotations }, spec: { containers: [{}], containerConcurrency } };
}

const busy = (o: Partial<ScaleObservation>): ScaleObservation => ({ readyPods: 1, stableConcurrency: 0, panicConcurrency: 0, idleForMs: 0, inFlight: 0, ...o });
const GRACE = 30_000;

describe("scalingSpecFor", () => {
  it("targets 70 concurrent requests per pod by default", () => {
    expect(scalingSpecFor(revision())).toEqual({ target: 70, minScale: 0, maxScale: 0, initialScale: 1 });
  });

  it("reads the autoscaling annotations, and their deprecated camelCase forms", () => {
    expect(
      scalingSpecFor(
        revision({
          "autoscaling.knative.dev/min-scale": "1",
          "autoscaling.knative.dev/maxScale": "5",
          "autoscaling.knative.dev/target": "10",
          "autoscaling.knative.dev/target-utilization-percentage": "50",
          "autoscaling.knative.dev/initial-scale": "2",
        }),
      ),
    ).toEqual({ target: 5, minScale: 1, maxScale: 5, initialScale: 2 });
  });

  it("caps the target at containerConcurrency", () => {
    expect(scalingSpecFor(revision({ "autoscaling.knative.dev/target": "50" }, 10)).target).toBe(7);
  });
});

describe("decideScale", () => {
  const spec = scalingSpecFor(revision());

  it("wants ceil(concurrency / target) pods", () => {
    expect(decideScale(spec, busy({ readyPods: 2, stableConcurrency: 141, panicConcurrency: 141 }), { maxPanicPods: 0 }, 0, GRACE).desired).toBe(3);
  });

  it("keeps one pod while the revision had traffic within the grace period", () => {
    expect(decideScale(spec, busy({ idleForMs: GRACE - 1 }), { maxPanicPods: 0 }, 0, GRACE).desired).toBe(1);
  });

  it("goes to zero after the grace period without traffic, unless a request is in flight", () => {
    expect(decideScale(spec, busy({ idleForMs: GRACE }), { maxPanicPods: 0 }, 0, GRACE).desired).toBe(0);
    expect(decideScale(spec, busy({ idleForMs: GRACE, inFlight: 1 }), { maxPanicPods: 0 }, 0, GRACE).desired).toBe(1);
  });

  it("respects min-scale and max-scale", () => {
    const bounded = scalingSpecFor(revision({ "autoscaling.knative.dev/min-scale": "2", "autoscaling.knative.dev/max-scale": "4" }));
    expect(decideScale(bounded, busy({ idleForMs: GRACE }), { maxPanicPods: 0 }, 0, GRACE).desired).toBe(2);
    expect(decideScale(bounded, busy({ stableConcurrency: 1000, panicConcurrency: 1000 }), { maxPanicPods: 0 }, 0, GRACE).desired).toBe(4);
  });

  it("panics when the panic window wants twice the ready pods, and does not scale down while panicking", () => {
    const first = decideScale(spec, busy({ readyPods: 1, stableConcurrency: 10, panicConcurrency: 200 }), { maxPanicPods: 0 }, 1_000, GRACE);
    expect(first).toEqual({ desired: 3, panic: { panicSince: 1_000, maxPanicPods: 3 } });
    const calmer = decideScale(spec, busy({ readyPods: 3, stableConcurrency: 10, panicConcurrency: 10 }), first.panic, 30_000, GRACE);
    expect(calmer.desired).toBe(3);
    const calm = decideScale(spec, busy({ readyPods: 3, stableConcurrency: 10, panicConcurrency: 10 }), calmer.panic, 62_000, GRACE);
    expect(calm).toEqual({ desired: 1, panic: { maxPanicPods: 0 } });
  });

  it("scales down at most by half per decision", () => {
    expect(decideScale(spec, busy({ readyPods: 8, stableConcurrency: 1, panicConcurrency: 1 }), { maxPanicPods: 0 }, 0, GRACE).desired).toBe(4);
  });
});
