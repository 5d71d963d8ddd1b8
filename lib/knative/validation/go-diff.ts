// A port of knative.dev/pkg kmp.ShortDiff (kmp/reporters.go shortDiffReporter over go-cmp),
// which writes the Details of "Immutable fields changed (-old +new)" and "Saw the following
// changes without a name change (-old +new)". Each differing leaf prints as
//
//   {*v1.RevisionTemplateSpec}.Spec.PodSpec.Containers[0].Image:
//   	-: "helloworld:bar"
//   	+: "helloworld:foo"
//
// Go walks typed structs, so paths use Go field names in declaration order; this port walks
// JSON with a table of the Go types involved (RevisionTemplateSpec, RevisionSpec, PodSpec,
// Container, ...) and guesses Go names for anything else. Known differences from Go, all in
// the text after "-:"/"+:": Go prints a pointer's address (0xc000…) where this prints the
// value, prints every field of a whole struct where this prints the fields that are set, and
// pairs up slice elements with an edit script where this pairs them by index.

import { isObject } from "./json";

type GoType =
  | { k: "scalar"; zero: string | number | boolean }
  | { k: "ptr"; elem: GoType }
  | { k: "slice"; elem: GoType }
  | { k: "map"; elem: GoType }
  | { k: "struct"; name: string; fields: GoField[] }
  | { k: "intOrString" }
  | { k: "quantity" }
  | { k: "any" };

interface GoField {
  go: string;
  /** JSON key; undefined for an embedded (inlined) struct. */
  json?: string;
  t: GoType;
}

const STRING: GoType = { k: "scalar", zero: "" };
const INT: GoType = { k: "scalar", zero: 0 };
const BOOL: GoType = { k: "scalar", zero: false };
const ANY: GoType = { k: "any" };
const ptr = (elem: GoType): GoType => ({ k: "ptr", elem });
const slice = (elem: GoType): GoType => ({ k: "slice", elem });
const map = (elem: GoType): GoType => ({ k: "map", elem });
const struct = (name: string, fields: GoField[]): GoType => ({ k: "struct", name, fields });
/** A field whose JSON key is the Go name with a lower-case first letter. */
const f = (go: string, t: GoType, json = go[0]!.toLowerCase() + go.slice(1)): GoField => ({ go, json, t });
const inline = (go: string, t: GoType): GoField => ({ go, t });

const OBJECT_META = struct("v1.ObjectMeta", [
  f("Name", STRING),
  f("GenerateName", STRING),
  f("Namespace", STRING),
  f("SelfLink", STRING),
  f("UID", STRING, "uid"),
  f("ResourceVersion", STRING),
  f("Generation", INT),
  f("CreationTimestamp", STRING),
  f("DeletionTimestamp", ptr(STRING)),
  f("DeletionGracePeriodSeconds", ptr(INT)),
  f("Labels", map(STRING)),
  f("Annotations", map(STRING)),
  f("OwnerReferences", slice(ANY)),
  f("Finalizers", slice(STRING)),
  f("ManagedFields", slice(ANY)),
]);

const PROBE = struct("v1.Probe", [
  inline(
    "ProbeHandler",
    struct("v1.ProbeHandler", [
      f("Exec", ptr(struct("v1.ExecAction", [f("Command", slice(STRING))]))),
      f("HTTPGet", ptr(struct("v1.HTTPGetAction", [f("Path", STRING), f("Port", { k: "intOrString" }), f("Host", STRING), f("Scheme", STRING), f("HTTPHeaders", slice(ANY), "httpHeaders")])), "httpGet"),
      f("TCPSocket", ptr(struct("v1.TCPSocketAction", [f("Port", { k: "intOrString" }), f("Host", STRING)])), "tcpSocket"),
      f("GRPC", ptr(struct("v1.GRPCAction", [f("Port", INT), f("Service", ptr(STRING))])), "grpc"),
    ]),
  ),
  f("InitialDelaySeconds", INT),
  f("TimeoutSeconds", INT),
  f("PeriodSeconds", INT),
  f("SuccessThreshold", INT),
  f("FailureThreshold", INT),
  f("TerminationGracePeriodSeconds", ptr(INT)),
]);

const CONTAINER = struct("v1.Container", [
  f("Name", STRING),
  f("Image", STRING),
  f("Command", slice(STRING)),
  f("Args", slice(STRING)),
  f("WorkingDir", STRING),
  f("Ports", slice(struct("v1.ContainerPort", [f("Name", STRING), f("HostPort", INT), f("ContainerPort", INT), f("Protocol", STRING), f("HostIP", STRING, "hostIP")]))),
  f("EnvFrom", slice(ANY)),
  f("Env", slice(struct("v1.EnvVar", [f("Name", STRING), f("Value", STRING), f("ValueFrom", ptr(ANY))]))),
  f("Resources", struct("v1.ResourceRequirements", [f("Limits", map({ k: "quantity" })), f("Requests", map({ k: "quantity" })), f("Claims", slice(ANY))])),
  f("ResizePolicy", slice(ANY)),
  f("RestartPolicy", ptr(STRING)),
  f("RestartPolicyRules", slice(ANY)),
  f("VolumeMounts", slice(ANY)),
  f("VolumeDevices", slice(ANY)),
  f("LivenessProbe", ptr(PROBE)),
  f("ReadinessProbe", ptr(PROBE)),
  f("StartupProbe", ptr(PROBE)),
  f("Lifecycle", ptr(ANY)),
  f("TerminationMessagePath", STRING),
  f("TerminationMessagePolicy", STRING),
  f("ImagePullPolicy", STRING),
  f("SecurityContext", ptr(ANY)),
  f("Stdin", BOOL),
  f("StdinOnce", BOOL),
  f("TTY", BOOL, "tty"),
]);

const POD_SPEC = struct("v1.PodSpec", [
  f("Volumes", slice(ANY)),
  f("InitContainers", slice(CONTAINER)),
  f("Containers", slice(CONTAINER)),
  f("EphemeralContainers", slice(ANY)),
  f("RestartPolicy", STRING),
  f("TerminationGracePeriodSeconds", ptr(INT)),
  f("ActiveDeadlineSeconds", ptr(INT)),
  f("DNSPolicy", STRING, "dnsPolicy"),
  f("NodeSelector", map(STRING)),
  f("ServiceAccountName", STRING),
  f("DeprecatedServiceAccount", STRING, "serviceAccount"),
  f("AutomountServiceAccountToken", ptr(BOOL)),
  f("NodeName", STRING),
  f("HostNetwork", BOOL),
  f("HostPID", BOOL, "hostPID"),
  f("HostIPC", BOOL, "hostIPC"),
  f("ShareProcessNamespace", ptr(BOOL)),
  f("SecurityContext", ptr(ANY)),
  f("ImagePullSecrets", slice(ANY)),
  f("Hostname", STRING),
  f("Subdomain", STRING),
  f("Affinity", ptr(ANY)),
  f("SchedulerName", STRING),
  f("Tolerations", slice(ANY)),
  f("HostAliases", slice(ANY)),
  f("PriorityClassName", STRING),
  f("Priority", ptr(INT)),
  f("DNSConfig", ptr(ANY), "dnsConfig"),
  f("ReadinessGates", slice(ANY)),
  f("RuntimeClassName", ptr(STRING)),
  f("EnableServiceLinks", ptr(BOOL)),
  f("PreemptionPolicy", ptr(STRING)),
  f("Overhead", map({ k: "quantity" })),
  f("TopologySpreadConstraints", slice(ANY)),
  f("SetHostnameAsFQDN", ptr(BOOL), "setHostnameAsFQDN"),
  f("OS", ptr(ANY), "os"),
  f("HostUsers", ptr(BOOL)),
  f("SchedulingGates", slice(ANY)),
  f("ResourceClaims", slice(ANY)),
  f("Resources", ptr(ANY)),
  f("HostnameOverride", ptr(STRING)),
]);

const REVISION_SPEC = struct("v1.RevisionSpec", [
  inline("PodSpec", POD_SPEC),
  f("ContainerConcurrency", ptr(INT)),
  f("TimeoutSeconds", ptr(INT)),
  f("ResponseStartTimeoutSeconds", ptr(INT)),
  f("IdleTimeoutSeconds", ptr(INT)),
]);

const REVISION_TEMPLATE_SPEC = struct("v1.RevisionTemplateSpec", [f("ObjectMeta", OBJECT_META, "metadata"), f("Spec", REVISION_SPEC)]);

/** kmp.ShortDiff(old, new) of two `RevisionSpec`s (a Revision's `spec`): "" when equal. */
export function shortDiffRevisionSpec(before: unknown, after: unknown): string {
  return shortDiff("{v1.RevisionSpec}", REVISION_SPEC, before, after);
}

/** kmp.ShortDiff(old, new) of two `*RevisionTemplateSpec`s (`spec.template`): "" when equal. */
export function shortDiffRevisionTemplate(before: unknown, after: unknown): string {
  return shortDiff("{*v1.RevisionTemplateSpec}", REVISION_TEMPLATE_SPEC, before, after);
}

// ---- The walk ----

type Step = { kind: "name"; text: string } | { kind: "indirect" };

function shortDiff(root: string, type: GoType, before: unknown, after: unknown): string {
  const diffs: string[] = [];
  compare(type, before, after, [{ kind: "name", text: root }], diffs);
  return diffs.join("");
}

const MISSING = Symbol("missing");
type Side = unknown | typeof MISSING;

function compare(type: GoType, x: unknown, y: unknown, path: Step[], out: string[]): void {
  switch (type.k) {
    case "ptr": {
      const xNil = x === undefined || x === null;
      const yNil = y === undefined || y === null;
      if (xNil && yNil) return;
      if (xNil || yNil) return report(path, type, xNil ? null : x, yNil ? null : y, out);
      return compare(type.elem, x, y, [...path, { kind: "indirect" }], out);
    }
    case "struct":
      for (const field of type.fields) {
        const xs = field.json === undefined ? x : isObject(x) ? x[field.json] : undefined;
        const ys = field.json === undefined ? y : isObject(y) ? y[field.json] : undefined;
        compare(field.t, xs, ys, [...path, { kind: "name", text: `.${field.go}` }], out);
      }
      return;
    case "slice": {
      const xa = Array.isArray(x) ? x : [];
      const ya = Array.isArray(y) ? y : [];
      const n = Math.max(xa.length, ya.length);
      for (let i = 0; i < n; i++) {
        if (i < xa.length && i < ya.length) compare(type.elem, xa[i], ya[i], [...path, { kind: "name", text: `[${i}]` }], out);
        else if (i < xa.length) report([...path, { kind: "name", text: `[${i}->?]` }], type.elem, xa[i], MISSING, out);
        else report([...path, { kind: "name", text: `[?->${i}]` }], type.elem, MISSING, ya[i], out);
      }
      return;
    }
    case "map": {
      const xm = isObject(x) ? x : {};
      const ym = isObject(y) ? y : {};
      for (const key of [...new Set([...Object.keys(xm), ...Object.keys(ym)])].sort()) {
        const step: Step = { kind: "name", text: `[${JSON.stringify(key)}]` };
        const inX = Object.hasOwn(xm, key);
        const inY = Object.hasOwn(ym, key);
        if (inX && inY) compare(type.elem, xm[key], ym[key], [...path, step], out);
        else report([...path, step], type.elem, inX ? xm[key] : MISSING, inY ? ym[key] : MISSING, out);
      }
      return;
    }
    case "intOrString":
      return compare(INT_OR_STRING, intOrString(x), intOrString(y), path, out);
    case "quantity":
      if (String(x ?? "") !== String(y ?? "")) report(path, type, x ?? "", y ?? "", out);
      return;
    case "scalar": {
      const xv = x ?? type.zero;
      const yv = y ?? type.zero;
      if (xv !== yv) report(path, type, xv, yv, out);
      return;
    }
    case "any":
      return compare(inferType(x, y), x, y, path, out);
  }
}

const INT_OR_STRING = struct("intstr.IntOrString", [f("Type", INT), f("IntVal", INT), f("StrVal", STRING)]);

function intOrString(v: unknown): Record<string, unknown> {
  if (typeof v === "string") return { type: 1, intVal: 0, strVal: v };
  return { type: 0, intVal: typeof v === "number" ? v : 0, strVal: "" };
}

/** For fields without a table entry: guess the Go shape from the JSON. */
function inferType(x: unknown, y: unknown): GoType {
  const sample = x ?? y;
  if (Array.isArray(sample)) return slice(ANY);
  if (isObject(sample)) {
    const keys = [...new Set([...Object.keys(isObject(x) ? x : {}), ...Object.keys(isObject(y) ? y : {})])].sort();
    return struct("struct", keys.map((k) => f(goName(k), ANY, k)));
  }
  if (typeof sample === "number") return INT;
  if (typeof sample === "boolean") return BOOL;
  return STRING;
}

const ACRONYMS: Record<string, string> = { Ip: "IP", Id: "ID", Uid: "UID", Url: "URL", Dns: "DNS", Http: "HTTP", Tcp: "TCP", Grpc: "GRPC", Csi: "CSI", Os: "OS", Api: "API", Tls: "TLS" };

/** A Go field name from a JSON key: capitalised, with Kubernetes' usual acronyms. */
function goName(json: string): string {
  const capitalised = json[0]!.toUpperCase() + json.slice(1);
  return capitalised.replace(/[A-Z][a-z]+/g, (w) => ACRONYMS[w] ?? w);
}

// ---- Output (shortDiffReporter.Report and path.GoString) ----

function report(path: Step[], type: GoType, x: Side, y: Side, out: string[]): void {
  let text = `${goPathString(path)}:\n`;
  if (x !== MISSING) text += diffLine("-", type, x);
  if (y !== MISSING) text += diffLine("+", type, y);
  out.push(text);
}

function diffLine(sign: string, type: GoType, value: unknown): string {
  const isStruct = type.k === "struct" || type.k === "quantity" || (type.k === "any" && isObject(value));
  if (isStruct) {
    const name = type.k === "struct" ? type.name : type.k === "quantity" ? "resource.Quantity" : "struct";
    return `\t${sign}: ${name}: "${goValue(value)}"\n`;
  }
  return `\t${sign}: "${goValue(value)}"\n`;
}

/** Go's %+v, approximately: `{Name:x Image:y}`, `[a b]`, `map[k:v]`, `<nil>`. */
function goValue(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (Array.isArray(v)) return `[${v.map(goValue).join(" ")}]`;
  if (isObject(v)) {
    return `{${Object.entries(v)
      .map(([k, val]) => `${goName(k)}:${goValue(val)}`)
      .join(" ")}}`;
  }
  return String(v);
}

/** go-cmp Path.GoString: pointer dereferences print as a leading `*` unless a field follows. */
function goPathString(path: Step[]): string {
  const pre: string[] = [];
  const post: string[] = [];
  let indirect = 0;
  path.forEach((step, i) => {
    if (step.kind === "name") {
      post.push(step.text);
      return;
    }
    indirect++;
    const next = path[i + 1];
    let open = "(";
    let close = ")";
    if (next?.kind === "indirect") return; // batch consecutive dereferences
    if (next?.kind === "name" && next.text.startsWith(".")) indirect--; // automatic on struct fields
    if (next === undefined) open = close = "";
    if (indirect > 0) {
      pre.push(open + "*".repeat(indirect));
      post.push(close);
    }
    indirect = 0;
  });
  return pre.reverse().join("") + post.join("");
}
