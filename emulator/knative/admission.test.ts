import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../lib/knative/types";
import { ApiError } from "../core/errors";
import type { AdmissionPlugin, AdmissionRequest } from "../core/registry";
import { ADMIN, CONTROLLER } from "../core/registry";
import { CONFIGMAPS, CONFIGURATIONS, REVISIONS, ROUTES, SERVICES, type ResourceType } from "../core/resources";
import { knativeAdmissionPlugins } from "./admission";

const INSECURE_WARNING =
  "Kubernetes default value is insecure, Knative may default this to secure in a future release: spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation, spec.template.spec.containers[0].securityContext.capabilities, spec.template.spec.containers[0].securityContext.runAsNonRoot, spec.template.spec.containers[0].securityContext.seccompProfile";

/** Runs the plugins as the registry does: every mutate, then every validate. */
function admit(req: AdmissionRequest, plugins: AdmissionPlugin[] = knativeAdmissionPlugins()): string[] {
  for (const p of plugins) p.mutate?.(req);
  const warnings: string[] = [];
  for (const p of plugins) warnings.push(...(p.validate?.(req) ?? []));
  return warnings;
}

function request(type: ResourceType, object: KubeObject, extra: Partial<AdmissionRequest> = {}): AdmissionRequest {
  return { type, operation: "CREATE", object, actor: ADMIN, ...extra };
}

function service(spec: Record<string, unknown>, name = "hello"): KubeObject {
  return { apiVersion: "serving.knative.dev/v1", kind: "Service", metadata: { name, namespace: "default" }, spec };
}

const helloTemplate = { spec: { containers: [{ image: "ghcr.io/knative/helloworld-go:latest", ports: [{ containerPort: 8080 }], env: [{ name: "TARGET", value: "World" }] }] } };

function thrown(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error("expected an ApiError");
}

describe("knative admission plugins", () => {
  it("defaults the getting-started Service as the API notes show, with creator annotations and the insecure-default warning", () => {
    const req = request(SERVICES, service({ template: helloTemplate }));
    const warnings = admit(req);
    expect(warnings).toEqual([INSECURE_WARNING]);
    expect(req.object.metadata.annotations).toEqual({
      "serving.knative.dev/creator": "kubernetes-admin",
      "serving.knative.dev/lastModifier": "kubernetes-admin",
    });
    expect(req.object.spec).toEqual({
      template: {
        spec: {
          containerConcurrency: 0,
          timeoutSeconds: 300,
          enableServiceLinks: false,
          containers: [
            {
              name: "user-container",
              image: "ghcr.io/knative/helloworld-go:latest",
              ports: [{ containerPort: 8080, protocol: "TCP" }],
              env: [{ name: "TARGET", value: "World" }],
              readinessProbe: { successThreshold: 1, tcpSocket: { port: 0 } },
              resources: {},
            },
          ],
        },
      },
      traffic: [{ latestRevision: true, percent: 100 }],
    });
  });

  it("denies a split that sums to 90 with the webhook's exact message", () => {
    const req = request(
      SERVICES,
      service({ template: helloTemplate, traffic: [{ revisionName: "hello-00001", percent: 50 }, { latestRevision: true, percent: 40 }] }),
    );
    const err = thrown(() => admit(req));
    expect(err.code).toBe(400);
    expect(err.status.reason).toBe("BadRequest");
    expect(err.message).toBe(
      'admission webhook "validation.webhook.serving.knative.dev" denied the request: validation failed: Traffic targets sum to 90, want 100: spec.traffic',
    );
  });

  it("reports a missing containers list as a schema error before the webhook runs", () => {
    const err = thrown(() => admit(request(SERVICES, service({ template: { spec: {} } }))));
    expect(err.code).toBe(422);
    expect(err.message).toBe('Service.serving.knative.dev "hello" is invalid: spec.template.spec.containers: Required value');
    expect(err.status.details?.causes).toEqual([{ reason: "FieldValueRequired", message: "Required value", field: "spec.template.spec.containers" }]);
  });

  it("reports an env entry without a name and a wrongly typed field, with kube-apiserver's paths", () => {
    const obj = service({ template: { spec: { timeoutSeconds: "300", containers: [{ image: "busybox", env: [{ value: "x" }] }] } } });
    const err = thrown(() => admit(request(SERVICES, obj)));
    expect(err.status.details?.causes).toEqual([
      { reason: "FieldValueRequired", message: "Required value", field: "spec.template.spec.containers[0].env[0].name" },
      {
        reason: "FieldValueTypeInvalid",
        message: 'Invalid value: "string": spec.template.spec.timeoutSeconds in body must be of type integer: "string"',
        field: "spec.template.spec.timeoutSeconds",
      },
    ]);
  });

  it("prunes unknown fields silently by default, warns with Warn and rejects with Strict", () => {
    const withBogus = () => service({ template: helloTemplate, bogus: true });

    const ignored = request(SERVICES, withBogus());
    expect(admit(ignored)).toEqual([INSECURE_WARNING]);
    expect(ignored.object.spec).not.toHaveProperty("bogus");

    const warned = request(SERVICES, withBogus(), { fieldValidation: "Warn" });
    expect(admit(warned)).toEqual(['unknown field "spec.bogus"', INSECURE_WARNING]);

    const err = thrown(() => admit(request(SERVICES, withBogus(), { fieldValidation: "Strict" })));
    expect(err.code).toBe(400);
    expect(err.message).toBe('Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.bogus"');
  });

  it("keeps unknown fields where the schema preserves them (template metadata)", () => {
    const req = request(SERVICES, service({ template: { metadata: { custom: "kept" }, ...helloTemplate } }), { fieldValidation: "Strict" });
    admit(req);
    expect((req.object.spec as { template: { metadata: Record<string, unknown> } }).template.metadata.custom).toBe("kept");
  });

  it("rejects a Revision spec change and leaves Revision updates undefaulted", () => {
    const stored: KubeObject = {
      apiVersion: "serving.knative.dev/v1",
      kind: "Revision",
      metadata: { name: "hello-00001", namespace: "default" },
      spec: { containers: [{ image: "busybox" }] },
    };
    const updated: KubeObject = { ...structuredClone(stored), spec: { containers: [{ image: "helloworld" }] } };
    const err = thrown(() => admit(request(REVISIONS, updated, { operation: "UPDATE", oldObject: stored })));
    expect(err.message).toBe(
      'admission webhook "validation.webhook.serving.knative.dev" denied the request: validation failed: Immutable fields changed (-old +new): spec\n{v1.RevisionSpec}.PodSpec.Containers[0].Image:\n\t-: "busybox"\n\t+: "helloworld"\n',
    );
  });

  it("does not default or validate status writes, and ignores other groups and deletes", () => {
    const obj = service({ template: helloTemplate, traffic: [{ percent: 10 }] });
    const statusWrite = request(SERVICES, obj, { operation: "UPDATE", oldObject: structuredClone(obj), subresource: "status", actor: CONTROLLER });
    expect(admit(statusWrite)).toEqual([]);
    expect(statusWrite.object.metadata.annotations).toBeUndefined();

    const cm: KubeObject = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x" }, data: { a: "b" } };
    expect(admit(request(CONFIGMAPS, cm))).toEqual([]);
    expect(admit(request(SERVICES, obj, { operation: "DELETE", oldObject: obj }))).toEqual([]);
  });

  it("lets a standalone Route through with its traffic defaulted, but not with none", () => {
    const route: KubeObject = { apiVersion: "serving.knative.dev/v1", kind: "Route", metadata: { name: "r", namespace: "default" }, spec: { traffic: [{ configurationName: "c", percent: 100 }] } };
    const req = request(ROUTES, route);
    expect(admit(req)).toEqual([]);
    expect((req.object.spec as { traffic: unknown[] }).traffic).toEqual([{ configurationName: "c", percent: 100, latestRevision: true }]);

    const empty: KubeObject = { ...route, spec: {} };
    expect(thrown(() => admit(request(ROUTES, empty))).message).toMatch(/validation failed: Traffic targets sum to 0, want 100: spec.traffic$/);
  });

  it("sets lastModifier only when the spec changes, and never the creator on update", () => {
    const create = request(CONFIGURATIONS, { apiVersion: "serving.knative.dev/v1", kind: "Configuration", metadata: { name: "c", namespace: "default" }, spec: { template: helloTemplate } });
    admit(create);
    const stored = create.object;

    const relabelled = structuredClone(stored);
    relabelled.metadata.labels = { team: "a" };
    const sameSpec = request(CONFIGURATIONS, relabelled, { operation: "UPDATE", oldObject: stored, actor: { username: "alice" } });
    admit(sameSpec);
    expect(sameSpec.object.metadata.annotations?.["serving.knative.dev/lastModifier"]).toBe("kubernetes-admin");

    const changed = structuredClone(stored);
    (changed.spec as { template: { spec: { containers: Array<{ image: string }> } } }).template.spec.containers[0]!.image = "busybox";
    const newSpec = request(CONFIGURATIONS, changed, { operation: "UPDATE", oldObject: stored, actor: { username: "alice" } });
    admit(newSpec);
    expect(newSpec.object.metadata.annotations).toEqual({ "serving.knative.dev/creator": "kubernetes-admin", "serving.knative.dev/lastModifier": "alice" });

    const forged = structuredClone(stored);
    forged.metadata.annotations = { ...forged.metadata.annotations, "serving.knative.dev/creator": "mallory" };
    expect(thrown(() => admit(request(CONFIGURATIONS, forged, { operation: "UPDATE", oldObject: stored }))).message).toBe(
      'admission webhook "validation.webhook.serving.knative.dev" denied the request: validation failed: annotation value is immutable: metadata.annotations.serving.knative.dev/creator',
    );
  });

  it("rejects a custom resource name that is not a DNS-1123 subdomain as kube-apiserver does", () => {
    const err = thrown(() => admit(request(SERVICES, service({ template: helloTemplate }, "Hello"))));
    expect(err.code).toBe(422);
    expect(err.status.details?.causes?.[0]?.field).toBe("metadata.name");
    expect(err.message).toMatch(/^Service.serving.knative.dev "Hello" is invalid: metadata.name: Invalid value: "Hello": a lowercase RFC 1123 subdomain/);
  });
});
