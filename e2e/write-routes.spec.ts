// Bad input to the console's write routes: malformed JSON, wrong types, out-of-range and
// non-integer percents, sums other than 100, unknown revisions, bad and duplicate tags, bad names,
// reserved env names, oversized bodies, stale versions, cross-site requests. Each is refused with
// a Status of the right code that names the field, and the Service is exactly as it was.

import type { APIRequestContext } from "@playwright/test";
import { type Actor, expect, test } from "./support/actor";
import { kubectl } from "./support/embedded-cluster";
import { createKnativeService, deleteKnativeService, getKnativeService, HELLO_IMAGE, uniqueName, waitReady } from "./support/knative-service";

interface BadInput {
  name: string;
  route: "traffic" | "revisions" | "path";
  method?: "PUT" | "POST";
  path?: string;
  headers?: Record<string, string>;
  /** A string is sent as it is; anything else as JSON. */
  body: unknown;
  status: number;
  /** A field the Status must name in details.causes. */
  field?: string;
  /** Text the Status message must contain. */
  message?: string | RegExp;
}

const service = uniqueName("routes");
const first = `${service}-00001`;
const second = `${service}-00002`;
let resourceVersion = "";
let template: Record<string, unknown> = {};

test.beforeAll(() => {
  createKnativeService(service, { target: "one" });
  kubectl(["patch", "ksvc", service, "--type", "merge", "-p", JSON.stringify({ spec: { template: { spec: { containers: [{ image: HELLO_IMAGE, env: [{ name: "TARGET", value: "two" }] }] } } } })]);
  waitReady(service);
  const now = getKnativeService(service);
  resourceVersion = now.metadata.resourceVersion;
  template = now.spec.template as Record<string, unknown>;
});

test.afterAll(() => deleteKnativeService(service));

const split = (a: number, b: number) => [
  { revisionName: first, percent: a },
  { revisionName: second, percent: b },
];
const traffic = (t: unknown) => ({ resourceVersion, spec: { traffic: t } });
const withContainer = (change: Record<string, unknown>, traffic: unknown = split(100, 0)) => {
  const spec = template.spec as { containers: Array<Record<string, unknown>> };
  return { resourceVersion, spec: { template: { ...template, metadata: { name: `${service}-00003` }, spec: { ...spec, containers: [{ ...spec.containers[0], ...change }] } }, traffic } };
};
const withSpec = (change: Record<string, unknown>) => {
  const body = withContainer({});
  Object.assign(body.spec.template.spec as Record<string, unknown>, change);
  return body;
};
const withTemplate = (change: Record<string, unknown>) => {
  const body = withContainer({});
  Object.assign(body.spec.template as Record<string, unknown>, change);
  return body;
};

const WRONG_TYPES: unknown[] = ["x", 5, 1.5, true, [], {}, null];

function badInputs(actor: Actor): BadInput[] {
  const cases: BadInput[] = [];
  const both = (name: string, body: unknown, status: number, more: Partial<BadInput> = {}) => {
    cases.push({ name: `traffic: ${name}`, route: "traffic", body, status, ...more });
    cases.push({ name: `revisions: ${name}`, route: "revisions", body, status, ...more });
  };

  // Not JSON, or not the JSON of a request.
  for (const raw of ["{", "", "nul", "[1,]", "{\"a\":1}x", "\u0000"]) both(`body ${JSON.stringify(raw)}`, raw, 400, { message: "not valid JSON" });
  for (const value of ['"x"', "123", "null", "[]", "true", "{}"]) both(`body ${value}`, value, 422);
  for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/merge-patch+json"]) {
    both(`as ${type}`, JSON.stringify(traffic(split(50, 50))), 415, { headers: { "Content-Type": type } });
  }
  both("larger than 256 KiB", { resourceVersion, spec: { traffic: split(50, 50) }, padding: "x".repeat(300 * 1024) }, 413);

  // resourceVersion: required, a version the cluster gave, and the current one.
  for (const rv of [undefined, "", "abc", 5, null, "-1", "1e3"]) {
    cases.push({ name: `traffic: resourceVersion ${JSON.stringify(rv)}`, route: "traffic", body: { resourceVersion: rv, spec: { traffic: split(50, 50) } }, status: 422, field: "resourceVersion" });
    cases.push({ name: `revisions: resourceVersion ${JSON.stringify(rv)}`, route: "revisions", body: { ...withContainer({}), resourceVersion: rv }, status: 422, field: "resourceVersion" });
  }
  cases.push({ name: "traffic: a stale resourceVersion", route: "traffic", body: { resourceVersion: "1", spec: { traffic: split(50, 50) } }, status: 409, message: "the object has been modified" });
  cases.push({ name: "revisions: a stale resourceVersion", route: "revisions", body: { ...withContainer({}), resourceVersion: "1" }, status: 409, message: "the object has been modified" });

  // The traffic route's shape, field by field.
  for (const v of WRONG_TYPES) {
    cases.push({ name: `traffic: spec = ${JSON.stringify(v)}`, route: "traffic", body: { resourceVersion, spec: v }, status: 422, field: "spec" });
    if (!Array.isArray(v)) cases.push({ name: `traffic: spec.traffic = ${JSON.stringify(v)}`, route: "traffic", body: traffic(v), status: 422, field: "spec.traffic" });
    // An empty target is well-formed; the webhook refuses the split it makes (a sum of 0).
    cases.push({ name: `traffic: a target = ${JSON.stringify(v)}`, route: "traffic", body: traffic([v]), status: 422, ...(JSON.stringify(v) === "{}" ? {} : { field: "spec.traffic[0]" }) });
    for (const key of ["percent", "revisionName", "tag", "latestRevision", "configurationName"]) {
      if (key === "percent" && v === 5) continue;
      if ((key === "revisionName" || key === "tag" || key === "configurationName") && v === "x") continue;
      if (key === "latestRevision" && v === true) continue;
      cases.push({ name: `traffic: ${key} = ${JSON.stringify(v)}`, route: "traffic", body: traffic([{ revisionName: first, percent: 100, [key]: v }]), status: 422, field: `spec.traffic[0].${key}` });
    }
  }
  for (const p of [-1, 101, 1000, 50.5, 0.1, 1e9, -0.5, Number.MAX_SAFE_INTEGER]) {
    cases.push({ name: `traffic: percent ${p}`, route: "traffic", body: traffic([{ revisionName: first, percent: p }, { revisionName: second, percent: 100 - Math.trunc(p) }]), status: 422, field: "spec.traffic[0].percent" });
  }
  for (const [a, b] of [[50, 40], [50, 60], [0, 0], [100, 100], [1, 1], [99, 0], [33, 33]]) {
    cases.push({ name: `traffic: a sum of ${a! + b!}`, route: "traffic", body: traffic(split(a!, b!)), status: 422, message: `Traffic targets sum to ${a! + b!}, want 100` });
    cases.push({ name: `revisions: a sum of ${a! + b!}`, route: "revisions", body: withContainer({}, split(a!, b!)), status: 422, message: `Traffic targets sum to ${a! + b!}, want 100` });
  }
  cases.push({ name: "traffic: an unknown field", route: "traffic", body: { ...traffic(split(50, 50)), bogus: 1 }, status: 422 });
  cases.push({ name: "traffic: an unknown field in spec", route: "traffic", body: { resourceVersion, spec: { traffic: split(50, 50), template: {} } }, status: 422 });
  cases.push({ name: "traffic: an unknown field in a target", route: "traffic", body: traffic([{ revisionName: first, percent: 100, weight: 1 }]), status: 422 });
  cases.push({ name: "traffic: 65 targets", route: "traffic", body: traffic(Array.from({ length: 65 }, () => ({ revisionName: first, percent: 0 }))), status: 422, field: "spec.traffic" });
  for (const name of ["nope-00009", `${service}-00099`, "UPPER", "a_b", "<b>x</b>", "x".repeat(254)]) {
    cases.push({ name: `traffic: revision ${JSON.stringify(name.slice(0, 20))}`, route: "traffic", body: traffic([{ revisionName: name, percent: 100 }]), status: 422 });
  }
  for (const tag of ["Bad_Tag", "-x", "1abc", "a.b", "<script>alert(1)</script>", "x".repeat(63) + "y", "UPPER", "a b"]) {
    cases.push({ name: `traffic: tag ${JSON.stringify(tag.slice(0, 20))}`, route: "traffic", body: traffic([{ revisionName: first, percent: 100, tag }]), status: 422 });
  }
  cases.push({ name: "traffic: a tag defined twice", route: "traffic", body: traffic([{ revisionName: first, percent: 50, tag: "canary" }, { revisionName: second, percent: 50, tag: "canary" }]), status: 422, message: 'Multiple definitions for "canary"' });
  cases.push({ name: "traffic: revisionName and latestRevision", route: "traffic", body: traffic([{ revisionName: first, latestRevision: true, percent: 100 }]), status: 422 });
  cases.push({ name: "traffic: configurationName on a Service", route: "traffic", body: traffic([{ configurationName: service, percent: 100 }]), status: 422 });

  // The revisions route's template, field by field.
  for (const v of WRONG_TYPES) {
    const s = JSON.stringify(v);
    cases.push({ name: `revisions: template = ${s}`, route: "revisions", body: { resourceVersion, spec: { template: v, traffic: split(100, 0) } }, status: 422, field: "spec.template" });
    cases.push({ name: `revisions: template.spec = ${s}`, route: "revisions", body: withTemplate({ spec: v }), status: 422, field: "spec.template.spec" });
    if (!Array.isArray(v)) cases.push({ name: `revisions: containers = ${s}`, route: "revisions", body: withSpec({ containers: v }), status: 422, field: "spec.template.spec.containers" });
    for (const key of ["image", "env", "command", "args", "ports", "resources"]) {
      if ((key === "image" && v === "x") || (Array.isArray(v) && ["env", "command", "args", "ports"].includes(key)) || (key === "resources" && JSON.stringify(v) === "{}")) continue;
      if (v === null && key !== "image") continue;
      cases.push({ name: `revisions: container ${key} = ${s}`, route: "revisions", body: withContainer({ [key]: v }), status: 422, field: `spec.template.spec.containers[0].${key}` });
    }
    for (const key of ["containerConcurrency", "timeoutSeconds"]) {
      if (v === 5) continue;
      cases.push({ name: `revisions: ${key} = ${s}`, route: "revisions", body: withSpec({ [key]: v }), status: 422, field: `spec.template.spec.${key}` });
    }
  }
  for (const v of WRONG_TYPES) {
    const s = JSON.stringify(v);
    const c0 = "spec.template.spec.containers[0]";
    cases.push({ name: `revisions: an env entry = ${s}`, route: "revisions", body: withContainer({ env: [v] }), status: 422, field: `${c0}.env[0]` });
    if (v !== "x") {
      cases.push({ name: `revisions: a command word = ${s}`, route: "revisions", body: withContainer({ command: [v] }), status: 422, field: `${c0}.command[0]` });
      cases.push({ name: `revisions: an arg = ${s}`, route: "revisions", body: withContainer({ args: [v] }), status: 422, field: `${c0}.args[0]` });
      cases.push({ name: `revisions: an env value = ${s}`, route: "revisions", body: withContainer({ env: [{ name: "A", value: v }] }), status: 422, field: `${c0}.env[0].value` });
      cases.push({ name: `revisions: a CPU request = ${s}`, route: "revisions", body: withContainer({ resources: { requests: { cpu: v } } }), status: 422, field: `${c0}.resources.requests.cpu` });
    }
    cases.push({ name: `revisions: a port entry = ${s}`, route: "revisions", body: withContainer({ ports: [v] }), status: 422, field: `${c0}.ports[0]` });
    if (JSON.stringify(v) !== "{}") cases.push({ name: `revisions: an env valueFrom = ${s}`, route: "revisions", body: withContainer({ env: [{ name: "A", valueFrom: v }] }), status: 422 });
  }
  for (const p of [-1, 101, 50.5, 1e9]) {
    cases.push({ name: `traffic: the second target's percent ${p}`, route: "traffic", body: traffic([{ revisionName: first, percent: 50 }, { revisionName: second, percent: p }]), status: 422, field: "spec.traffic[1].percent" });
    cases.push({ name: `revisions: the new revision's percent ${p}`, route: "revisions", body: withContainer({}, [{ revisionName: `${service}-00003`, percent: p }]), status: 422, field: "spec.traffic[0].percent" });
  }
  cases.push({ name: "revisions: a GPU request", route: "revisions", body: withContainer({ resources: { requests: { "nvidia.com/gpu": "1" } } }), status: 422 });
  cases.push({ name: "revisions: a valueFrom without a key", route: "revisions", body: withContainer({ env: [{ name: "A", valueFrom: { secretKeyRef: { name: "s" } } }] }), status: 422 });
  cases.push({ name: "revisions: an empty valueFrom", route: "revisions", body: withContainer({ env: [{ name: "A", valueFrom: {} }] }), status: 422 });
  cases.push({ name: "revisions: two ports", route: "revisions", body: withContainer({ ports: [{ containerPort: 8080 }, { containerPort: 8081 }] }), status: 422 });
  for (const name of ["PORT", "K_SERVICE", "K_CONFIGURATION", "K_REVISION"]) {
    cases.push({ name: `revisions: env ${name}`, route: "revisions", body: withContainer({ env: [{ name, value: "x" }] }), status: 422, message: `"${name}" is a reserved environment variable` });
  }
  for (const name of ["", "a=b", "x".repeat(1025)]) {
    cases.push({ name: `revisions: env named ${JSON.stringify(name.slice(0, 12))}`, route: "revisions", body: withContainer({ env: [{ name, value: "x" }] }), status: 422 });
  }
  cases.push({ name: "revisions: env with a value and a valueFrom", route: "revisions", body: withContainer({ env: [{ name: "A", value: "x", valueFrom: { configMapKeyRef: { name: "c", key: "k" } } }] }), status: 422 });
  cases.push({ name: "revisions: env with an unknown field", route: "revisions", body: withContainer({ env: [{ name: "A", value: "x", secret: true }] }), status: 422 });
  for (const port of [0, 70000, -1, 1.5, 8012, 8022, 9090]) {
    cases.push({ name: `revisions: containerPort ${port}`, route: "revisions", body: withContainer({ ports: [{ containerPort: port }] }), status: 422 });
  }
  for (const [key, value] of [["containerConcurrency", -1], ["containerConcurrency", 1001], ["timeoutSeconds", 601], ["timeoutSeconds", -5]] as const) {
    cases.push({ name: `revisions: ${key} ${value}`, route: "revisions", body: withSpec({ [key]: value }), status: 422 });
  }
  cases.push({ name: "revisions: no containers", route: "revisions", body: withSpec({ containers: [] }), status: 422 });
  cases.push({ name: "revisions: an empty image", route: "revisions", body: withContainer({ image: "" }), status: 422 });
  cases.push({ name: "revisions: an image reference that does not parse", route: "revisions", body: withContainer({ image: "UPPER CASE:::" }), status: 422 });
  for (const [key, value] of [["autoscaling.knative.dev/min-scale", "x"], ["autoscaling.knative.dev/max-scale", "-1"], ["autoscaling.knative.dev/target", "0"], ["autoscaling.knative.dev/window", "1s"]]) {
    const body = withContainer({});
    (body.spec.template as Record<string, unknown>).metadata = { name: `${service}-00003`, annotations: { [key!]: value! } };
    cases.push({ name: `revisions: annotation ${key}=${value}`, route: "revisions", body, status: 422 });
  }
  for (const name of ["other-00003", first, `${service}`, "UPPER-00003", `${service}-<b>`]) {
    const body = withContainer({});
    (body.spec.template as Record<string, unknown>).metadata = { name };
    cases.push({ name: `revisions: revision named ${JSON.stringify(name)}`, route: "revisions", body, status: 422 });
  }
  cases.push({ name: "revisions: a split to an unknown revision", route: "revisions", body: withContainer({}, [{ revisionName: "nope", percent: 100 }]), status: 422 });
  cases.push({ name: "revisions: an unknown field", route: "revisions", body: { ...withContainer({}), bogus: 1 }, status: 422 });
  cases.push({ name: "revisions: an unknown field in the template", route: "revisions", body: withTemplate({ bogus: 1 }), status: 422 });

  // The path: names, clusters, services that do not exist; other sites.
  const good = JSON.stringify(traffic(split(50, 50)));
  for (const [label, path, status] of [
    ["a namespace that is not a name", `/api/clusters/${actor.cluster}/namespaces/UPPER/services/${service}/traffic`, 400],
    ["a service that is not a name", `/api/clusters/${actor.cluster}/namespaces/default/services/a_b/traffic`, 400],
    ["a service that does not exist", `/api/clusters/${actor.cluster}/namespaces/default/services/${service}-gone/traffic`, 404],
    ["a cluster that does not exist", `/api/clusters/nope/namespaces/default/services/${service}/traffic`, 404],
    ["a malformed escape in the namespace", `/api/clusters/${actor.cluster}/namespaces/%ZZ/services/${service}/traffic`, 400],
    ["a malformed escape in the name", `/api/clusters/${actor.cluster}/namespaces/default/services/%E0%A4%A/traffic`, 400],
    ["a lone % in the cluster", `/api/clusters/%/namespaces/default/services/${service}/traffic`, 400],
  ] as Array<[string, string, number]>) {
    cases.push({ name: `path: ${label}`, route: "path", method: "PUT", path, body: good, status });
    cases.push({ name: `path: ${label}, new revision`, route: "path", method: "POST", path: path.replace(/\/traffic$/, "/revisions"), body: JSON.stringify(withContainer({})), status });
  }
  for (const [label, headers] of [
    ["from another origin", { Origin: "http://evil.example" }],
    ["from another site (Sec-Fetch-Site)", { "Sec-Fetch-Site": "cross-site" }],
    ["from an opaque origin", { Origin: "null" }],
  ] as Array<[string, Record<string, string>]>) {
    both(label, JSON.stringify(traffic(split(50, 50))), 403, { headers: { "Content-Type": "application/json", ...headers } });
  }
  return cases;
}

async function send(request: APIRequestContext, actor: Actor, c: BadInput) {
  const path =
    c.path ??
    (c.route === "traffic" ? `/api/clusters/${actor.cluster}/namespaces/default/services/${service}/traffic` : `/api/clusters/${actor.cluster}/namespaces/default/services/${service}/revisions`);
  const method = c.method ?? (c.route === "revisions" ? "POST" : "PUT");
  // A Buffer is sent byte for byte; Playwright would JSON-encode a string under a JSON content type.
  const data = Buffer.from(typeof c.body === "string" ? c.body : JSON.stringify(c.body));
  return request.fetch(path, { method, data, headers: c.headers ?? { "Content-Type": "application/json" }, failOnStatusCode: false });
}

test("every bad input to the write routes is refused with a Status naming the problem, and changes nothing", async ({ request, actor }) => {
  test.setTimeout(240_000);
  const before = getKnativeService(service);
  resourceVersion = before.metadata.resourceVersion;
  const cases = badInputs(actor);
  expect(cases.length).toBeGreaterThanOrEqual(300);
  const revisionsBefore = kubectl(["get", "revisions", "-l", `serving.knative.dev/service=${service}`, "-o", "name"]);
  const wrong: string[] = [];
  for (const c of cases) {
    const res = await send(request, actor, c);
    const body = (await res.json().catch(() => undefined)) as { kind?: string; code?: number; message?: string; details?: { causes?: Array<{ field?: string }> } } | undefined;
    const why = `${c.name}: ${res.status()} ${JSON.stringify(body).slice(0, 240)}`;
    if (res.status() !== c.status || body?.kind !== "Status" || body.code !== c.status) wrong.push(`expected ${c.status}, ${why}`);
    else if (c.field && !body.details?.causes?.some((cause) => cause.field === c.field || cause.field?.startsWith(`${c.field}.`) || cause.field?.startsWith(`${c.field}[`))) wrong.push(`no cause for ${c.field}, ${why}`);
    else if (c.message && !(typeof c.message === "string" ? body.message?.includes(c.message) : c.message.test(body.message ?? ""))) wrong.push(`message lacks ${String(c.message)}, ${why}`);
    else if (!c.field && c.status === 422 && !body.details?.causes?.length) wrong.push(`a 422 without causes, ${why}`);
  }
  expect(wrong).toEqual([]);
  const after = getKnativeService(service);
  expect(after.metadata.generation).toBe(before.metadata.generation);
  expect(after.spec).toEqual(before.spec);
  expect(kubectl(["get", "revisions", "-l", `serving.knative.dev/service=${service}`, "-o", "name"])).toBe(revisionsBefore);
});

test("a good request reaches the cluster, so the refusals above are about the input: applied, or refused to the viewer in the cluster's words", async ({ request, actor }) => {
  resourceVersion = getKnativeService(service).metadata.resourceVersion;
  const res = await send(request, actor, { name: "good split", route: "traffic", body: traffic(split(50, 50)), status: 200 });
  if (!actor.mayChange) {
    // The viewer's good request reaches the cluster, which refuses it in its own words.
    expect(res.status()).toBe(403);
    expect((await res.json()).message).toContain(`User "${actor.user}" cannot patch resource "services" in API group "serving.knative.dev" in the namespace "default"`);
    expect(getKnativeService(service).metadata.resourceVersion).toBe(resourceVersion);
    return;
  }
  expect(res.status()).toBe(200);
  // The defaulting webhook marks pinned targets latestRevision: false.
  expect(getKnativeService(service).spec.traffic).toEqual(split(50, 50).map((t) => ({ ...t, latestRevision: false })));
});
