// Label and field selectors as kube-apiserver parses them
// (k8s.io/apimachinery/pkg/labels/selector.go, pkg/fields/selector.go).

import { ApiError } from "./errors";

export type Requirement =
  | { key: string; op: "=" | "!="; value: string }
  | { key: string; op: "in" | "notin"; values: string[] }
  | { key: string; op: "exists" | "!" };

export function matchesLabels(labels: Record<string, string> | undefined, wanted: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(wanted)) if (labels?.[k] !== v) return false;
  return true;
}

/** Parses `app=hello,tier!=db,env in (a,b),!legacy,team`. Throws 400 BadRequest on a syntax error. */
export function parseLabelSelector(selector: string): Requirement[] {
  const reqs: Requirement[] = [];
  let i = 0;
  const s = selector;
  const fail = (why: string): never => {
    throw ApiError.badRequest(`unable to parse requirement: ${why}`);
  };
  const skipSpace = () => {
    while (i < s.length && s[i] === " ") i++;
  };
  const readToken = () => {
    skipSpace();
    const start = i;
    while (i < s.length && !" ,()=!".includes(s[i]!)) i++;
    return s.slice(start, i);
  };
  while (i < s.length) {
    skipSpace();
    if (i >= s.length) break;
    if (s[i] === "!") {
      i++;
      const key = readToken();
      if (!key) fail(`found '${s[i] ?? ""}', expected: identifier`);
      reqs.push({ key, op: "!" });
    } else {
      const key = readToken();
      if (!key) fail(`found '${s[i] ?? ""}', expected: identifier`);
      skipSpace();
      if (i >= s.length || s[i] === ",") {
        reqs.push({ key, op: "exists" });
      } else if (s.startsWith("==", i) || s[i] === "=") {
        i += s.startsWith("==", i) ? 2 : 1;
        reqs.push({ key, op: "=", value: readToken() });
      } else if (s.startsWith("!=", i)) {
        i += 2;
        reqs.push({ key, op: "!=", value: readToken() });
      } else {
        const word = readToken();
        if (word !== "in" && word !== "notin") fail(`found '${word}', expected: in, notin, =, ==, !=`);
        skipSpace();
        if (s[i] !== "(") fail(`found '${s[i] ?? ""}', expected: '('`);
        const close = s.indexOf(")", i);
        if (close < 0) fail("found '', expected: ')'");
        const values = s
          .slice(i + 1, close)
          .split(",")
          .map((v) => v.trim())
          .filter((v) => v !== "");
        i = close + 1;
        reqs.push({ key, op: word as "in" | "notin", values });
      }
    }
    skipSpace();
    if (i < s.length) {
      if (s[i] !== ",") fail(`found '${s[i]}', expected: ','`);
      i++;
    }
  }
  return reqs;
}

export function matchesRequirements(labels: Record<string, string> | undefined, reqs: Requirement[]): boolean {
  return reqs.every((r) => {
    const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
    const v = labels?.[r.key];
    switch (r.op) {
      case "=":
        return v === r.value;
      case "!=":
        return v !== r.value;
      case "in":
        return has && r.values.includes(v!);
      case "notin":
        return !has || !r.values.includes(v!);
      case "exists":
        return has;
      case "!":
        return !has;
    }
  });
}

export interface FieldRequirement {
  path: string;
  op: "=" | "!=";
  value: string;
}

/** `metadata.name=hello,involvedObject.kind=Service`: an unordered AND list. */
export function parseFieldSelector(selector: string, supported: (path: string) => boolean): FieldRequirement[] {
  return selector
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean)
    .map((term) => {
      const m = /^([^=!]+?)\s*(==|=|!=)\s*(.*)$/.exec(term);
      if (!m) throw ApiError.badRequest(`invalid selector: '${selector}'; can't understand '${term}'`);
      const path = m[1]!;
      if (!supported(path)) throw ApiError.badRequest(`field label not supported: ${path}`);
      return { path, op: m[2] === "!=" ? "!=" : "=", value: m[3]! };
    });
}

export function matchesFields(obj: unknown, reqs: FieldRequirement[]): boolean {
  return reqs.every((r) => {
    let v: unknown = obj;
    for (const part of r.path.split(".")) v = v && typeof v === "object" ? (v as Record<string, unknown>)[part] : undefined;
    const s = v === undefined || v === null ? "" : String(v);
    return r.op === "=" ? s === r.value : s !== r.value;
  });
}
