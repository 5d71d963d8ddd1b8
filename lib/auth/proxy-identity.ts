// Who a request of --auth proxy is, from the headers of the authenticating proxy, and whether
// to believe them at all. The headers count only when the TCP peer is a trusted source (and
// carries the shared secret, when one is configured); from anywhere else they are ignored and
// the request is refused, never served as anyone.
//
// The console then acts as this user through Kubernetes impersonation (Impersonate-User and one
// Impersonate-Group header per group), so names are refused that kube-apiserver would read as
// something other than a person: the `system:` prefix is reserved for Kubernetes' own users and
// groups (https://kubernetes.io/docs/reference/access-authn-authz/rbac/#referring-to-subjects),
// and an identity provider's group called `system:masters` must not become cluster-admin.

import { createHash, timingSafeEqual } from "node:crypto";
import type { ProxyConfig } from "./proxy-config";
import { PROXY_SECRET_HEADER_ENV, PROXY_TRUSTED_ADDRESSES_ENV } from "./proxy-config";

/** The user the proxy vouches for, as the console impersonates them. */
export interface ProxiedUser {
  username: string;
  groups: string[];
}

export type ProxyVerdict =
  | { ok: true; user: ProxiedUser }
  /** `trusted`: the request did come from the proxy (it only lacks a usable user). */
  | { ok: false; code: 401 | 403; trusted: boolean; message: string };

export interface ProxiedRequest {
  remoteAddress: string | undefined;
  /** Node's IncomingMessage.headersDistinct: every value of every header, keys lower-case. */
  headers: Record<string, string[] | undefined>;
}

const RESERVED_PREFIX = "system:";

const digest = (value: string) => createHash("sha256").update(value).digest();
/** Compared as digests, so neither the time taken nor a length difference tells how much matched. */
const sameSecret = (given: string, expected: string) => timingSafeEqual(digest(given), digest(expected));

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A header value as the text the proxy meant: Node hands header bytes over as latin1, and the
 * proxy sends an identity provider's names as UTF-8 ("José" arrives as "JosÃ©"). Null when the
 * bytes are not UTF-8.
 */
export function headerText(value: string): string | null {
  try {
    return utf8.decode(Buffer.from(value, "latin1"));
  } catch {
    return null;
  }
}

/** Every group, in order, once: header lines and comma-separated lists alike, trimmed. */
export function parseGroups(values: string[] | undefined): string[] {
  const groups = (values ?? []).flatMap((v) => v.split(",")).map((g) => g.trim()).filter(Boolean);
  return [...new Set(groups)];
}

const refuse = (code: 401 | 403, trusted: boolean, message: string): ProxyVerdict => ({ ok: false, code, trusted, message });

export function proxiedUser(req: ProxiedRequest, config: ProxyConfig): ProxyVerdict {
  if (!config.trusted.includes(req.remoteAddress)) {
    return refuse(
      403,
      false,
      `The console serves only requests that come through its authenticating proxy; ${req.remoteAddress ?? "this client"} is not an address ${PROXY_TRUSTED_ADDRESSES_ENV} lists.`,
    );
  }
  if (config.secret) {
    const given = req.headers[config.secret.header] ?? [];
    if (given.length !== 1 || !sameSecret(given[0]!, config.secret.value)) {
      return refuse(403, false, `The request did not carry the authenticating proxy's shared secret (the ${config.secret.header} header, ${PROXY_SECRET_HEADER_ENV}).`);
    }
  }
  const userValues = (req.headers[config.userHeader] ?? []).map(headerText);
  const groupValues = (req.headers[config.groupsHeader] ?? []).map(headerText);
  if (userValues.includes(null) || groupValues.includes(null)) {
    return refuse(403, true, `The authenticating proxy sent a user or group that is not UTF-8 text (${config.userHeader}, ${config.groupsHeader}).`);
  }
  const names = [...new Set((userValues as string[]).map((v) => v.trim()).filter(Boolean))];
  if (names.length === 0) {
    return refuse(401, true, `The authenticating proxy sent no user: the console needs the ${config.userHeader} header on every request it passes on.`);
  }
  if (names.length > 1) return refuse(403, true, `The authenticating proxy sent more than one user in ${config.userHeader}; the console acts as one.`);
  const username = names[0]!;
  if (username.toLowerCase().startsWith(RESERVED_PREFIX)) {
    return refuse(403, true, `The console does not act as ${JSON.stringify(username)}: names starting with "system:" are Kubernetes' own (${config.userHeader}).`);
  }
  const groups = parseGroups(groupValues as string[]);
  const reserved = groups.find((g) => g.toLowerCase().startsWith(RESERVED_PREFIX));
  if (reserved) {
    return refuse(403, true, `The console does not act in the group ${JSON.stringify(reserved)}: names starting with "system:" are Kubernetes' own (${config.groupsHeader}).`);
  }
  return { ok: true, user: { username, groups } };
}
