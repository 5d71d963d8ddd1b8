// Which names the console answers to, and which origin its own pages have.
//
// A page on another site can make a browser reach the console through DNS rebinding: its name
// first resolves to the attacker, then to 127.0.0.1, and the browser, thinking it still talks to
// the attacker's origin, reads the answers. The request still carries the attacker's name in
// `Host`, so answering only the console's own names stops it, as Vite (`server.allowedHosts`),
// webpack-dev-server (`allowedHosts`), Django (`ALLOWED_HOSTS`) and Rails (`config.hosts`) do.
// By default those names are the loopback ones with the console's port; a public URL (the
// console behind a TLS-terminating proxy) adds its host, KNATIVE_CONSOLE_ALLOWED_HOSTS more.

export const PUBLIC_URL_ENV = "KNATIVE_CONSOLE_PUBLIC_URL";
export const ALLOWED_HOSTS_ENV = "KNATIVE_CONSOLE_ALLOWED_HOSTS";

export interface OriginEnv {
  [PUBLIC_URL_ENV]?: string;
  [ALLOWED_HOSTS_ENV]?: string;
  [other: string]: string | undefined;
}

/** One name the console answers to. */
interface AllowedName {
  /** Lower case, IPv6 in brackets, as URL.hostname writes it. */
  hostname: string;
  /** The port it must come with; null for any port. */
  port: string | null;
  /** `.example.com`: the name and every name under it (Vite's syntax). */
  subdomains: boolean;
}

export interface OriginPolicy {
  /** Names besides the public URL's. */
  names: AllowedName[];
  /** The public URL's origin, when one is configured: it decides the scheme of the console's pages. */
  publicOrigin: string | null;
  /** The public URL's host, as a Host header names it. */
  publicHost: AllowedName | null;
}

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];
const WILDCARD_BINDS = new Set(["0.0.0.0", "::", "[::]", ""]);

/** `Host: name[:port]` as its parts (port "" when absent), or null when it is not a host at all. */
function parseHost(host: string): { hostname: string; port: string } | null {
  // The port as written: URL would drop an explicit default port (`:80`), which names another
  // origin than the public URL's 443.
  const parts = /^(\[[^\]]*\]|[^:[\]]*)(?::(\d{1,5}))?$/.exec(host);
  if (!parts || !parts[1] || /[\s/?#@\\%]/.test(parts[1])) return null;
  if (parts[2] && Number(parts[2]) > 65535) return null;
  try {
    return { hostname: new URL(`http://${parts[1]}`).hostname, port: parts[2] ? String(Number(parts[2])) : "" };
  } catch {
    return null;
  }
}

function parseName(entry: string): AllowedName | null {
  const trimmed = entry.trim().toLowerCase();
  const subdomains = trimmed.startsWith(".");
  const parsed = parseHost(subdomains ? trimmed.slice(1) : trimmed);
  if (!parsed) return null;
  return { hostname: parsed.hostname, port: parsed.port || null, subdomains };
}

export interface PolicyOptions {
  /** The port the console listens on; null when unknown (then any port is fine). */
  port: string | null;
  /** The address it listens on: a specific one (not 0.0.0.0 or ::) is a name it answers to. */
  bindHost?: string;
}

/** The policy from the environment; a malformed setting throws, naming it. */
export function originPolicy(env: OriginEnv, { port, bindHost }: PolicyOptions): OriginPolicy {
  const names: AllowedName[] = LOOPBACK_NAMES.map((hostname) => ({ hostname, port, subdomains: false }));
  const bind = bindHost?.trim().toLowerCase() ?? "";
  if (!WILDCARD_BINDS.has(bind)) {
    const parsed = parseHost(bind.includes(":") && !bind.startsWith("[") ? `[${bind}]` : bind);
    if (parsed) names.push({ hostname: parsed.hostname, port, subdomains: false });
  }
  for (const entry of (env[ALLOWED_HOSTS_ENV] ?? "").split(",").filter((e) => e.trim())) {
    const name = parseName(entry);
    if (!name) throw new Error(`${ALLOWED_HOSTS_ENV}: ${JSON.stringify(entry.trim())} is not a host name`);
    names.push(name);
  }
  let publicOrigin: string | null = null;
  let publicHost: AllowedName | null = null;
  const publicUrl = env[PUBLIC_URL_ENV]?.trim();
  if (publicUrl) {
    let url: URL;
    try {
      url = new URL(publicUrl);
    } catch {
      throw new Error(`${PUBLIC_URL_ENV}: ${JSON.stringify(publicUrl)} is not a URL`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`${PUBLIC_URL_ENV}: ${JSON.stringify(publicUrl)} is not an http:// or https:// URL`);
    publicOrigin = url.origin;
    publicHost = { hostname: url.hostname, port: url.port || (url.protocol === "https:" ? "443" : "80"), subdomains: false };
  }
  return { names, publicOrigin, publicHost };
}

function matches(name: AllowedName, host: { hostname: string; port: string }, defaultPort: string): boolean {
  const hostnameOk = name.subdomains ? host.hostname === name.hostname || host.hostname.endsWith(`.${name.hostname}`) : host.hostname === name.hostname;
  return hostnameOk && (name.port === null || (host.port || defaultPort) === name.port);
}

function isPublicHost(policy: OriginPolicy, host: { hostname: string; port: string }): boolean {
  const scheme = policy.publicOrigin?.startsWith("https:") ? "443" : "80";
  return policy.publicHost !== null && matches(policy.publicHost, host, scheme);
}

/** Why the console does not answer a request for `host`, or null when it does. */
export function hostProblem(policy: OriginPolicy, host: string | undefined): string | null {
  if (!host) return "The request has no Host header; the console answers only to its own names.";
  const parsed = parseHost(host);
  const allowed = parsed && (isPublicHost(policy, parsed) || policy.names.some((n) => matches(n, parsed, "80")));
  if (allowed) return null;
  return (
    `The console does not answer to the host ${JSON.stringify(host)}. ` +
    `To reach it by that name, add it to ${ALLOWED_HOSTS_ENV} or set ${PUBLIC_URL_ENV} when you start the console.`
  );
}

/**
 * The origins the console's own pages have when a request names `host` (one the policy allows):
 * the public URL's origin, and the plain-HTTP origin of `host` unless `host` is the public URL's
 * (behind a TLS-terminating proxy, the public URL decides the scheme).
 */
export function ownOrigins(policy: OriginPolicy, host: string): string[] {
  const origins: string[] = policy.publicOrigin ? [policy.publicOrigin] : [];
  const parsed = parseHost(host);
  if (parsed && !isPublicHost(policy, parsed)) origins.push(new URL(`http://${host}`).origin);
  return origins;
}
