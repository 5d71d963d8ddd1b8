// The console's server: Next.js (the production build, or `next dev` with --dev) behind the
// console's HTTP front (lib/http/console-front.ts), which screens every request and gives every
// response the security headers. scripts/start.ts runs it; it stands in for `next start`.
//
//   tsx scripts/console-server.ts --host 127.0.0.1 --port 3000 [--dev] [--auth local|token|proxy] [--allow-remote-local] [--dir DIR]
//
// --dir is the directory holding `.next` and `app` (the repository by default). The container
// image runs this file bundled (scripts/bundle-console-server.ts) inside Next's standalone output.
//
// Names the console answers to besides loopback: KNATIVE_CONSOLE_PUBLIC_URL and
// KNATIVE_CONSOLE_ALLOWED_HOSTS (lib/http/console-origin.ts).

import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import next from "next";
import { originPolicy } from "../lib/http/console-origin";
import { frontHandler, guardServer } from "../lib/http/console-front";
import { type RouteEntry, scanRoutes } from "../lib/http/route-table";
import { AUTH_MODE_ENV, authMode } from "../lib/k8s/auth-mode";
import { sessionGate } from "../lib/auth/session-gate";
import { clientAddressFromEnv } from "../lib/http/client-address";
import { type ProxyConfig, proxyConfig, proxySummary } from "../lib/auth/proxy-config";
import { proxyGate } from "../lib/auth/proxy-gate";
import { SESSION_KEY_ENV, sessionKey } from "../lib/auth/session-key";
import { sessionLifetimeMs } from "../lib/auth/session-cookie";
import { attemptsPerMinute } from "../lib/auth/sign-in-limiter";

const { values: flags } = parseArgs({
  options: {
    dir: { type: "string" },
    host: { type: "string", default: "127.0.0.1" },
    port: { type: "string", default: "3000" },
    dev: { type: "boolean", default: false },
    auth: { type: "string" },
    "allow-remote-local": { type: "boolean", default: false },
  },
  strict: true,
});

const root = path.resolve(flags.dir ?? path.join(import.meta.dirname, ".."));
// A production server takes the configuration the build used, from required-server-files.json,
// the way Next's own standalone server.js hands it over: the standalone output has no
// next.config.js, and without it Next warns that `next start` does not suit `output: standalone`.
const serverFiles = path.join(root, ".next", "required-server-files.json");
if (!flags.dev && fs.existsSync(serverFiles)) {
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify((JSON.parse(fs.readFileSync(serverFiles, "utf8")) as { config: unknown }).config);
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const host = flags.host;
const port = flags.port;
let mode: ReturnType<typeof authMode>;
let policy: ReturnType<typeof originPolicy>;
try {
  mode = authMode(flags.auth ?? process.env[AUTH_MODE_ENV]);
  policy = originPolicy(process.env, { port, bindHost: host });
} catch (err) {
  fail((err as Error).message);
}
const bind = mode.checkBind({ host, port, allowRemote: flags["allow-remote-local"] });
if (!bind.ok) fail(bind.error);
if (bind.warning) console.warn(bind.warning);
// Route handlers and pages run in this process and read the mode from here.
process.env[AUTH_MODE_ENV] = mode.name;
let proxy: ProxyConfig | undefined;
if (mode.name === "proxy") {
  try {
    proxy = proxyConfig(process.env);
  } catch (err) {
    fail((err as Error).message);
  }
}
let clientAddress: ReturnType<typeof clientAddressFromEnv> = clientAddressFromEnv({});
if (mode.name === "token") {
  try {
    clientAddress = clientAddressFromEnv(process.env);
    sessionKey();
    sessionLifetimeMs();
    attemptsPerMinute();
  } catch (err) {
    fail((err as Error).message);
  }
  if (!process.env[SESSION_KEY_ENV]) {
    console.warn("KNATIVE_CONSOLE_SESSION_KEY is not set: sessions are sealed with a random key, so they end when this process does and other replicas cannot read them.");
  }
}

// In development, routes come and go while the server runs: read them again now and then.
const appDir = path.join(root, "app");
let routes: RouteEntry[] = scanRoutes(appDir);
let scannedAt = Date.now();
function routeTable(): RouteEntry[] {
  if (flags.dev && Date.now() - scannedAt > 1_000) {
    routes = scanRoutes(appDir);
    scannedAt = Date.now();
  }
  return routes;
}

const server = http.createServer();
const app = next({ dev: flags.dev, dir: root, hostname: host, port: Number(port), httpServer: server });
await app.prepare();
const handle = app.getRequestHandler();

const context = { policy, routes: routeTable, dev: flags.dev };
const toNext: http.RequestListener = (req, res) => {
  handle(req, res).catch((err: unknown) => {
    console.error("[console] request failed", err);
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" });
    res.end();
  });
};
// With --auth token, what passes the screening then needs a session (lib/auth/session-gate.ts);
// with --auth proxy, a user named by the trusted proxy (lib/auth/proxy-gate.ts).
const gated = mode.name === "token" ? sessionGate(toNext, () => sessionKey(), clientAddress.of) : proxy ? proxyGate(toNext, proxy) : toNext;
const front = frontHandler(gated, context);
server.on("request", front);
guardServer(server, context);

server.listen(Number(port), host, () => {
  console.log(`- Local: http://${host.includes(":") ? `[${host}]` : host}:${port} (${mode.summary})`);
  if (proxy) console.log(proxySummary(proxy));
  if (clientAddress.summary) console.log(`- Sign-in limit: ${clientAddress.summary}`);
});

function shutdown(code: number): void {
  server.close(() => process.exit(code));
  // Live pages hold their event streams open; they reconnect to the next server.
  server.closeAllConnections();
  setTimeout(() => process.exit(code), 3_000).unref();
}
process.on("SIGINT", () => shutdown(130));
process.on("SIGTERM", () => shutdown(143));
