// What a request asks for, resolved from its method, path and query as kube-apiserver does
// before authorizing it (staging/src/k8s.io/apiserver/pkg/endpoints/request/requestinfo.go):
//
// - `/api/{version}/…` and `/apis/{group}/{version}/…` with at least a resource are resource
//   requests; everything else (discovery, /version, /healthz, /openapi/…) is a non-resource
//   request whose verb is the lower-case HTTP method (so HEAD is "head", not "get").
// - POST create, GET and HEAD get, PUT update, PATCH patch, DELETE delete; a GET without a name is
//   list, or watch with `?watch=` anything but false/0; a DELETE without a name is
//   deletecollection; a list or watch whose field selector pins `metadata.name` names that object.
// - `namespaces/{ns}/{resource}` moves the namespace out; `namespaces/{ns}/status|finalize` is the
//   namespace's own subresource.
// - `resource/name/subresource/...`: the third part is the subresource (`pods/proxy` for the pod
//   proxy, whose name is `pod:port`), except under the deprecated `/proxy/` verb prefix.

import type { RequestAttributes } from "./attributes";

const SPECIAL_VERBS = new Set(["proxy", "watch"]);
const NAMESPACE_SUBRESOURCES = new Set(["status", "finalize"]);

/**
 * `path` is the request path as served (trailing slashes dropped), `segments` its decoded parts.
 * For non-resource requests the path is what rules match, so it is the one that gets served.
 */
export function requestAttributes(method: string, path: string, segments: readonly string[], query: URLSearchParams): RequestAttributes {
  const info: RequestAttributes = { verb: method.toLowerCase(), resourceRequest: false, path, namespace: "", apiGroup: "", apiVersion: "", resource: "", subresource: "", name: "" };
  if (segments.length < 3 || (segments[0] !== "api" && segments[0] !== "apis")) return info;
  let parts = segments.slice(1);
  if (segments[0] === "apis") {
    if (parts.length < 3) return info;
    info.apiGroup = parts[0]!;
    parts = parts.slice(1);
  }
  info.resourceRequest = true;
  info.apiVersion = parts[0]!;
  parts = parts.slice(1);

  if (SPECIAL_VERBS.has(parts[0]!) && parts.length >= 2) {
    info.verb = parts[0]!;
    parts = parts.slice(1);
  } else {
    info.verb = VERB_OF_METHOD[method] ?? "";
  }

  if (parts[0] === "namespaces" && parts.length > 1) {
    info.namespace = parts[1]!;
    if (parts.length > 2 && !NAMESPACE_SUBRESOURCES.has(parts[2]!)) parts = parts.slice(2);
  }
  if (parts.length >= 3 && info.verb !== "proxy") info.subresource = parts[2]!;
  if (parts.length >= 2) info.name = parts[1]!;
  if (parts.length >= 1) info.resource = parts[0]!;

  if (info.name === "" && info.verb === "get") {
    info.verb = isWatch(query) ? "watch" : "list";
    const pinned = pinnedName(query.get("fieldSelector"));
    if (pinned !== undefined && isValidPathSegmentName(pinned)) info.name = pinned;
  }
  if (info.name === "" && info.verb === "delete") info.verb = "deletecollection";
  return info;
}

const VERB_OF_METHOD: Record<string, string> = { POST: "create", GET: "get", HEAD: "get", PUT: "update", PATCH: "patch", DELETE: "delete" };

/** metav1.ListOptions' `watch`, as the parameter codec converts it: anything but 0, f or false is true. */
function isWatch(query: URLSearchParams): boolean {
  const value = query.get("watch");
  if (value === null) return false;
  return !["0", "f", "false"].includes(value.toLowerCase());
}

/**
 * The value a field selector requires `metadata.name` to equal (`=` or `==`), as
 * fields.ParseSelector and RequiresExactMatch find it; a selector that does not parse pins nothing.
 */
function pinnedName(selector: string | null): string | undefined {
  if (!selector) return undefined;
  let pinned: string | undefined;
  // Terms are sorted before they are parsed, so with two of them the smaller one wins.
  for (const term of splitUnescaped(selector).sort()) {
    if (term === "") continue;
    const split = splitTerm(term);
    if (!split) return undefined;
    const value = unescapeFieldValue(split.rhs);
    if (value === undefined) return undefined;
    if (split.lhs === "metadata.name" && split.op !== "!=") pinned ??= value;
  }
  return pinned;
}

/** Terms are separated by commas that are not escaped (fields.splitTerms). */
function splitUnescaped(s: string): string[] {
  const out: string[] = [];
  let start = 0;
  let escaped = false;
  for (let i = 0; i < s.length; i++) {
    if (escaped) escaped = false;
    else if (s[i] === "\\") escaped = true;
    else if (s[i] === ",") {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

/** The first operator in the term, trying `!=`, `==`, `=` at each position (fields.splitTerm). */
function splitTerm(term: string): { lhs: string; op: string; rhs: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of ["!=", "==", "="]) {
      if (term.startsWith(op, i)) return { lhs: term.slice(0, i), op, rhs: term.slice(i + op.length) };
    }
  }
  return undefined;
}

/** fields.UnescapeValue: only `\\`, `\,` and `\=` are escapes; anything else fails. */
function unescapeFieldValue(v: string): string | undefined {
  let out = "";
  for (let i = 0; i < v.length; i++) {
    const c = v[i]!;
    if (c === "\\") {
      const next = v[++i];
      if (next !== "\\" && next !== "," && next !== "=") return undefined;
      out += next;
    } else if (c === "," || c === "=") return undefined;
    else out += c;
  }
  return out;
}

/** k8s.io/apimachinery/pkg/api/validation/path.IsValidPathSegmentName, as a yes or no. */
function isValidPathSegmentName(name: string): boolean {
  return name !== "." && name !== ".." && !name.includes("/") && !name.includes("%");
}
