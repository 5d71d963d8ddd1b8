// Who may use the console, and whose Kubernetes identity it acts with: `--auth MODE`
// (KNATIVE_CONSOLE_AUTH).
//
//   local   the console's user is whoever runs it: it acts with the kubeconfig's identities and
//           has no login, so it listens on loopback only. A non-loopback address is refused
//           unless --allow-remote-local says it is meant, and then it warns loudly.
//   token   every user signs in with their own Kubernetes bearer token (lib/auth/), and every
//           call to the cluster is made with it: the cluster's RBAC decides. Any address.
//   proxy   an authenticating proxy (oauth2-proxy) in front names the user and groups in
//           headers, believed only from the addresses it connects from
//           (lib/auth/proxy-config.ts); the console acts with its own credentials, impersonating
//           that user, so the cluster's RBAC decides. Any address.
//
// A mode is one entry of MODES below.

import { proxyConfig } from "../auth/proxy-config";

export const AUTH_MODE_ENV = "KNATIVE_CONSOLE_AUTH";
export const AUTH_MODE_NAMES = ["local", "token", "proxy"] as const;
export type AuthModeName = (typeof AUTH_MODE_NAMES)[number];

export interface BindRequest {
  host: string;
  port: string;
  /** --allow-remote-local: the user asked for a non-loopback address knowingly. */
  allowRemote: boolean;
}

/** What a mode says about listening on an address: refuse it, or allow it with a warning to print. */
export type BindDecision = { ok: true; warning?: string } | { ok: false; error: string };

export interface AuthMode {
  name: AuthModeName;
  /** One line for the start-up output. */
  summary: string;
  checkBind(bind: BindRequest): BindDecision;
  /** Throws a message naming the setting when the mode's own settings are missing or wrong. */
  checkSettings?(env: Record<string, string | undefined>): void;
}

/** 127.0.0.0/8, ::1 (also as an IPv4-mapped address) and `localhost`. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, "$1");
  if (h === "localhost" || h === "::1" || h === "0:0:0:0:0:0:0:1") return true;
  const v4 = h.replace(/^::ffff:/, "");
  return /^127(\.\d{1,3}){3}$/.test(v4) && v4.split(".").every((n) => Number(n) <= 255);
}

const hostForUrl = (host: string) => (host.includes(":") && !host.startsWith("[") ? `[${host}]` : host);

const local: AuthMode = {
  name: "local",
  summary: "auth local: loopback only, acting with your kubeconfig's identities",
  checkBind({ host, port, allowRemote }) {
    if (isLoopbackHost(host)) return { ok: true };
    const where = `${hostForUrl(host)}:${port}`;
    if (!allowRemote) {
      return {
        ok: false,
        error:
          `Refusing to listen on ${where}: with --auth local (the default) the console acts with your kubeconfig's credentials ` +
          `and has no login, so anyone who can reach ${where} could use every cluster in it. ` +
          `Listen on loopback (--host 127.0.0.1), or pass --allow-remote-local if that is really what you want.`,
      };
    }
    const banner = "!".repeat(78);
    return {
      ok: true,
      warning: [
        banner,
        `!! WARNING: --auth local on ${where} (--allow-remote-local).`,
        "!! Anyone who can reach this address can read and change every cluster in your kubeconfig,",
        "!! with your credentials, without logging in. Put it behind something that authenticates.",
        "!! Browsers reaching it by a name other than localhost need KNATIVE_CONSOLE_ALLOWED_HOSTS",
        "!! or KNATIVE_CONSOLE_PUBLIC_URL.",
        banner,
      ].join("\n"),
    };
  },
};

const token: AuthMode = {
  name: "token",
  summary: "auth token: each user signs in with a Kubernetes bearer token and acts with it",
  // Nothing is served without a session, and a session is only what the cluster accepts.
  checkBind: () => ({ ok: true }),
};

const proxy: AuthMode = {
  name: "proxy",
  summary: "auth proxy: each request acts as the user its authenticating proxy names, through Kubernetes impersonation",
  // What is believed depends on where a request comes from (the trusted addresses), not on where the console listens.
  checkBind: () => ({ ok: true }),
  checkSettings: (env) => void proxyConfig(env),
};

const MODES: Record<AuthModeName, AuthMode> = { local, token, proxy };

/** The mode named by --auth or KNATIVE_CONSOLE_AUTH (default `local`); throws a message naming the problem. */
export function authMode(name: string | undefined): AuthMode {
  const wanted = (name ?? "").trim() || "local";
  if (!(AUTH_MODE_NAMES as readonly string[]).includes(wanted)) {
    throw new Error(`--auth ${JSON.stringify(wanted)} is not an auth mode; use one of: ${AUTH_MODE_NAMES.join(", ")}.`);
  }
  return MODES[wanted as AuthModeName];
}
