import { describe, expect, it } from "vitest";
import { basicFieldOf, trafficFieldOf } from "./field-paths";

describe("field paths", () => {
  it("place template paths on the controls that edit them", () => {
    expect(basicFieldOf("spec.template.spec.containers[0].image", 0)).toBe("image");
    expect(basicFieldOf("spec.template.spec.containers[0].env[2].name", 0)).toBe("env.2.name");
    expect(basicFieldOf("spec.template.spec.containers[0].env[2].valueFrom.secretKeyRef.key", 0)).toBe("env.2.key");
    expect(basicFieldOf("spec.template.spec.containers[0].ports[0].containerPort", 0)).toBe("port");
    expect(basicFieldOf("spec.template.spec.containers[0].resources.limits.memory", 0)).toBe("memoryLimit");
    expect(basicFieldOf("spec.template.metadata.annotations.autoscaling.knative.dev/max-scale", 0)).toBe("maxScale");
    expect(basicFieldOf("spec.template.metadata.name", 0)).toBe("revisionName");
    expect(basicFieldOf("spec.template.spec.timeoutSeconds", 0)).toBe("timeoutSeconds");
    expect(basicFieldOf("spec.template.spec.containers[1].image", 0)).toBeUndefined();
    expect(basicFieldOf("metadata.annotations", 0)).toBeUndefined();
  });

  it("place traffic paths on their rows", () => {
    expect(trafficFieldOf("spec.traffic", [0, 1])).toBe("traffic");
    expect(trafficFieldOf("spec.traffic[1].percent", [0, 1])).toBe("traffic.1.percent");
    expect(trafficFieldOf("spec.traffic.tag[0]", [1])).toBe("traffic.1.tag");
    expect(trafficFieldOf("spec.traffic[2].tag", [0, 1, -1])).toBe("traffic");
  });
});
