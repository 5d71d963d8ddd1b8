// The console's server: Next.js (the production build, or `next dev` with --dev) behind the
// console's HTTP front (lib/http/console-front.ts), which screens every request and gives every
// response the security headers. scripts/start.ts runs it; it stands in for `next start`.
//
//   tsx scripts/console-server.ts --host 127.0.0.1 --port 3000 [--dev] [--auth local] [--allow-remote-local]
//
// Names the console answers to besides loopback: KNATIVE_CONSOLE_PUBLIC_URL and
// KNATIVE_CONSOLE_ALLOWED_HOSTS (lib/http/console-origin.ts).

import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import next from "next";
import { originPolicy } from "../lib/http/console-origin";
import { frontHandler, guardServer } from "../lib/http/console-front";
import { type RouteEntry, scanRoutes } from "../lib/http/route-table";
import { AUTH_MODE_ENV, authMode } from "../lib/k8s/auth-mode";

const root = path.resolve(import.meta.dirname, "..");

const { values: flags } = parseArgs({
  options: {
    host: { type: "string", default: "127.0.0.1" },
    port: { type: "string", default: "3000" },
    dev: { type: "boolean", default: false },
    auth: { type: "string" },
    "allow-remote-local": { type: "boolean", default: false },
  },
  strict: true,
});

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
const front = frontHandler((req, res) => {
  handle(req, res).catch((err: unknown) => {
    console.error("[console] request failed", err);
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" });
    res.end();
  });
}, context);
server.on("request", front);
guardServer(server, context);

server.listen(Number(port), host, () => {
  console.log(`- Local: http://${host.includes(":") ? `[${host}]` : host}:${port} (${mode.summary})`);
});

function shutdown(code: number): void {
  server.close(() => process.exit(code));
  // Live pages hold their event streams open; they reconnect to the next server.
  server.closeAllConnections();
  setTimeout(() => process.exit(code), 3_000).unref();
}
process.on("SIGINT", () => shutdown(130));
process.on("SIGTERM", () => shutdown(143));
