import { describe, expect, it } from "vitest";
import { emptyEnvRow } from "@/components/revisions/create-revision/form-model";
import { kubeStatus, StatusError } from "@/lib/queries/status";
import { checkDraft } from "./create-checks";
import { refusalMessages, takenNameMessage } from "./refusal-messages";
import { NAME_FIELD, NAMESPACE_FIELD, newDraft, type ServiceDraft, serviceCreationOf } from "./service-draft";

const IMAGE = "ghcr.io/knative/helloworld-go:latest";

function draft(edit: (d: ServiceDraft) => ServiceDraft = (d) => d): ServiceDraft {
  const d = newDraft("default");
  return edit({ ...d, name: "hello", basics: { ...d.basics, image: IMAGE } });
}

describe("serviceCreationOf", () => {
  it("sends only what the user set, and lets Knative name the first revision", () => {
    expect(serviceCreationOf(draft())).toEqual({ metadata: { name: "hello" }, spec: { template: { spec: { containers: [{ image: IMAGE }] } } } });
  });

  it("writes a port other than Knative's default, the environment, scaling and a chosen revision name", () => {
    const request = serviceCreationOf(
      draft((d) => ({
        ...d,
        name: " hello ",
        basics: { ...d.basics, port: "9090", env: [{ ...emptyEnvRow(), name: "TARGET", value: "Knative" }], minScale: "1", revisionName: "hello-first" },
      })),
    );
    expect(request).toEqual({
      metadata: { name: "hello" },
      spec: {
        template: {
          metadata: { name: "hello-first", annotations: { "autoscaling.knative.dev/min-scale": "1" } },
          spec: { containers: [{ image: IMAGE, ports: [{ containerPort: 9090 }], env: [{ name: "TARGET", value: "Knative" }] }] },
        },
      },
    });
  });
});

describe("checkDraft", () => {
  it("finds nothing wrong with a name and an image", () => {
    expect(checkDraft(draft())).toEqual({});
  });

  it("asks for a name, a namespace and an image", () => {
    const d = newDraft("");
    expect(checkDraft(d)).toEqual({ [NAMESPACE_FIELD]: ["Choose a namespace"], [NAME_FIELD]: ["Enter a name for the Service"], image: ["Enter the image to run"] });
  });

  it("refuses a name that is not a DNS-1035 label in Knative's words, at the Name field only", () => {
    for (const name of ["Hello", "1hello", "hello-", "hello_world", "a".repeat(64)]) {
      const messages = checkDraft(draft((d) => ({ ...d, name })));
      expect(Object.keys(messages)).toEqual([NAME_FIELD]);
      expect(messages[NAME_FIELD]![0]).toMatch(/^not a DNS 1035 label: /);
    }
  });

  it("checks the container as the wizard does: reserved variables, the port, a revision name without the Service's prefix", () => {
    const messages = checkDraft(
      draft((d) => ({ ...d, basics: { ...d.basics, port: "70000", env: [{ ...emptyEnvRow(), name: "PORT", value: "1" }], revisionName: "other-00001" } })),
    );
    expect(messages.port).toEqual(["must be a whole number from 1 to 65535"]);
    expect(messages["env.0.name"]).toEqual(['"PORT" is a reserved environment variable']);
    expect(messages.revisionName?.[0]).toContain('must have prefix "hello-"');
  });
});

describe("refusalMessages", () => {
  const sent = { name: "hello", namespace: "default" };

  it("says at the Name field that the name is taken", () => {
    const taken = new StatusError(kubeStatus(409, 'services.serving.knative.dev "hello" already exists', "AlreadyExists"));
    expect(refusalMessages(taken, sent)).toEqual({ [NAME_FIELD]: [takenNameMessage("hello", "default")] });
  });

  it("places each cause of a 422 next to its field, and the rest at the top with its path", () => {
    const refused = new StatusError(
      kubeStatus(422, "invalid", "Invalid", {
        causes: [
          { field: "metadata.name", message: "must be no more than 63 characters" },
          { field: "spec.template.spec.containers[0].image", message: "Required value" },
          { field: "spec.template.spec.containers[0].env[1].name", message: "bad name" },
          { field: "metadata.labels", message: "bad label" },
        ],
      }),
    );
    expect(refusalMessages(refused, sent)).toEqual({
      [NAME_FIELD]: ["must be no more than 63 characters"],
      image: ["Required value"],
      "env.1.name": ["bad name"],
      general: ["metadata.labels: bad label"],
    });
  });

  it("places nothing for other failures: the dialog shows their message", () => {
    expect(refusalMessages(new StatusError(kubeStatus(403, "forbidden")), sent)).toEqual({});
  });
});
