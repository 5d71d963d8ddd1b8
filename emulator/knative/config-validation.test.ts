import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../lib/knative/types";
import { ApiError } from "../core/errors";
import { ADMIN, type AdmissionRequest } from "../core/registry";
import { CONFIGMAPS } from "../core/resources";
import { observabilityConfigMap } from "./config-observability";
import { configValidationPlugin, exampleChecksum } from "./config-validation";

type ConfigMap = KubeObject & { data: Record<string, string> };

function denial(object: KubeObject, operation: AdmissionRequest["operation"] = "UPDATE"): string | undefined {
  try {
    configValidationPlugin().validate!({ type: CONFIGMAPS, operation, object, actor: ADMIN });
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe(400);
    return (err as ApiError).status.message;
  }
}

const shipped = () => observabilityConfigMap("1.23.0") as ConfigMap;
const withData = (data: Record<string, string>): ConfigMap => {
  const cm = shipped();
  return { ...cm, data: { ...cm.data, ...data } };
};

describe("config.webhook.serving.knative.dev for config-observability", () => {
  it("lets the shipped ConfigMap through: its _example matches its checksum annotation", () => {
    expect(exampleChecksum(shipped().data._example!)).toBe("59abacb5");
    expect(denial(shipped(), "CREATE")).toBeUndefined();
  });

  it("refuses what Knative's parser refuses, with its message", () => {
    expect(denial(withData({ "request-metrics-protocol": "bogus" }))).toBe(
      'admission webhook "config.webhook.serving.knative.dev" denied the request: validation failed: unsupported protocol "bogus"',
    );
    expect(denial(withData({ "request-metrics-protocol": "grpc" }))).toBe(
      'admission webhook "config.webhook.serving.knative.dev" denied the request: validation failed: endpoint should be set when protocol is "grpc"',
    );
  });

  it("refuses an edit of the _example block", () => {
    expect(denial(withData({ _example: "request-metrics-protocol: prometheus" }))).toBe(
      'admission webhook "config.webhook.serving.knative.dev" denied the request: validation failed: the update modifies a key in "_example" which is probably not what you want. Instead, copy the respective setting to the top-level of the ConfigMap, directly below "data"',
    );
  });

  it("sees only Knative's labelled ConfigMaps in its namespace, on create and update", () => {
    const bad = withData({ "request-metrics-protocol": "bogus" });
    expect(denial({ ...bad, metadata: { ...bad.metadata, namespace: "default" } })).toBeUndefined();
    expect(denial({ ...bad, metadata: { ...bad.metadata, labels: {} } })).toBeUndefined();
    expect(denial(bad, "DELETE")).toBeUndefined();
  });
});
