import { describe, expect, it } from "vitest";
import type { RevisionTemplateSpec } from "./types";
import { changeLine, templateChanges } from "./template-changes";

const base: RevisionTemplateSpec = {
  spec: {
    containerConcurrency: 0,
    timeoutSeconds: 300,
    containers: [{ name: "user-container", image: "ghcr.io/knative/helloworld-go:latest", ports: [{ containerPort: 8080 }], resources: {} }],
  },
};

function changed(edit: (t: RevisionTemplateSpec) => void): string[] {
  const next = structuredClone(base);
  edit(next);
  return templateChanges(base, next).map(changeLine);
}

describe("templateChanges", () => {
  it("says nothing for the same template", () => {
    expect(templateChanges(base, structuredClone(base))).toEqual([]);
  });

  it("lists an added environment variable", () => {
    expect(changed((t) => (t.spec.containers[0]!.env = [{ name: "TARGET", value: "Knative on ASM" }]))).toEqual(["env TARGET: (unset) → Knative on ASM"]);
  });

  it("names references without resolving them", () => {
    const before = structuredClone(base);
    before.spec.containers[0]!.env = [{ name: "DB", value: "x" }];
    const after = structuredClone(base);
    after.spec.containers[0]!.env = [{ name: "DB", valueFrom: { secretKeyRef: { name: "db", key: "password" } } }];
    expect(templateChanges(before, after).map(changeLine)).toEqual(["env DB: x → secret db.password"]);
  });

  it("lists image, port, command, args, resources, concurrency, timeout and scaling", () => {
    expect(
      changed((t) => {
        const c = t.spec.containers[0]!;
        c.image = "ghcr.io/knative/helloworld-go:v2";
        c.ports = [{ containerPort: 9000 }];
        c.command = ["/app"];
        c.args = ["--greeting", "hi there"];
        c.resources = { requests: { cpu: "250m" }, limits: { memory: "128Mi" } };
        t.spec.containerConcurrency = 10;
        delete t.spec.timeoutSeconds;
        t.metadata = { annotations: { "autoscaling.knative.dev/min-scale": "1" } };
      }),
    ).toEqual([
      "image: ghcr.io/knative/helloworld-go:latest → ghcr.io/knative/helloworld-go:v2",
      "container port: 8080 → 9000",
      "command: (unset) → /app",
      'args: (unset) → --greeting "hi there"',
      "cpu request: (unset) → 250m",
      "memory limit: (unset) → 128Mi",
      "containerConcurrency: 0 → 10",
      "timeoutSeconds: 300 → (unset)",
      "min-scale: (unset) → 1",
    ]);
  });
});
