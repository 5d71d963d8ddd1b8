import { describe, expect, it } from "vitest";
import type { Service } from "@/lib/knative/types";
import { checkBasics } from "./basic-checks";
import { emptyEnvRow, formFromTemplate, templateFromForm, type BasicForm } from "./form-model";

const service: Service = {
  apiVersion: "serving.knative.dev/v1",
  kind: "Service",
  metadata: { name: "hello", namespace: "default", resourceVersion: "42", annotations: { "serving.knative.dev/creator": "admin", "serving.knative.dev/lastModifier": "admin" } },
  spec: {
    template: { spec: { containerConcurrency: 0, timeoutSeconds: 300, containers: [{ name: "user-container", image: "ghcr.io/knative/helloworld-go:latest", resources: {} }] } },
    traffic: [{ latestRevision: true, percent: 100 }],
  },
};

function check(edit: (f: BasicForm) => BasicForm, existing = ["hello-00001"]) {
  const initial = formFromTemplate(service.spec.template, "hello-00002");
  const form = edit(initial);
  const template = templateFromForm(service.spec.template, initial, form, form.revisionName || "hello-00002");
  return checkBasics({ service, form, template, existingRevisions: new Set(existing) });
}

const withEnv = (name: string, value = "x") => (f: BasicForm) => ({ ...f, env: [{ ...emptyEnvRow(), name, value }] });

describe("checkBasics", () => {
  it("finds nothing wrong with the unchanged template or an added variable", () => {
    expect(check((f) => f)).toEqual({});
    expect(check(withEnv("TARGET", "Knative on ASM"))).toEqual({});
  });

  it("refuses reserved variable names with Knative's message, next to the key", () => {
    expect(check(withEnv("PORT"))).toEqual({ "env.0.name": ['"PORT" is a reserved environment variable'] });
    expect(check(withEnv("K_SERVICE"))).toEqual({ "env.0.name": ['"K_SERVICE" is a reserved environment variable'] });
  });

  it("asks for a key, and for the ConfigMap and key a value comes from", () => {
    const messages = check((f) => ({ ...f, env: [{ ...emptyEnvRow(), kind: "configMap" }] }));
    expect(messages).toEqual({ "env.0.name": ["Enter a variable key"], "env.0.source": ["Choose a ConfigMap"], "env.0.key": ["Choose a key of the ConfigMap"] });
  });

  it("checks the revision name with Knative's rule and against existing revisions", () => {
    expect(check((f) => ({ ...f, revisionName: "other-1" }))).toEqual({ revisionName: ['invalid value: "other-1" must have prefix "hello-"'] });
    expect(check((f) => ({ ...f, revisionName: "hello-00001" }))).toEqual({ revisionName: ['revision "hello-00001" already exists; a new revision needs a new name'] });
  });

  it("checks numbers, quantities and scaling annotations", () => {
    expect(check((f) => ({ ...f, port: "80x", containerConcurrency: "2000", cpuRequest: "2", cpuLimit: "1", minScale: "3", maxScale: "2" }))).toEqual({
      port: ["must be a whole number from 1 to 65535"],
      containerConcurrency: ["expected 0 <= 2000 <= 1000"],
      cpuRequest: ["must be less than or equal to cpu limit of 1"],
      maxScale: ["max-scale=2 is less than min-scale=3"],
      minScale: ["max-scale=2 is less than min-scale=3"],
    });
    expect(check((f) => ({ ...f, port: "8012" }))).toEqual({ port: ["invalid value: 8012 is a reserved port: 8012 is a reserved port, please use a different value"] });
  });
});
