// Acting as someone else (Impersonate-User, Impersonate-Group, Impersonate-Uid,
// Impersonate-Extra-*), as kube-apiserver's filter does it
// (staging/src/k8s.io/apiserver/pkg/endpoints/filters/impersonation.go): each thing asked for
// must be allowed to the requester with the `impersonate` verb (users, groups and serviceaccounts
// in the core group; uids and userextras/{key} in authentication.k8s.io), or the request is
// refused with a 403 naming the first that is not. A ServiceAccount user brings its groups; the
// impersonated user is in system:authenticated unless the groups asked for say otherwise.
// Groups, extras or a uid without a user are an error of the request (kube-apiserver's 500).

import type { IncomingMessage } from "node:http";
import { ApiError } from "../core/errors";
import type { Attributes } from "./attributes";
import type { Authorizer } from "./authorizer";
import { forbidden } from "./forbidden";
import { goQuote } from "./go-format";
import { AUTHENTICATION_GROUP } from "./resource-types";
import { ALL_AUTHENTICATED, ALL_UNAUTHENTICATED, ANONYMOUS, serviceAccountGroups, serviceAccountUsername, splitServiceAccountUsername, type UserInfo } from "./user";

const USER = "impersonate-user";
const GROUP = "impersonate-group";
const UID = "impersonate-uid";
const EXTRA_PREFIX = "impersonate-extra-";

/** What one impersonation header asks for, as the v1.ObjectReference kube-apiserver builds. */
interface Asked {
  kind: "ServiceAccount" | "User" | "Group" | "UserExtra" | "UID";
  namespace?: string;
  name: string;
  apiVersion?: string;
  /** The extra's key (kube-apiserver carries it in FieldPath). */
  fieldPath?: string;
}

/** Go's %v of a v1.ObjectReference: its seven fields, space-separated. */
const describe = (a: Asked) => `{${[a.kind, a.namespace ?? "", a.name, "", a.apiVersion ?? "", "", a.fieldPath ?? ""].join(" ")}}`;

function unescapeKey(key: string): string {
  try {
    return decodeURIComponent(key);
  } catch {
    return key; // recorded as sent when it is not a valid escape, as kube-apiserver does
  }
}

function askedFor(req: IncomingMessage): Asked[] {
  const headers = req.headersDistinct;
  const asked: Asked[] = [];
  const user = headers[USER]?.[0] ?? "";
  if (user) {
    const sa = splitServiceAccountUsername(user);
    asked.push(sa ? { kind: "ServiceAccount", namespace: sa.namespace, name: sa.name } : { kind: "User", name: user });
  }
  for (const g of headers[GROUP] ?? []) asked.push({ kind: "Group", name: g });
  for (const header of Object.keys(headers).filter((h) => h.startsWith(EXTRA_PREFIX)).sort()) {
    const key = unescapeKey(header.slice(EXTRA_PREFIX.length));
    for (const value of headers[header] ?? []) asked.push({ kind: "UserExtra", name: value, apiVersion: `${AUTHENTICATION_GROUP}/v1`, fieldPath: key });
  }
  const uid = headers[UID]?.[0] ?? "";
  if (uid) asked.push({ kind: "UID", name: uid, apiVersion: `${AUTHENTICATION_GROUP}/v1` });
  if (asked.length > 0 && !user) {
    const sanitized = `Internal Server Error: ${goQuote(req.url ?? "")}: requested [${asked.map(describe).join(" ")}] without impersonating a user`;
    throw ApiError.internal(sanitized.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
  }
  return asked;
}

function attributesOf(requester: UserInfo, a: Asked): Attributes {
  const base = { user: requester, verb: "impersonate", resourceRequest: true, path: "", namespace: a.namespace ?? "", name: a.name, subresource: "", apiVersion: "v1" };
  switch (a.kind) {
    case "ServiceAccount":
      return { ...base, apiGroup: "", resource: "serviceaccounts" };
    case "User":
      return { ...base, apiGroup: "", resource: "users" };
    case "Group":
      return { ...base, apiGroup: "", resource: "groups" };
    case "UserExtra":
      return { ...base, apiGroup: AUTHENTICATION_GROUP, resource: "userextras", subresource: a.fieldPath ?? "" };
    case "UID":
      return { ...base, apiGroup: AUTHENTICATION_GROUP, resource: "uids" };
  }
}

/** The user the request acts as: `requester` itself without impersonation headers. Throws 403 or 500. */
export function impersonatedUser(req: IncomingMessage, requester: UserInfo, authorizer: Authorizer): UserInfo {
  const asked = askedFor(req);
  if (asked.length === 0) return requester;
  const groupsGiven = (req.headersDistinct[GROUP] ?? []).length > 0;
  let name = "";
  let uid: string | undefined;
  let groups: string[] = [];
  const extra: Record<string, string[]> = {};
  for (const a of asked) {
    const attrs = attributesOf(requester, a);
    const { decision, reason } = authorizer.authorize(attrs);
    if (decision !== "allow") throw forbidden(attrs, reason);
    if (a.kind === "ServiceAccount") {
      name = serviceAccountUsername(a.namespace!, a.name);
      if (!groupsGiven) groups = serviceAccountGroups(a.namespace!);
    } else if (a.kind === "User") name = a.name;
    else if (a.kind === "Group") groups.push(a.name);
    else if (a.kind === "UserExtra") (extra[a.fieldPath!] ??= []).push(a.name);
    else uid = a.name;
  }
  if (name !== ANONYMOUS) {
    if (!groups.includes(ALL_AUTHENTICATED) && !groups.includes(ALL_UNAUTHENTICATED)) groups = [...groups, ALL_AUTHENTICATED];
  } else if (!groups.includes(ALL_UNAUTHENTICATED)) groups = [...groups, ALL_UNAUTHENTICATED];
  return { name, groups, ...(uid ? { uid } : {}), ...(Object.keys(extra).length > 0 ? { extra } : {}) };
}
