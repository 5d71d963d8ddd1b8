// Keep-alive agents shared by every request to the same cluster with the same TLS material.
// client-node builds a new agent for every call (KubeConfig.createAgent), so each request would
// pay a TCP and TLS handshake; a console polling pods every second, or rendering a page from a
// dozen reads, should not. Agents are keyed by what decides the connection (the CA, the client
// certificate and key, verification, the server name), so a rotated certificate gets a new one.

import { createHash } from "node:crypto";
import http from "node:http";
import https from "node:https";

type TlsOptions = Pick<https.AgentOptions, "ca" | "cert" | "key" | "pfx" | "passphrase" | "rejectUnauthorized" | "servername">;

const MAX_AGENTS = 32;
const agents = new Map<string, http.Agent>();
// As many idle sockets kept as may be open: the live-traffic poller reads its pods in bursts of
// up to 16 every second, and every socket closed after a burst was a TLS handshake (a new secure
// context, its CA parsed) in the next one, the larger part of the collection's CPU.
const COMMON = { keepAlive: true, maxSockets: 16, maxFreeSockets: 16, timeout: 30_000 };
let plain: http.Agent | undefined;

export function keepAliveAgent(secure: boolean, tls: TlsOptions = {}): http.Agent {
  if (!secure) return (plain ??= new http.Agent(COMMON));
  const hash = createHash("sha256");
  for (const part of [tls.ca, tls.cert, tls.key, tls.pfx, tls.passphrase, tls.rejectUnauthorized, tls.servername]) hash.update(`${part === undefined ? "-" : String(part)}\0`);
  const key = hash.digest("hex");
  let agent = agents.get(key);
  if (agent) {
    // Most recently used last, so the oldest is the one dropped.
    agents.delete(key);
    agents.set(key, agent);
    return agent;
  }
  agent = new https.Agent({ ...COMMON, ...pick(tls) });
  agents.set(key, agent);
  if (agents.size > MAX_AGENTS) {
    const [oldestKey, oldest] = agents.entries().next().value!;
    agents.delete(oldestKey);
    oldest.destroy();
  }
  return agent;
}

function pick(tls: TlsOptions): TlsOptions {
  const out: TlsOptions = {};
  for (const k of ["ca", "cert", "key", "pfx", "passphrase", "rejectUnauthorized", "servername"] as const) if (tls[k] !== undefined) (out as Record<string, unknown>)[k] = tls[k];
  return out;
}
