// Rules beyond the vectors (knative/serving pkg/apis/serving/v1 *_validation.go), checked through validateObject so the paths
// are the ones a user sees. Expected strings follow the Go sources cited in each file.

import { describe, expect, it } from "vitest";
import { VALIDATING_WEBHOOK, validationFailedMessage, webhookDenialMessage } from "../webhooks";
import { servingConfig, validateObject } from "./index";

type Json = Record<string, unknown>;

function revision(spec: Json, metadata: Json = {}): Json {
  return { apiVersion: "serving.knative.dev/v1", kind: "Revision", metadata: { name: "r", namespace: "default", ...metadata }, spec };
}

function service(templateSpec: Json, extra: { metadata?: Json; template?: Json } = {}): Json {
  return {
    apiVersion: "serving.knative.dev/v1",
    kind: "Service",
    metadata: { name: "s", namespace: "default", ...extra.metadata },
    spec: { template: { ...extra.template, spec: templateSpec }, traffic: [{ latestRevision: true, percent: 100 }] },
  };
}

const errorsOf = (kind: "Revision" | "Service", obj: Json, old?: Json) => validateObject(kind, old ? "UPDATE" : "CREATE", obj, old).errors?.render() ?? "";
const secure = { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] }, runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } };

describe("podspec rules (k8s_validation.go)", () => {
  it("reserved ports, port names and protocols", () => {
    expect(errorsOf("Revision", revision({ containers: [{ image: "x", ports: [{ containerPort: 8012, name: "grpc", protocol: "UDP" }] }] }))).toBe(
      [
        "Port name grpc is not allowed: spec.containers[0].ports\nName must be empty, or one of: 'h2c', 'http1'",
        "invalid value: 8012 is a reserved port: spec.containers[0].ports.containerPort\n8012 is a reserved port, please use a different value",
        "invalid value: UDP: spec.containers[0].ports.protocol",
      ].join("\n"),
    );
  });

  it("exactly one serving port across containers", () => {
    const twoPorts = { containers: [{ name: "a", image: "a", ports: [{ containerPort: 8080 }] }, { name: "b", image: "b", ports: [{ containerPort: 8081 }] }] };
    expect(errorsOf("Revision", revision(twoPorts))).toBe(
      "more than one container port is set: spec.containers[*].ports\nOnly a single port is allowed across all containers",
    );
    expect(errorsOf("Revision", revision({ containers: [{ name: "a", image: "a" }, { name: "b", image: "b" }] }))).toBe("missing field(s): spec.containers[*].ports");
  });

  it("fields behind feature flags are disallowed by default", () => {
    const spec = { nodeSelector: { disk: "ssd" }, containers: [{ image: "x", lifecycle: { preStop: {} }, env: [{ name: "A", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } }] }] };
    expect(errorsOf("Revision", revision(spec))).toBe(
      "must not set the field(s): spec.containers[0].env[0].valueFrom.fieldRef, spec.containers[0].lifecycle, spec.nodeSelector",
    );
    const enabled = servingConfig({ features: { podSpecNodeSelector: "Enabled", podSpecFieldRef: "Enabled" } });
    expect(validateObject("Revision", "CREATE", revision(spec), undefined, enabled).errors?.render()).toBe("must not set the field(s): spec.containers[0].lifecycle");
  });

  it("timeouts, concurrency and images", () => {
    const spec = { timeoutSeconds: 601, containerConcurrency: 1001, containers: [{ image: "UPPER/case" }] };
    expect(errorsOf("Service", service(spec))).toBe(
      [
        'Failed to parse image reference: spec.template.spec.containers[0].image\nimage: "UPPER/case", error: could not parse reference: UPPER/case',
        "expected 0 <= 1001 <= 1000: spec.template.spec.containerConcurrency",
        "expected 0 <= 601 <= 600: spec.template.spec.timeoutSeconds",
      ].join("\n"),
    );
  });

  it("accepts the usual image references", () => {
    for (const image of ["busybox", "ghcr.io/knative/helloworld-go:latest", "localhost:5000/app", `gcr.io/p/app@sha256:${"a".repeat(64)}`, "registry:5000/ns/app:v1.2_3"]) {
      expect(errorsOf("Revision", revision({ containers: [{ image }] })), image).toBe("");
    }
  });

  it("container names, env and empty containers", () => {
    expect(errorsOf("Revision", revision({ containers: [{}] }))).toBe("missing field(s): spec.containers[0]");
    expect(errorsOf("Revision", revision({ containers: [{ image: "x", env: [{ value: "v" }] }] }))).toBe("missing field(s): spec.containers[0].env[0].name");
    // Go's `errs.Also(dup).ViaFieldIndex(...)` prefixes what was collected so far (kept as in Go).
    const dup = { containers: [{ name: "a", image: "x", ports: [{ containerPort: 8080 }] }, { name: "a", image: "y" }] };
    expect(errorsOf("Revision", revision(dup))).toBe('duplicate container name "a": spec.containers[1].name');
  });

  it("volumes must be mounted, and read-only unless writable", () => {
    const spec = {
      volumes: [{ name: "cfg", configMap: { name: "c" } }, { name: "unused", secret: { secretName: "s" } }],
      containers: [{ image: "x", volumeMounts: [{ name: "cfg", mountPath: "/etc/cfg" }] }],
    };
    expect(errorsOf("Revision", revision(spec))).toBe(
      [
        "volume mount should be readOnly for this type of volume: spec.containers[0].volumeMounts[0].readOnly",
        'volume with name "unused" not mounted: spec.volumes[1].name',
      ].join("\n"),
    );
  });

  it("warns about insecure defaults only for fields left unset", () => {
    const result = validateObject("Revision", "CREATE", revision({ containers: [{ image: "x", securityContext: secure }] }));
    expect(result).toEqual({ errors: undefined, warnings: [] });
    const partly = validateObject("Revision", "CREATE", revision({ containers: [{ image: "x", securityContext: { ...secure, capabilities: { drop: ["all"] } } }] }));
    expect(partly.warnings).toEqual(["invalid value: all: spec.containers[0].securityContext.capabilities.drop\nMust be spelled as 'ALL'"]);
  });
});

describe("annotation rules", () => {
  it("autoscaling annotations belong on the template, where they are checked", () => {
    expect(errorsOf("Service", service({ containers: [{ image: "x" }] }, { metadata: { annotations: { "autoscaling.knative.dev/min-scale": "1" } } }))).toBe(
      'invalid key name "autoscaling.knative.dev/min-scale": metadata.annotations\nautoscaling annotations must be put under "spec.template.metadata.annotations" to work',
    );
    const template = { metadata: { annotations: { "autoscaling.knative.dev/min-scale": "5", "autoscaling.knative.dev/max-scale": "2", "autoscaling.knative.dev/window": "5s" } } };
    expect(errorsOf("Service", service({ containers: [{ image: "x" }] }, { template }))).toBe(
      [
        "expected 6s <= 5s <= 1h0m0s: spec.template.metadata.annotations.autoscaling.knative.dev/window",
        "max-scale=2 is less than min-scale=5: spec.template.metadata.annotations.autoscaling.knative.dev/max-scale, spec.template.metadata.annotations.autoscaling.knative.dev/min-scale",
      ].join("\n"),
    );
  });

  it("rollout duration", () => {
    const withRollout = (v: string) => service({ containers: [{ image: "x" }] }, { metadata: { annotations: { "serving.knative.dev/rollout-duration": v } } });
    expect(errorsOf("Service", withRollout("380s"))).toBe("");
    expect(errorsOf("Service", withRollout("1.5s"))).toBe("rollout-duration=1.5s is not at second precision: metadata.annotations.serving.knative.dev/rollout-duration");
    expect(errorsOf("Service", withRollout("-1m"))).toBe("rollout-duration=-1m must be positive: metadata.annotations.serving.knative.dev/rollout-duration");
    expect(errorsOf("Service", withRollout("soon"))).toBe("invalid value: soon: metadata.annotations.serving.knative.dev/rollout-duration");
  });
});

describe("update rules", () => {
  const base = service({ containers: [{ image: "x" }] }, { metadata: { annotations: { "serving.knative.dev/creator": "alice", "serving.knative.dev/lastModifier": "alice" } } });

  it("lastModifier may only change with the spec", () => {
    const touched = structuredClone(base);
    (touched.metadata as { annotations: Record<string, string> }).annotations["serving.knative.dev/lastModifier"] = "bob";
    expect(errorsOf("Service", touched, base)).toBe("invalid value: bob: metadata.annotations.serving.knative.dev/lastModifier");
  });

  it("a BYO name must change with labels too, and the denial reads as on the wire", () => {
    const named = service({ containers: [{ image: "x" }] }, { template: { metadata: { name: "s-v1" } } });
    const relabelled = structuredClone(named);
    ((relabelled.spec as Json).template as Json).metadata = { name: "s-v1", labels: { team: "a" } };
    const { errors } = validateObject("Service", "UPDATE", relabelled, named);
    expect(webhookDenialMessage(VALIDATING_WEBHOOK, validationFailedMessage(errors!))).toBe(
      'admission webhook "validation.webhook.serving.knative.dev" denied the request: validation failed: Saw the following changes without a name change (-old +new): spec.template.metadata.name\n{*v1.RevisionTemplateSpec}.ObjectMeta.Labels["team"]:\n\t+: "a"\n',
    );
  });

  it("pointer fields print with go-cmp's leading `*`", () => {
    const before = revision({ timeoutSeconds: 300, containers: [{ image: "x" }] });
    const after = revision({ timeoutSeconds: 600, containers: [{ image: "x" }] });
    expect(errorsOf("Revision", after, before)).toBe('Immutable fields changed (-old +new): spec\n*{v1.RevisionSpec}.TimeoutSeconds:\n\t-: "300"\n\t+: "600"\n');
  });
});
