import { describe, expect, it } from "vitest";
import type { RevisionTemplateSpec } from "@/lib/knative/types";
import { emptyEnvRow, formFromTemplate, rebaseForm, templateFromForm } from "./form-model";

const template: RevisionTemplateSpec = {
  metadata: { annotations: { "autoscaling.knative.dev/minScale": "1" } },
  spec: {
    containerConcurrency: 0,
    timeoutSeconds: 300,
    enableServiceLinks: false,
    containers: [
      {
        name: "user-container",
        image: "ghcr.io/knative/helloworld-go:latest",
        ports: [{ containerPort: 8080, protocol: "TCP" }],
        env: [
          { name: "POD", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } },
          { name: "DB", valueFrom: { secretKeyRef: { name: "db", key: "password", optional: true } } },
        ],
        readinessProbe: { tcpSocket: { port: 0 }, successThreshold: 1 },
        resources: {},
      },
    ],
  },
};

describe("the Basic Information form", () => {
  it("gives back the same template, newly named, when nothing was edited", () => {
    const form = formFromTemplate(template, "hello-00002");
    expect(templateFromForm(template, form, form, "hello-00002")).toEqual({ ...template, metadata: { ...template.metadata, name: "hello-00002" } });
  });

  it("writes only what changed, under the spelling already there", () => {
    const initial = formFromTemplate(template, "hello-00002");
    const form = { ...initial, env: [...initial.env, { ...emptyEnvRow(), name: "TARGET", value: "Knative on ASM" }], minScale: "2", cpuLimit: "1", port: "9000" };
    const next = templateFromForm(template, initial, form, "hello-00002");
    const c = next.spec.containers[0]!;
    expect(c.env).toEqual([...template.spec.containers[0]!.env!, { name: "TARGET", value: "Knative on ASM" }]);
    expect(c.ports).toEqual([{ containerPort: 9000, protocol: "TCP" }]);
    expect(c.resources).toEqual({ limits: { cpu: "1" } });
    expect(next.metadata?.annotations).toEqual({ "autoscaling.knative.dev/minScale": "2" });
    expect(c.readinessProbe).toEqual(template.spec.containers[0]!.readinessProbe);
  });

  it("removes what was cleared", () => {
    const initial = formFromTemplate(template, "hello-00002");
    const next = templateFromForm(template, initial, { ...initial, minScale: "", timeoutSeconds: "", env: [] }, "hello-00002");
    expect(next.metadata?.annotations).toBeUndefined();
    expect(next.spec.timeoutSeconds).toBeUndefined();
    expect(next.spec.containers[0]!.env).toBeUndefined();
  });

  it("carries the user's edits over to a newer template and takes the rest from it", () => {
    const oldInitial = formFromTemplate(template, "hello-00002");
    const form = { ...oldInitial, args: "--verbose" };
    const newer = structuredClone(template);
    newer.spec.containers[0]!.image = "ghcr.io/knative/helloworld-go:v2";
    const rebased = rebaseForm(oldInitial, form, formFromTemplate(newer, "hello-00003"));
    expect(rebased.image).toBe("ghcr.io/knative/helloworld-go:v2");
    expect(rebased.args).toBe("--verbose");
    expect(rebased.revisionName).toBe("hello-00003");
  });
});

describe("the container port", () => {
  it("shows Knative's default when the template has none, without adding it", () => {
    const bare: RevisionTemplateSpec = { spec: { containers: [{ image: "ghcr.io/knative/helloworld-go" }] } };
    const form = formFromTemplate(bare, "hello-00002");
    expect(form.port).toBe("8080");
    expect(templateFromForm(bare, form, form, "hello-00002").spec.containers[0]!.ports).toBeUndefined();
    expect(templateFromForm(bare, form, { ...form, port: "9000" }, "hello-00002").spec.containers[0]!.ports).toEqual([{ containerPort: 9000 }]);
  });
});
