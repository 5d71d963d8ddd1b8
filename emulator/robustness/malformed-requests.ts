// A table of malformed requests to the embedded cluster's API, each with the status kube-apiserver
// answers it with. Every case is refused: none may change anything, none may be a 5xx (but the
// one 504 kube-apiserver itself gives to a watch at a version it has not reached), none may hang.
//
// The cases are generated per kind from what each kind declares (./fixtures): wrong JSON types in
// every part of ObjectMeta and in the kind's own fields, values apimachinery refuses, and then
// the same through create, update and patch, since each must decode the same way.

import { FIXTURES, type Fixture } from "./fixtures";

export interface MalformedRequest {
  name: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Leave out the bearer token. */
  anonymous?: boolean;
  expect: number;
}

const JSON_CT = { "Content-Type": "application/json" };
const MERGE_CT = { "Content-Type": "application/merge-patch+json" };
const JSON_PATCH_CT = { "Content-Type": "application/json-patch+json" };
const APPLY_CT = { "Content-Type": "application/apply-patch+yaml" };

/** ObjectMeta fields with a value of the wrong JSON type: a 400 from the decoder for every kind. */
const WRONG_META_TYPES: Array<[string, unknown]> = [
  ["labels", "s"],
  ["labels", 1],
  ["labels", []],
  ["labels", true],
  ["labels", { a: 1 }],
  ["labels", { a: {} }],
  ["labels", { a: ["x"] }],
  ["annotations", "s"],
  ["annotations", []],
  ["annotations", { a: 1 }],
  ["annotations", { a: { b: "c" } }],
  ["ownerReferences", {}],
  ["ownerReferences", "x"],
  ["ownerReferences", [1]],
  ["ownerReferences", [{ uid: 5 }]],
  ["ownerReferences", [{ controller: "yes" }]],
  ["finalizers", "x"],
  ["finalizers", [1]],
  ["finalizers", {}],
  ["generation", "x"],
  ["generation", 1.5],
  ["generation", true],
  ["generation", 1e300],
  ["resourceVersion", 5],
  ["creationTimestamp", "yesterday"],
  ["creationTimestamp", 5],
  ["uid", 5],
  ["generateName", 5],
  ["deletionGracePeriodSeconds", "x"],
  ["managedFields", "x"],
  ["managedFields", [1]],
];

/** Well-typed ObjectMeta values that apimachinery's validation refuses: 422 for every kind. */
const INVALID_META_VALUES: Array<[string, string, unknown]> = [
  ["label key with a space", "labels", { "bad key": "v" }],
  ["label key with two slashes", "labels", { "a/b/c": "v" }],
  ["label value with a space", "labels", { k: "bad value" }],
  ["label value of 64 characters", "labels", { k: "v".repeat(64) }],
  ["annotation key with a space", "annotations", { "bad key": "v" }],
  ["annotations over 256 KiB", "annotations", { big: "x".repeat(256 * 1024) }],
  ["owner reference without a kind", "ownerReferences", [{ apiVersion: "v1", kind: "", name: "x", uid: "u" }]],
  ["owner reference without a uid", "ownerReferences", [{ apiVersion: "v1", kind: "ConfigMap", name: "x", uid: "" }]],
  ["two controller owner references", "ownerReferences", [
    { apiVersion: "v1", kind: "ConfigMap", name: "a", uid: "1", controller: true },
    { apiVersion: "v1", kind: "ConfigMap", name: "b", uid: "2", controller: true },
  ]],
  ["finalizer with a space", "finalizers", ["bad finalizer"]],
];

const json = (v: unknown) => JSON.stringify(v);
let serial = 0;
const fresh = (f: Fixture) => `${f.key}-malformed-${++serial}`;

/** The same broken object through create, update (PUT) and merge patch. */
function throughEveryWrite(f: Fixture, label: string, patch: Record<string, unknown>, expect: number, current: Record<string, unknown>): MalformedRequest[] {
  const created = mergeDeep(f.valid(fresh(f)), patch);
  const updated = mergeDeep(structuredClone(current), patch);
  return [
    { name: `${f.key}: create with ${label}`, method: "POST", path: f.collection, headers: JSON_CT, body: json(created), expect },
    { name: `${f.key}: update with ${label}`, method: "PUT", path: f.item, headers: JSON_CT, body: json(updated), expect },
    { name: `${f.key}: merge patch with ${label}`, method: "PATCH", path: f.item, headers: MERGE_CT, body: json(patch), expect },
  ];
}

function mergeDeep(target: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  for (const [k, v] of Object.entries(patch)) {
    const t = target[k];
    if (v && typeof v === "object" && !Array.isArray(v) && t && typeof t === "object" && !Array.isArray(t) && Object.keys(v).length > 0) {
      target[k] = mergeDeep(t as Record<string, unknown>, v as Record<string, unknown>);
    } else target[k] = v;
  }
  return target;
}

const nested = (depth: number, leaf = "1") => `${'{"a":'.repeat(depth)}${leaf}${"}".repeat(depth)}`;

/** Every malformed request, given the fixtures' current objects (for updates). */
export function malformedRequests(current: Record<string, Record<string, unknown>>): MalformedRequest[] {
  const cases: MalformedRequest[] = [];
  for (const f of FIXTURES) {
    const now = current[f.key]!;
    for (const [field, value] of WRONG_META_TYPES) {
      cases.push(...throughEveryWrite(f, `metadata.${field} = ${json(value)}`, { metadata: { [field]: value } }, 400, now));
    }
    for (const [label, field, value] of INVALID_META_VALUES) {
      cases.push(...throughEveryWrite(f, label, { metadata: { [field]: value } }, 422, now));
    }
    for (const [label, patch] of f.wrongTypes) cases.push(...throughEveryWrite(f, label, patch, f.wrongTypeStatus, now));
    for (const [label, body, expect] of f.invalidBodies ?? []) {
      cases.push({ name: `${f.key}: create with ${label}`, method: "POST", path: f.collection, headers: JSON_CT, body: json(body(fresh(f))), expect });
    }

    // Bodies that are not one object of this kind.
    for (const body of ["{", "nul", "[1,]", "", " ", '"str"', "123", "[]", "null", "true", '{"a":1}garbage', "\u0000"]) {
      cases.push({ name: `${f.key}: create with body ${json(body)}`, method: "POST", path: f.collection, headers: JSON_CT, body, expect: 400 });
    }
    cases.push({ name: `${f.key}: create with invalid UTF-8`, method: "POST", path: f.collection, headers: JSON_CT, body: Buffer.from([0xff, 0xfe, 0x7b]), expect: 400 });
    cases.push({ name: `${f.key}: metadata = "str"`, method: "POST", path: f.collection, headers: JSON_CT, body: json({ ...f.valid(fresh(f)), metadata: "str" }), expect: 400 });
    cases.push({ name: `${f.key}: create with no name`, method: "POST", path: f.collection, headers: JSON_CT, body: json({ ...f.valid(""), metadata: {} }), expect: 422 });
    for (const bad of f.badNames) {
      cases.push({ name: `${f.key}: create named ${json(bad.slice(0, 20))}`, method: "POST", path: f.collection, headers: JSON_CT, body: json(f.valid(bad)), expect: 422 });
    }
    cases.push({ name: `${f.key}: apiVersion that is not the path's`, method: "POST", path: f.collection, headers: JSON_CT, body: json({ ...f.valid(fresh(f)), apiVersion: "example.com/v9" }), expect: 400 });
    cases.push({ name: `${f.key}: kind that is not the path's`, method: "POST", path: f.collection, headers: JSON_CT, body: json({ ...f.valid(fresh(f)), kind: "Pod" }), expect: 400 });
    cases.push({ name: `${f.key}: apiVersion of the wrong type`, method: "POST", path: f.collection, headers: JSON_CT, body: json({ ...f.valid(fresh(f)), apiVersion: 5 }), expect: 400 });
    if (f.namespaced) {
      cases.push({ name: `${f.key}: namespace that is not the path's`, method: "POST", path: f.collection, headers: JSON_CT, body: json(mergeDeep(f.valid(fresh(f)), { metadata: { namespace: "elsewhere" } })), expect: 400 });
    }
    cases.push({ name: `${f.key}: update naming another object`, method: "PUT", path: f.item, headers: JSON_CT, body: json(mergeDeep(structuredClone(now), { metadata: { name: `${f.name}-other` } })), expect: 400 });

    // Nesting and size.
    cases.push({ name: `${f.key}: 600 levels deep in an unknown field`, method: "POST", path: f.collection, headers: JSON_CT, body: `{"metadata":{"name":"${fresh(f)}"},"deep":${nested(600)}}`, expect: 400 });
    cases.push({ name: `${f.key}: 600 levels deep in labels`, method: "POST", path: f.collection, headers: JSON_CT, body: `{"metadata":{"name":"${fresh(f)}","labels":${nested(600, '"x"')}}}`, expect: 400 });
    cases.push({ name: `${f.key}: 10,001 levels of arrays`, method: "POST", path: f.collection, headers: JSON_CT, body: `${"[".repeat(10_001)}${"]".repeat(10_001)}`, expect: 400 });
    cases.push({ name: `${f.key}: 200,000 unclosed brackets`, method: "POST", path: f.collection, headers: JSON_CT, body: "[".repeat(200_000), expect: 400 });
    cases.push({ name: `${f.key}: merge patch 600 levels deep`, method: "PATCH", path: f.item, headers: MERGE_CT, body: `{"metadata":{"labels":${nested(600, '"x"')}}}`, expect: 400 });
    cases.push({ name: `${f.key}: deep but allowed, refused by strict decoding`, method: "POST", path: `${f.collection}?fieldValidation=Strict`, headers: JSON_CT, body: `{"metadata":{"name":"${fresh(f)}"},"deep":${nested(500)}}`, expect: 400 });
    cases.push({ name: `${f.key}: 4 MiB body`, method: "POST", path: f.collection, headers: JSON_CT, body: json({ ...f.valid(fresh(f)), padding: "x".repeat(4 * 1024 * 1024) }), expect: 413 });

    // Unknown fields, field validation and dry run parameters.
    cases.push({ name: `${f.key}: unknown field under fieldValidation=Strict`, method: "POST", path: `${f.collection}?fieldValidation=Strict`, headers: JSON_CT, body: json({ ...f.valid(fresh(f)), bogus: 1 }), expect: 400 });
    cases.push({ name: `${f.key}: unknown metadata field under Strict`, method: "POST", path: `${f.collection}?fieldValidation=Strict`, headers: JSON_CT, body: json(mergeDeep(f.valid(fresh(f)), { metadata: { bogus: 1 } })), expect: 400 });
    cases.push({ name: `${f.key}: fieldValidation=Bogus`, method: "POST", path: `${f.collection}?fieldValidation=Bogus`, headers: JSON_CT, body: json(f.valid(fresh(f))), expect: 400 });
    cases.push({ name: `${f.key}: dryRun=Bogus`, method: "POST", path: `${f.collection}?dryRun=Bogus`, headers: JSON_CT, body: json(f.valid(fresh(f))), expect: 400 });

    // Media types a browser can send without asking (forms, no-cors fetch), and others.
    for (const ct of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "application/merge-patch+json"]) {
      cases.push({ name: `${f.key}: create as ${ct}`, method: "POST", path: f.collection, headers: { "Content-Type": ct }, body: json(f.valid(fresh(f))), expect: 415 });
      cases.push({ name: `${f.key}: update as ${ct}`, method: "PUT", path: f.item, headers: { "Content-Type": ct }, body: json(now), expect: 415 });
    }
    for (const ct of ["application/json", "text/plain", "application/x-www-form-urlencoded"]) {
      cases.push({ name: `${f.key}: patch as ${ct}`, method: "PATCH", path: f.item, headers: { "Content-Type": ct }, body: "{}", expect: 415 });
    }
    if (f.crd) {
      cases.push({ name: `${f.key}: strategic merge patch on a custom resource`, method: "PATCH", path: f.item, headers: { "Content-Type": "application/strategic-merge-patch+json" }, body: "{}", expect: 415 });
      cases.push({ name: `${f.key}: create as protobuf`, method: "POST", path: f.collection, headers: { "Content-Type": "application/vnd.kubernetes.protobuf" }, body: Buffer.from("k8s\0"), expect: 415 });
    }

    // Patches on objects that do not exist, and patches that do not apply.
    const missing = f.item.replace(/[^/]+$/, `${f.name}-missing`);
    cases.push({ name: `${f.key}: merge patch of a missing object`, method: "PATCH", path: missing, headers: MERGE_CT, body: '{"metadata":{"labels":{"a":"b"}}}', expect: 404 });
    cases.push({ name: `${f.key}: JSON patch of a missing object`, method: "PATCH", path: missing, headers: JSON_PATCH_CT, body: '[{"op":"add","path":"/metadata/labels","value":{"a":"b"}}]', expect: 404 });
    cases.push({ name: `${f.key}: update of a missing object`, method: "PUT", path: missing, headers: JSON_CT, body: json(mergeDeep(structuredClone(now), { metadata: { name: `${f.name}-missing` } })), expect: 404 });
    cases.push({ name: `${f.key}: apply of a missing object with a bad shape`, method: "PATCH", path: missing, headers: APPLY_CT, body: "metadata:\n  labels: just-a-string\n", expect: 400 });
    for (const [label, body, expect] of [
      ["not an array", "{}", 400],
      ["an operation that is a number", "[1]", 422],
      ["an unknown op", '[{"op":"bogus","path":"/metadata"}]', 422],
      ["removing a missing path", '[{"op":"remove","path":"/metadata/nope/deeper"}]', 422],
      ["a failing test", '[{"op":"test","path":"/kind","value":"Nope"}]', 422],
      ["labels replaced by a string", '[{"op":"add","path":"/metadata/labels","value":"x"}]', 400],
      ["ownerReferences replaced by an object", '[{"op":"add","path":"/metadata/ownerReferences","value":{}}]', 400],
      ["invalid JSON", "[{", 400],
      ["10,001 operations", json(Array.from({ length: 10_001 }, () => ({ op: "test", path: "/metadata/name", value: f.name }))), 400],
    ] as Array<[string, string, number]>) {
      cases.push({ name: `${f.key}: JSON patch with ${label}`, method: "PATCH", path: f.item, headers: JSON_PATCH_CT, body, expect });
    }
    for (const [label, body] of [["an array", "[]"], ["a string", '"x"'], ["null", "null"], ["invalid JSON", "{"], ["nothing", ""]]) {
      cases.push({ name: `${f.key}: merge patch that is ${label}`, method: "PATCH", path: f.item, headers: MERGE_CT, body, expect: 400 });
    }
    cases.push({ name: `${f.key}: apply with invalid YAML`, method: "PATCH", path: f.item, headers: APPLY_CT, body: "metadata: [\n", expect: 400 });
    cases.push({ name: `${f.key}: apply with labels as a string`, method: "PATCH", path: f.item, headers: APPLY_CT, body: `apiVersion: ${f.apiVersion}\nkind: ${f.kind}\nmetadata:\n  name: ${f.name}\n  labels: x\n`, expect: 400 });

    // Stale and bogus resource versions: conflicts, never overwrites.
    cases.push({ name: `${f.key}: update at a stale resourceVersion`, method: "PUT", path: f.item, headers: JSON_CT, body: json(mergeDeep(structuredClone(now), { metadata: { resourceVersion: "1", labels: { stale: "yes" } } })), expect: 409 });
    cases.push({ name: `${f.key}: update at a bogus resourceVersion`, method: "PUT", path: f.item, headers: JSON_CT, body: json(mergeDeep(structuredClone(now), { metadata: { resourceVersion: "abc", labels: { stale: "yes" } } })), expect: 409 });
    cases.push({ name: `${f.key}: patch at a stale resourceVersion`, method: "PATCH", path: f.item, headers: MERGE_CT, body: '{"metadata":{"resourceVersion":"1","labels":{"stale":"yes"}}}', expect: 409 });
    cases.push({ name: `${f.key}: update with another uid`, method: "PUT", path: f.item, headers: JSON_CT, body: json(mergeDeep(structuredClone(now), { metadata: { uid: "00000000-0000-0000-0000-000000000000", labels: { stale: "yes" } } })), expect: 409 });
    cases.push({ name: `${f.key}: delete at a stale resourceVersion`, method: "DELETE", path: f.item, headers: JSON_CT, body: '{"preconditions":{"resourceVersion":"1"}}', expect: 409 });
    cases.push({ name: `${f.key}: delete with another uid`, method: "DELETE", path: f.item, headers: JSON_CT, body: '{"preconditions":{"uid":"00000000-0000-0000-0000-000000000000"}}', expect: 409 });

    // DELETE bodies.
    for (const [label, body, headers, expect] of [
      ["a string body", '"str"', JSON_CT, 400],
      ["an array body", "[1]", JSON_CT, 400],
      ["preconditions as a string", '{"preconditions":"x"}', JSON_CT, 400],
      ["gracePeriodSeconds as a string", '{"gracePeriodSeconds":"x"}', JSON_CT, 400],
      ["invalid JSON", "nope", JSON_CT, 400],
      ["a text/plain body", "{}", { "Content-Type": "text/plain" }, 415],
    ] as Array<[string, string, Record<string, string>, number]>) {
      cases.push({ name: `${f.key}: delete with ${label}`, method: "DELETE", path: f.item, headers, body, expect });
    }
    cases.push({ name: `${f.key}: delete of a missing object with body null`, method: "DELETE", path: missing, headers: JSON_CT, body: "null", expect: 404 });
    cases.push({ name: `${f.key}: delete with dryRun=Bogus`, method: "DELETE", path: `${f.item}?dryRun=Bogus`, expect: 400 });

    // Lists and watches with parameters that do not parse.
    for (const [label, query, expect] of [
      ["resourceVersion=abc", "resourceVersion=abc", 400],
      ["limit=abc", "limit=abc", 400],
      ["limit=-1", "limit=-1", 400],
      ["limit=1.5", "limit=1.5", 400],
      ["a continue token that is not one", "continue=!!!", 400],
      ["an unclosed in()", `labelSelector=${encodeURIComponent("a in (")}`, 400],
      ["a selector of only !", "labelSelector=!", 400],
      ["a selector with a bad operator", `labelSelector=${encodeURIComponent("a ~ b")}`, 400],
      ["an unsupported field selector", `fieldSelector=${encodeURIComponent("spec.bogus=x")}`, 400],
      ["a field selector without an operator", "fieldSelector=metadata.name", 400],
      ["watch=maybe", "watch=maybe", 400],
      ["a watch with timeoutSeconds=abc", "watch=true&timeoutSeconds=abc", 400],
      ["a watch with timeoutSeconds=-1", "watch=true&timeoutSeconds=-1", 400],
      ["a watch with timeoutSeconds=1.5", "watch=true&timeoutSeconds=1.5", 400],
      ["a watch with timeoutSeconds beyond int64", "watch=true&timeoutSeconds=99999999999999999999", 400],
      ["a watch with allowWatchBookmarks=x", "watch=true&allowWatchBookmarks=x", 400],
      ["a watch at resourceVersion=abc", "watch=true&resourceVersion=abc", 400],
      ["a watch at resourceVersion=-5", "watch=true&resourceVersion=-5", 400],
    ] as Array<[string, string, number]>) {
      cases.push({ name: `${f.key}: list with ${label}`, method: "GET", path: `${f.collection}?${query}`, expect });
    }

    // Methods the collection or the item does not serve.
    cases.push({ name: `${f.key}: POST to an item`, method: "POST", path: f.item, headers: JSON_CT, body: json(now), expect: 405 });
    cases.push({ name: `${f.key}: PUT to the collection`, method: "PUT", path: f.collection, headers: JSON_CT, body: json(now), expect: 405 });
    cases.push({ name: `${f.key}: PATCH of the collection`, method: "PATCH", path: f.collection, headers: MERGE_CT, body: "{}", expect: 405 });
    for (const method of ["TRACE", "OPTIONS"]) cases.push({ name: `${f.key}: ${method}`, method, path: f.item, expect: 405 });

    // Without the credential, nothing is served and nothing is written.
    cases.push({ name: `${f.key}: create without the token`, method: "POST", path: f.collection, headers: JSON_CT, body: json(f.valid(fresh(f))), anonymous: true, expect: 401 });
    cases.push({ name: `${f.key}: create as text/plain without the token`, method: "POST", path: f.collection, headers: { "Content-Type": "text/plain" }, body: json(f.valid(fresh(f))), anonymous: true, expect: 401 });
    cases.push({ name: `${f.key}: delete without the token`, method: "DELETE", path: f.item, anonymous: true, expect: 401 });
    cases.push({ name: `${f.key}: list without the token`, method: "GET", path: f.collection, anonymous: true, expect: 401 });
  }
  cases.push(...pathCases(), ...protobufCases(), ...yamlCases(), ...readOnlyCases());
  return cases;
}

function pathCases(): MalformedRequest[] {
  const cases: MalformedRequest[] = [];
  for (const path of [
    "/api/v1/namespaces/%ZZ/configmaps",
    "/api/v1/namespaces/default/configmaps/%",
    "/api/v1/namespaces/default/configmaps/%E0%A4%A",
    "/apis/serving.knative.dev/v1/namespaces/default/services/%C0%AF",
    "/apis/serving.knative.dev/v1/namespaces/%FF/services",
  ]) {
    cases.push({ name: `GET ${path}`, method: "GET", path, expect: 400 });
    cases.push({ name: `POST ${path}`, method: "POST", path, headers: JSON_CT, body: "{}", expect: 400 });
    cases.push({ name: `DELETE ${path}`, method: "DELETE", path, expect: 400 });
  }
  cases.push({ name: "a namespaced collection across namespaces cannot be written", method: "POST", path: "/api/v1/configmaps", headers: JSON_CT, body: '{"metadata":{"name":"x"}}', expect: 405 });
  cases.push({ name: "an unknown resource", method: "POST", path: "/api/v1/namespaces/default/widgets", headers: JSON_CT, body: "{}", expect: 404 });
  cases.push({ name: "an unknown group", method: "POST", path: "/apis/example.com/v1/namespaces/default/widgets", headers: JSON_CT, body: "{}", expect: 404 });
  cases.push({ name: "an unknown subresource", method: "PUT", path: "/apis/serving.knative.dev/v1/namespaces/default/services/robust-ksvc/scale", headers: JSON_CT, body: "{}", expect: 404 });
  return cases;
}

function protobufCases(): MalformedRequest[] {
  const PB = { "Content-Type": "application/vnd.kubernetes.protobuf" };
  const path = "/api/v1/namespaces/default/configmaps";
  const magic = Buffer.from("k8s\0", "latin1");
  return [
    { name: "protobuf without the k8s prefix", method: "POST", path, headers: PB, body: Buffer.from("not protobuf"), expect: 400 },
    { name: "protobuf that is only the prefix", method: "POST", path, headers: PB, body: magic, expect: 400 },
    { name: "protobuf with 200 KB of varint continuation bytes", method: "POST", path, headers: PB, body: Buffer.concat([magic, Buffer.alloc(200_000, 0x80)]), expect: 400 },
    { name: "protobuf with a length past the end", method: "POST", path, headers: PB, body: Buffer.concat([magic, Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01])]), expect: 400 },
    { name: "protobuf with an unsupported wire type", method: "POST", path, headers: PB, body: Buffer.concat([magic, Buffer.from([0x0b, 0x00])]), expect: 400 },
    { name: "protobuf of random bytes", method: "POST", path, headers: PB, body: Buffer.concat([magic, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) & 0xff))]), expect: 400 },
  ];
}

function yamlCases(): MalformedRequest[] {
  const YAML_CT = { "Content-Type": "application/yaml" };
  const path = "/api/v1/namespaces/default/configmaps";
  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${"bcdefghi"[i]}: &${"bcdefghi"[i]} [*${"abcdefgh"[i]},*${"abcdefgh"[i]},*${"abcdefgh"[i]},*${"abcdefgh"[i]},*${"abcdefgh"[i]},*${"abcdefgh"[i]},*${"abcdefgh"[i]},*${"abcdefgh"[i]},*${"abcdefgh"[i]}]`)].join("\n");
  return [
    { name: "YAML that does not parse", method: "POST", path, headers: YAML_CT, body: "metadata: [\n", expect: 400 },
    { name: "YAML alias bomb", method: "POST", path, headers: YAML_CT, body: `metadata:\n  name: bomb\n${bomb}\n`, expect: 400 },
    { name: "YAML nested 100,000 levels", method: "POST", path, headers: YAML_CT, body: "[".repeat(100_000), expect: 400 },
    { name: "YAML with labels as a list", method: "POST", path, headers: YAML_CT, body: "metadata:\n  name: yaml-labels\n  labels: [a, b]\n", expect: 400 },
  ];
}

function readOnlyCases(): MalformedRequest[] {
  return [
    { name: "pods cannot be created", method: "POST", path: "/api/v1/namespaces/default/pods", headers: JSON_CT, body: '{"metadata":{"name":"p"}}', expect: 405 },
    { name: "deployments cannot be created", method: "POST", path: "/apis/apps/v1/namespaces/knative-serving/deployments", headers: JSON_CT, body: '{"metadata":{"name":"d"}}', expect: 405 },
    { name: "pods cannot be patched", method: "PATCH", path: "/api/v1/namespaces/default/pods/p", headers: MERGE_CT, body: "{}", expect: 405 },
    { name: "deployments cannot be replaced", method: "PUT", path: "/apis/apps/v1/namespaces/knative-serving/deployments/controller", headers: JSON_CT, body: '{"metadata":{"name":"controller"}}', expect: 405 },
  ];
}
