import { describe, expect, it } from "vitest";
import { AUTOSCALING_KEYS, getByPriority, ROLLOUT_DURATION_KEYS } from "./annotation-keys";

describe("annotation key priorities", () => {
  it("lists the current key first, then its camelCase alias", () => {
    expect(AUTOSCALING_KEYS.minScale).toEqual(["autoscaling.knative.dev/min-scale", "autoscaling.knative.dev/minScale"]);
    expect(AUTOSCALING_KEYS.target).toEqual(["autoscaling.knative.dev/target"]);
    expect(ROLLOUT_DURATION_KEYS).toEqual(["serving.knative.dev/rollout-duration", "serving.knative.dev/rolloutDuration"]);
  });

  it("reads the current key before an alias, and an alias when only it is set", () => {
    const both = { "autoscaling.knative.dev/minScale": "1", "autoscaling.knative.dev/min-scale": "2" };
    expect(getByPriority(both, AUTOSCALING_KEYS.minScale)).toEqual({ k: "autoscaling.knative.dev/min-scale", v: "2", ok: true });
    expect(getByPriority({ "autoscaling.knative.dev/minScale": "1" }, AUTOSCALING_KEYS.minScale)).toEqual({ k: "autoscaling.knative.dev/minScale", v: "1", ok: true });
  });

  it("answers the current key, empty and not ok, when none is set", () => {
    expect(getByPriority({}, AUTOSCALING_KEYS.maxScale)).toEqual({ k: "autoscaling.knative.dev/max-scale", v: "", ok: false });
  });
});
