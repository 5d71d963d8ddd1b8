// The settings of --auth proxy, read from the environment and checked at start-up: a mistake
// stops the console with a message naming the variable, rather than serving with a guess.
//
//   KNATIVE_CONSOLE_PROXY_TRUSTED_ADDRESSES  required: the IPs and CIDR ranges the proxy connects
//                                            from (127.0.0.1 for a sidecar). Only requests whose
//                                            TCP peer is one of them are believed.
//   KNATIVE_CONSOLE_PROXY_USER_HEADER        the user's name (X-Forwarded-User, what oauth2-proxy
//                                            sends with --pass-user-headers; X-Forwarded-Email or
//                                            X-Forwarded-Preferred-Username where RBAC names people so).
//   KNATIVE_CONSOLE_PROXY_GROUPS_HEADER      their groups (X-Forwarded-Groups), repeated or comma-separated.
//   KNATIVE_CONSOLE_PROXY_SECRET             optional: a value the proxy must also send, in
//   KNATIVE_CONSOLE_PROXY_SECRET_HEADER      this header (X-Knative-Console-Proxy-Secret), for a
//                                            proxy whose address is only known as a wide range.
//   KNATIVE_CONSOLE_PROXY_SIGN_OUT_URL       optional: where "Sign out" goes (oauth2-proxy: /oauth2/sign_out).

import { type TrustedSources, parseTrustedSources } from "./trusted-sources";

export const PROXY_TRUSTED_ADDRESSES_ENV = "KNATIVE_CONSOLE_PROXY_TRUSTED_ADDRESSES";
export const PROXY_USER_HEADER_ENV = "KNATIVE_CONSOLE_PROXY_USER_HEADER";
export const PROXY_GROUPS_HEADER_ENV = "KNATIVE_CONSOLE_PROXY_GROUPS_HEADER";
export const PROXY_SECRET_ENV = "KNATIVE_CONSOLE_PROXY_SECRET";
export const PROXY_SECRET_HEADER_ENV = "KNATIVE_CONSOLE_PROXY_SECRET_HEADER";
export const PROXY_SIGN_OUT_URL_ENV = "KNATIVE_CONSOLE_PROXY_SIGN_OUT_URL";

// oauth2-proxy's names for the upstream headers (--pass-user-headers).
export const DEFAULT_USER_HEADER = "X-Forwarded-User";
export const DEFAULT_GROUPS_HEADER = "X-Forwarded-Groups";
export const DEFAULT_SECRET_HEADER = "X-Knative-Console-Proxy-Secret";

export interface ProxyConfig {
  trusted: TrustedSources;
  /** Lower-case, as Node keys request headers. */
  userHeader: string;
  groupsHeader: string;
  secret?: { header: string; value: string };
  signOutUrl?: string;
}

export type ProxyEnv = Record<string, string | undefined>;

// RFC 9110 token characters.
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

function headerName(env: ProxyEnv, setting: string, fallback: string): string {
  const name = (env[setting] ?? "").trim() || fallback;
  if (!HEADER_NAME.test(name)) throw new Error(`${setting}: ${JSON.stringify(name)} is not an HTTP header name.`);
  return name.toLowerCase();
}

function signOutUrl(env: ProxyEnv): string | undefined {
  const url = (env[PROXY_SIGN_OUT_URL_ENV] ?? "").trim();
  if (!url) return undefined;
  const isPath = url.startsWith("/") && !url.startsWith("//") && !url.includes("\\");
  if (isPath || /^https?:\/\/[^\s]+$/i.test(url)) return url;
  throw new Error(`${PROXY_SIGN_OUT_URL_ENV}: ${JSON.stringify(url)} is neither a path of this site (/oauth2/sign_out) nor an http(s) URL.`);
}

/** Where "Sign out" goes (checked at start-up), or undefined when there is no such place. */
export function proxySignOutUrl(env: ProxyEnv = process.env): string | undefined {
  try {
    return signOutUrl(env);
  } catch {
    return undefined;
  }
}

/** The configuration, or an Error whose message names the setting at fault. */
export function proxyConfig(env: ProxyEnv = process.env): ProxyConfig {
  const addresses = (env[PROXY_TRUSTED_ADDRESSES_ENV] ?? "").trim();
  if (!addresses) {
    throw new Error(
      `--auth proxy needs ${PROXY_TRUSTED_ADDRESSES_ENV}: the IP addresses or CIDR ranges the authenticating proxy connects from ` +
        `(127.0.0.1 for a sidecar). Without it anyone who can reach the console could claim to be anyone.`,
    );
  }
  const trusted = parseTrustedSources(addresses, PROXY_TRUSTED_ADDRESSES_ENV);
  const userHeader = headerName(env, PROXY_USER_HEADER_ENV, DEFAULT_USER_HEADER);
  const groupsHeader = headerName(env, PROXY_GROUPS_HEADER_ENV, DEFAULT_GROUPS_HEADER);
  if (groupsHeader === userHeader) throw new Error(`${PROXY_GROUPS_HEADER_ENV}: it names the same header as ${PROXY_USER_HEADER_ENV} (${userHeader}).`);
  const secretValue = env[PROXY_SECRET_ENV] ?? "";
  let secret: ProxyConfig["secret"];
  if (secretValue) {
    if (secretValue.length < 16) throw new Error(`${PROXY_SECRET_ENV}: a shared secret needs at least 16 characters.`);
    const header = headerName(env, PROXY_SECRET_HEADER_ENV, DEFAULT_SECRET_HEADER);
    if (header === userHeader || header === groupsHeader) throw new Error(`${PROXY_SECRET_HEADER_ENV}: it names the same header as the user or groups header (${header}).`);
    secret = { header, value: secretValue };
  } else if ((env[PROXY_SECRET_HEADER_ENV] ?? "").trim()) {
    throw new Error(`${PROXY_SECRET_HEADER_ENV} is set but ${PROXY_SECRET_ENV} is not: set the secret the proxy sends, or neither.`);
  }
  const signOut = signOutUrl(env);
  return { trusted, userHeader, groupsHeader, ...(secret ? { secret } : {}), ...(signOut ? { signOutUrl: signOut } : {}) };
}

/** The second start-up line: what the console believes, and from where (never the secret). */
export function proxySummary(config: ProxyConfig): string {
  return (
    `  trusting ${config.userHeader} and ${config.groupsHeader} only from ${config.trusted.entries.join(", ")}` +
    (config.secret ? ` with ${config.secret.header}` : "")
  );
}
