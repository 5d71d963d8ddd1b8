// One object of each kind a client may write, created before the malformed requests, so that
// updates, patches and deletes have something to (fail to) change; with what each kind declares
// beyond ObjectMeta, to break it field by field.

export interface Fixture {
  key: string;
  kind: string;
  apiVersion: string;
  name: string;
  namespaced: boolean;
  /** A custom resource (Knative): schema type errors are 422, not decoder 400s. */
  crd: boolean;
  collection: string;
  item: string;
  valid(name: string): Record<string, unknown>;
  /** Patches that give one of the kind's own fields a value of the wrong JSON type. */
  wrongTypes: Array<[string, Record<string, unknown>]>;
  wrongTypeStatus: number;
  badNames: string[];
  /** Well-typed bodies that admission refuses, with the status (Knative's webhook denies with 400). */
  invalidBodies?: Array<[string, (name: string) => Record<string, unknown>, number]>;
}

const IMAGE = "ghcr.io/knative/helloworld-go:latest";
const core = (resource: string, namespaced = true) => (namespaced ? `/api/v1/namespaces/default/${resource}` : `/api/v1/${resource}`);

const withSpec = (spec: unknown) => ({ spec });
const template = (podSpec: Record<string, unknown>) => withSpec({ template: { spec: podSpec } });
const containers = (c: unknown) => template({ containers: c });

export const KSVC: Fixture = {
  key: "ksvc",
  kind: "Service",
  apiVersion: "serving.knative.dev/v1",
  name: "robust-ksvc",
  namespaced: true,
  crd: true,
  collection: "/apis/serving.knative.dev/v1/namespaces/default/services",
  item: "/apis/serving.knative.dev/v1/namespaces/default/services/robust-ksvc",
  valid: (name) => ({ apiVersion: "serving.knative.dev/v1", kind: "Service", metadata: { name }, spec: { template: { spec: { containers: [{ image: IMAGE }] } } } }),
  wrongTypeStatus: 422,
  wrongTypes: [
    ["spec as a string", { spec: "x" }],
    ["traffic as a string", withSpec({ traffic: "all" })],
    ["traffic as an object", withSpec({ traffic: {} })],
    ["traffic as a number", withSpec({ traffic: 7 })],
    ["a traffic target that is a number", withSpec({ traffic: [1] })],
    ["percent as a string", withSpec({ traffic: [{ latestRevision: true, percent: "100" }] })],
    ["latestRevision as a string", withSpec({ traffic: [{ latestRevision: "yes", percent: 100 }] })],
    ["template as a string", withSpec({ template: "x" })],
    ["template metadata as a string", withSpec({ template: { metadata: "x", spec: { containers: [{ image: IMAGE }] } } })],
    ["containers as a string", containers("x")],
    ["a container that is a number", containers([1])],
    ["image as a number", containers([{ image: 5 }])],
    ["env as a string", containers([{ image: IMAGE, env: "x" }])],
    ["an env name that is a number", containers([{ image: IMAGE, env: [{ name: 5, value: "x" }] }])],
    ["containerPort as a string", containers([{ image: IMAGE, ports: [{ containerPort: "8080" }] }])],
    ["resources as a string", containers([{ image: IMAGE, resources: "big" }])],
    ["containerConcurrency as a string", template({ containers: [{ image: IMAGE }], containerConcurrency: "10" })],
    ["timeoutSeconds as a string", template({ containers: [{ image: IMAGE }], timeoutSeconds: "300" })],
    ["timeoutSeconds as a fraction", template({ containers: [{ image: IMAGE }], timeoutSeconds: 1.5 })],
  ],
  badNames: ["UPPER", "a_b", "-leading-dash", "x".repeat(254), "dots..twice"],
  invalidBodies: [
    ["traffic that sums to 90", (name) => ({ apiVersion: "serving.knative.dev/v1", kind: "Service", metadata: { name }, spec: { template: { spec: { containers: [{ image: IMAGE }] } }, traffic: [{ latestRevision: true, percent: 90 }] } }), 400],
    ["no containers", (name) => ({ apiVersion: "serving.knative.dev/v1", kind: "Service", metadata: { name }, spec: { template: { spec: {} } } }), 422],
    ["a revision name outside the Service's", (name) => ({ apiVersion: "serving.knative.dev/v1", kind: "Service", metadata: { name }, spec: { template: { metadata: { name: "other-00001" }, spec: { containers: [{ image: IMAGE }] } } } }), 400],
  ],
};

export const CONFIGMAP: Fixture = {
  key: "configmap",
  kind: "ConfigMap",
  apiVersion: "v1",
  name: "robust-cm",
  namespaced: true,
  crd: false,
  collection: core("configmaps"),
  item: `${core("configmaps")}/robust-cm`,
  valid: (name) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name }, data: { k: "v" } }),
  wrongTypeStatus: 400,
  wrongTypes: [
    ["data as a number", { data: 5 }],
    ["data as a string", { data: "x" }],
    ["data as an array", { data: [] }],
    ["a data value that is a number", { data: { k: 1 } }],
    ["a data value that is an object", { data: { k: { nested: "x" } } }],
    ["binaryData that is not base64", { binaryData: { k: "!!" } }],
    ["binaryData as a string", { binaryData: "x" }],
    ["immutable as a string", { immutable: "yes" }],
  ],
  badNames: ["UPPER", "a_b", "x".repeat(254), ".leading-dot"],
};

export const SECRET: Fixture = {
  key: "secret",
  kind: "Secret",
  apiVersion: "v1",
  name: "robust-secret",
  namespaced: true,
  crd: false,
  collection: core("secrets"),
  item: `${core("secrets")}/robust-secret`,
  valid: (name) => ({ apiVersion: "v1", kind: "Secret", metadata: { name }, data: { k: "aGk=" } }),
  wrongTypeStatus: 400,
  wrongTypes: [
    ["data that is not base64", { data: { k: "***" } }],
    ["data without its padding", { data: { k: "abc" } }],
    ["padding in the middle", { data: { k: "ab=c" } }],
    ["a data value that is a number", { data: { k: 5 } }],
    ["data as a string", { data: "x" }],
    ["a stringData value that is a number", { stringData: { k: 1 } }],
    ["stringData as an array", { stringData: [] }],
    ["type as a number", { type: 5 }],
    ["immutable as a string", { immutable: "x" }],
  ],
  badNames: ["UPPER", "a_b", "x".repeat(254)],
};

export const NAMESPACE: Fixture = {
  key: "namespace",
  kind: "Namespace",
  apiVersion: "v1",
  name: "robust-ns",
  namespaced: false,
  crd: false,
  collection: core("namespaces", false),
  item: `${core("namespaces", false)}/robust-ns`,
  valid: (name) => ({ apiVersion: "v1", kind: "Namespace", metadata: { name } }),
  wrongTypeStatus: 400,
  wrongTypes: [
    ["spec as a string", { spec: "x" }],
    ["spec.finalizers as a string", { spec: { finalizers: "x" } }],
    ["a finalizer that is a number", { spec: { finalizers: [1] } }],
    ["status as a string", { status: "x" }],
  ],
  badNames: ["UPPER", "a.b", "x".repeat(64)],
};

export const CORE_SERVICE: Fixture = {
  key: "service",
  kind: "Service",
  apiVersion: "v1",
  name: "robust-svc",
  namespaced: true,
  crd: false,
  collection: core("services"),
  item: `${core("services")}/robust-svc`,
  valid: (name) => ({ apiVersion: "v1", kind: "Service", metadata: { name }, spec: { ports: [{ port: 80 }] } }),
  wrongTypeStatus: 400,
  wrongTypes: [
    ["spec as a string", { spec: "x" }],
    ["ports as a string", { spec: { ports: "x" } }],
    ["a port that is a number", { spec: { ports: [1] } }],
    ["port as a string", { spec: { ports: [{ port: "80" }] } }],
    ["port as a fraction", { spec: { ports: [{ port: 1.5 }] } }],
    ["port beyond int32", { spec: { ports: [{ port: 99_999_999_999 }] } }],
    ["targetPort as a bool", { spec: { ports: [{ port: 80, targetPort: true }] } }],
    ["selector as a string", { spec: { selector: "x" } }],
    ["a selector value that is a number", { spec: { selector: { app: 1 } } }],
    ["type as a number", { spec: { type: 5 } }],
    ["clusterIPs as a string", { spec: { clusterIPs: "x" } }],
  ],
  badNames: ["UPPER", "a.b", "x".repeat(64)],
};

export const FIXTURES: Fixture[] = [KSVC, CONFIGMAP, SECRET, NAMESPACE, CORE_SERVICE];
