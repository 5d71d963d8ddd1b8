// The address a request came from, for per-client limits (the sign-in rate limit). The TCP peer,
// unless the peer is one of the reverse proxies named in KNATIVE_CONSOLE_TRUSTED_PROXIES (an
// ingress controller, a load balancer that adds X-Forwarded-For): then the client is the
// nearest X-Forwarded-For entry that is not itself a trusted proxy, read from the right, since
// each proxy appends the address it saw and anything to the left of the first trusted hop was
// written by the client. Without it every user behind an ingress shares the ingress's address,
// and one user's failed sign-ins lock out all of them. Never an identity: only a bucket key.
// (The same rule as nginx's real_ip_recursive and Express's `trust proxy` with a list.)

import type { IncomingMessage } from "node:http";
import net from "node:net";
import { parseTrustedSources, type TrustedSources } from "@/lib/auth/trusted-sources";

export const TRUSTED_PROXIES_ENV = "KNATIVE_CONSOLE_TRUSTED_PROXIES";

export type ClientAddressOf = (req: IncomingMessage) => string;

/** An X-Forwarded-For entry as an address: `1.2.3.4`, `1.2.3.4:5678`, `::1` or `[::1]:5678`. */
function forwardedAddress(entry: string): string | undefined {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  const candidate = bracketed ? bracketed[1]! : net.isIP(entry) ? entry : entry.replace(/:\d+$/, "");
  return net.isIP(candidate) ? candidate : undefined;
}

export function clientAddressOf(trusted: TrustedSources | undefined): ClientAddressOf {
  return (req) => {
    let address = req.socket.remoteAddress ?? "";
    if (!trusted?.includes(address)) return address;
    const header = req.headers["x-forwarded-for"];
    const hops = (Array.isArray(header) ? header.join(",") : (header ?? "")).split(",").map((h) => h.trim()).filter(Boolean);
    while (trusted.includes(address) && hops.length > 0) {
      const hop = forwardedAddress(hops.pop()!);
      // A hop that is not an address was not written by a proxy: keep the last one that was.
      if (!hop) break;
      address = hop;
    }
    return address;
  };
}

/** From KNATIVE_CONSOLE_TRUSTED_PROXIES (unset: the TCP peer); throws naming the setting when malformed. */
export function clientAddressFromEnv(env: Record<string, string | undefined> = process.env): { of: ClientAddressOf; summary?: string } {
  const value = env[TRUSTED_PROXIES_ENV]?.trim();
  if (!value) return { of: clientAddressOf(undefined) };
  const trusted = parseTrustedSources(value, TRUSTED_PROXIES_ENV);
  return { of: clientAddressOf(trusted), summary: `client addresses from X-Forwarded-For behind ${trusted.entries.join(", ")}` };
}
