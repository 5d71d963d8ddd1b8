import { describe, expect, it } from "vitest";
import type { EnvVar } from "../../lib/knative/types";
import { TestCluster } from "../gateway/testing/test-cluster";
import { createRevisionApp } from "./apps";
import { resolveContainerEnv } from "./container-env";

function appFor(image: string, env: EnvVar[] = [], cluster = new TestCluster()) {
  const revision = cluster.addRevision({ name: "hello-00001", image, env });
  return createRevisionApp(revision, resolveContainerEnv(revision, cluster.registry));
}
const text = (app: ReturnType<typeof appFor>) => app.respond().body.toString();

describe("revision apps", () => {
  it("helloworld answers Hello World! by default and Hello $TARGET! with TARGET", () => {
    const plain = appFor("ghcr.io/knative/helloworld-go");
    expect(plain.kind).toBe("helloworld");
    expect(plain.respond()).toMatchObject({ status: 200, contentType: "text/plain; charset=utf-8", delayMs: 0 });
    expect(text(plain)).toBe("Hello World!\n");
    expect(text(appFor("docker.io/acme/helloworld-go:v2", [{ name: "TARGET", value: "Knative on ASM" }]))).toBe("Hello Knative on ASM!\n");
    // helloworld-go treats an empty TARGET as unset.
    expect(text(appFor("ghcr.io/knative/helloworld-go", [{ name: "TARGET", value: "" }]))).toBe("Hello World!\n");
  });

  it("any other image runs the generic app, which names the revision", () => {
    const app = appFor("nginx:1.27");
    expect(app.kind).toBe("generic");
    expect(app.respond().contentType).toBe("application/json");
    expect(JSON.parse(text(app))).toEqual({ revision: "hello-00001", configuration: "hello", service: "hello", image: "nginx:1.27" });
  });

  it("ERROR_RATE fails exactly that share of requests, by sequence", () => {
    const app = appFor("ghcr.io/knative/helloworld-go", [{ name: "ERROR_RATE", value: "0.2" }]);
    const statuses = Array.from({ length: 1000 }, () => app.respond().status);
    expect(statuses.filter((s) => s === 500)).toHaveLength(200);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 500]);
  });

  it("ERROR_STATUS and RESPONSE_DELAY_MS shape the answers", () => {
    const app = appFor("nginx", [
      { name: "ERROR_RATE", value: "100%" },
      { name: "ERROR_STATUS", value: "503" },
      { name: "RESPONSE_DELAY_MS", value: "40" },
    ]);
    const answer = app.respond();
    expect(answer).toMatchObject({ status: 503, contentType: "text/plain; charset=utf-8", delayMs: 40 });
    expect(answer.body.toString()).toBe("injected failure: hello-00001 answers 503 to ERROR_RATE=100% of requests\n");
  });
});

describe("resolveContainerEnv", () => {
  it("resolves ConfigMap and Secret references, envFrom with prefix, and Knative's own variables", () => {
    const cluster = new TestCluster();
    cluster.setConfigMap("default", "greeting", { target: "from a ConfigMap", LEVEL: "debug" });
    cluster.setSecret("default", "creds", { token: "s3cret" });
    const revision = cluster.addRevision({
      name: "hello-00003",
      env: [
        { name: "TARGET", valueFrom: { configMapKeyRef: { name: "greeting", key: "target" } } },
        { name: "TOKEN", valueFrom: { secretKeyRef: { name: "creds", key: "token" } } },
        { name: "MISSING", valueFrom: { configMapKeyRef: { name: "nope", key: "x", optional: true } } },
        { name: "NS", valueFrom: { fieldRef: { fieldPath: "metadata.namespace" } } },
        { name: "EMPTY" },
      ],
    });
    revision.spec.containers[0]!.envFrom = [{ configMapRef: { name: "greeting" }, prefix: "CM_" }];
    expect(resolveContainerEnv(revision, cluster.registry)).toEqual({
      CM_target: "from a ConfigMap",
      CM_LEVEL: "debug",
      TARGET: "from a ConfigMap",
      TOKEN: "s3cret",
      NS: "default",
      EMPTY: "",
      PORT: "8080",
      K_REVISION: "hello-00003",
      K_CONFIGURATION: "hello",
      K_SERVICE: "hello",
    });
  });
});
