// kubectl ≥ 1.32 sends the access-control kinds as Kubernetes protobuf too (`create role`,
// `create rolebinding`, `create serviceaccount`, `create token`, `auth can-i`, `auth whoami`),
// with no JSON fallback. Each message is read by its field numbers (k8s.io/api rbac/v1,
// core/v1, authentication/v1 and authorization/v1 generated.proto) into the JSON kubectl would
// have sent: empty strings and false left out, as Go's omitempty leaves them out, so what
// follows decodes it as JSON (./go-types.ts).

import { bytes, fields, mapEntries, str, type Field } from "../api/protobuf-wire";

type FieldType = "string" | "strings" | "bool" | "int64" | "stringMap" | "extraMap" | { message: Schema } | { list: Schema };
type Schema = Record<number, [name: string, type: FieldType]>;

const POLICY_RULE: Schema = { 1: ["verbs", "strings"], 2: ["apiGroups", "strings"], 3: ["resources", "strings"], 4: ["resourceNames", "strings"], 5: ["nonResourceURLs", "strings"] };
const REQUIREMENT: Schema = { 1: ["key", "string"], 2: ["operator", "string"], 3: ["values", "strings"] };
const LABEL_SELECTOR: Schema = { 1: ["matchLabels", "stringMap"], 2: ["matchExpressions", { list: REQUIREMENT }] };
const SUBJECT: Schema = { 1: ["kind", "string"], 2: ["apiGroup", "string"], 3: ["name", "string"], 4: ["namespace", "string"] };
const ROLE_REF: Schema = { 1: ["apiGroup", "string"], 2: ["kind", "string"], 3: ["name", "string"] };
const BINDING: Schema = { 2: ["subjects", { list: SUBJECT }], 3: ["roleRef", { message: ROLE_REF }] };
const OBJECT_REFERENCE: Schema = {
  1: ["kind", "string"],
  2: ["namespace", "string"],
  3: ["name", "string"],
  4: ["uid", "string"],
  5: ["apiVersion", "string"],
  6: ["resourceVersion", "string"],
  7: ["fieldPath", "string"],
};
const SELECTOR_ATTRIBUTES: Schema = { 1: ["rawSelector", "string"], 2: ["requirements", { list: REQUIREMENT }] };
const RESOURCE_ATTRIBUTES: Schema = {
  1: ["namespace", "string"],
  2: ["verb", "string"],
  3: ["group", "string"],
  4: ["version", "string"],
  5: ["resource", "string"],
  6: ["subresource", "string"],
  7: ["name", "string"],
  8: ["fieldSelector", { message: SELECTOR_ATTRIBUTES }],
  9: ["labelSelector", { message: SELECTOR_ATTRIBUTES }],
};
const NON_RESOURCE_ATTRIBUTES: Schema = { 1: ["path", "string"], 2: ["verb", "string"] };
const SUBJECT_ACCESS_REVIEW: Schema = {
  2: [
    "spec",
    {
      message: {
        1: ["resourceAttributes", { message: RESOURCE_ATTRIBUTES }],
        2: ["nonResourceAttributes", { message: NON_RESOURCE_ATTRIBUTES }],
        3: ["user", "string"],
        4: ["groups", "strings"],
        5: ["extra", "extraMap"],
        6: ["uid", "string"],
      },
    },
  ],
};

/** The fields after ObjectMeta (field 1) of each kind; status (field 3 of the reviews) is the server's to fill. */
const KINDS: Record<string, Schema> = {
  Role: { 2: ["rules", { list: POLICY_RULE }] },
  ClusterRole: { 2: ["rules", { list: POLICY_RULE }], 3: ["aggregationRule", { message: { 1: ["clusterRoleSelectors", { list: LABEL_SELECTOR }] } }] },
  RoleBinding: BINDING,
  ClusterRoleBinding: BINDING,
  ServiceAccount: {
    2: ["secrets", { list: OBJECT_REFERENCE }],
    3: ["automountServiceAccountToken", "bool"],
    4: ["imagePullSecrets", { list: { 1: ["name", "string"] } }],
  },
  TokenRequest: {
    2: [
      "spec",
      {
        message: {
          1: ["audiences", "strings"],
          3: ["boundObjectRef", { message: { 1: ["kind", "string"], 2: ["apiVersion", "string"], 3: ["name", "string"], 4: ["uid", "string"] } }],
          4: ["expirationSeconds", "int64"],
        },
      },
    ],
  },
  SelfSubjectAccessReview: {
    2: ["spec", { message: { 1: ["resourceAttributes", { message: RESOURCE_ATTRIBUTES }], 2: ["nonResourceAttributes", { message: NON_RESOURCE_ATTRIBUTES }] } }],
  },
  SubjectAccessReview: SUBJECT_ACCESS_REVIEW,
  LocalSubjectAccessReview: SUBJECT_ACCESS_REVIEW,
  SelfSubjectRulesReview: { 2: ["spec", { message: { 1: ["namespace", "string"] } }] },
  SelfSubjectReview: {},
};

export const ACCESS_CONTROL_PROTOBUF_KINDS = Object.keys(KINDS);

function varint(f: Field): bigint {
  if (typeof f.value !== "bigint") throw new Error(`field ${f.no} is not a varint`);
  return f.value;
}

function decodeMessage(buf: Buffer, schema: Schema): Record<string, unknown> {
  const fs = fields(buf);
  const out: Record<string, unknown> = {};
  for (const [no, [name, type]] of Object.entries(schema)) {
    const mine = fs.filter((f) => f.no === Number(no));
    if (mine.length === 0) continue;
    const last = mine[mine.length - 1]!;
    if (type === "string") {
      const s = str(last);
      if (s !== "") out[name] = s;
    } else if (type === "strings") out[name] = mine.map(str);
    else if (type === "bool") {
      if (varint(last) !== 0n) out[name] = true;
    } else if (type === "int64") out[name] = Number(BigInt.asIntN(64, varint(last)));
    else if (type === "stringMap") out[name] = mapEntries(fs, Number(no));
    else if (type === "extraMap") out[name] = extraMap(mine);
    else if ("message" in type) out[name] = decodeMessage(bytes(last), type.message);
    else out[name] = mine.map((f) => decodeMessage(bytes(f), type.list));
  }
  return out;
}

/** map<string, ExtraValue>, ExtraValue being `repeated string items = 1`. */
function extraMap(entries: Field[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of entries) {
    const kv = fields(bytes(e));
    const key = kv.find((f) => f.no === 1);
    const value = kv.find((f) => f.no === 2);
    out[key ? str(key) : ""] = value ? fields(bytes(value)).filter((f) => f.no === 1).map(str) : [];
  }
  return out;
}

/** `raw` is the object's message; its ObjectMeta (field 1) is the caller's to read. Returns the other fields as JSON. */
export function decodeAccessControlProtobuf(kind: string, raw: Buffer): Record<string, unknown> {
  const schema = KINDS[kind];
  if (!schema) throw new Error(`protobuf bodies of kind ${kind} are not supported; send JSON`);
  return decodeMessage(raw, schema);
}
