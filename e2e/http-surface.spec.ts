// Malformed and hostile requests against every route and page of the running console, sent as
// raw bytes: malformed escapes, every method a route does not answer (TRACE, PROPFIND, CONNECT
// among them), foreign Hosts (DNS rebinding), writes from other origins (another scheme, port,
// host, an opaque one), headers too large. None gets a 5xx; each is refused with the code the
// table says, as a Status under /api and a small page elsewhere; and every answer, refused or
// not, carries the security headers, once each.

import { expect, test } from "@playwright/test";
import { NON_DOCUMENT_CSP, SECURITY_HEADERS } from "../lib/http/security-headers";
import { type RawAnswer, type RawRequest, rawRequest, single } from "../lib/http/raw-http.testing";
import { type ConsolePath, SEEDED, consolePaths, writeMethods } from "./support/console-paths";
import { PROBE_PATHS } from "../lib/http/request-screen";

const PORT = Number(process.env.KNATIVE_E2E_PORT);
const OWN = `127.0.0.1:${PORT}`;
const OTHER_PORT = PORT === 65535 ? PORT - 1 : PORT + 1;
const STANDARD = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"];

interface Case {
  what: string;
  request: RawRequest;
  /** The status it must get; undefined: anything but a 5xx. */
  status?: number;
  allow?: string;
}

const withHost = (headers: Array<[string, string]> = []): Array<[string, string]> => [["Host", OWN], ...headers];

function casesFor({ route, path }: ConsolePath, absent: ConsolePath): Case[] {
  const allow = route.methods.join(", ");
  const foreignHostStatus = PROBE_PATHS.has(path) ? undefined : 421;
  const cases: Case[] = [
    { what: "GET", request: { method: "GET", target: path, headers: withHost() } },
    { what: "OPTIONS", request: { method: "OPTIONS", target: path, headers: withHost() }, status: 204, allow },
    { what: "a malformed escape at the end", request: { method: "GET", target: `${path}/%ZZ`, headers: withHost() }, status: 400 },
    { what: "a truncated UTF-8 escape", request: { method: "GET", target: `${path}/%E0%A4%A`, headers: withHost() }, status: 400 },
    { what: "a lone %", request: { method: "GET", target: `${path}%`, headers: withHost() }, status: 400 },
    { what: "TRACE", request: { method: "TRACE", target: path, headers: withHost() }, status: 405, allow },
    { what: "PROPFIND", request: { method: "PROPFIND", target: path, headers: withHost() }, status: 405, allow },
    { what: "MKCOL", request: { method: "MKCOL", target: path, headers: withHost() }, status: 405, allow },
    { what: "CONNECT", request: { method: "CONNECT", target: path, headers: withHost() }, status: 405, allow },
    // The kubelet probes /api/healthz and /api/readyz by pod IP: they answer any Host, and say only "ok".
    { what: "a foreign Host (DNS rebinding)", request: { method: "GET", target: path, headers: [["Host", `evil.example:${PORT}`]] }, status: foreignHostStatus },
    { what: "a loopback Host with another port", request: { method: "GET", target: path, headers: [["Host", `localhost:${OTHER_PORT}`]] }, status: foreignHostStatus },
    { what: "a Host with userinfo", request: { method: "GET", target: path, headers: [["Host", `evil.example@${OWN}`]] }, status: foreignHostStatus },
    { what: "no Host (HTTP/1.0)", request: { method: "GET", target: path, version: "HTTP/1.0" }, status: foreignHostStatus },
    { what: "headers too large", request: { method: "GET", target: path, headers: withHost([["X-Padding", "a".repeat(64 * 1024)]]) }, status: 431 },
    { what: "a path too long", request: { method: "GET", target: `${path}/${"a".repeat(20 * 1024)}`, headers: withHost() }, status: 431 },
  ];
  for (const method of STANDARD.filter((m) => !route.methods.includes(m))) {
    cases.push({ what: `${method}, which it does not answer`, request: { method, target: path, headers: withHost([["Content-Length", "0"]]) }, status: 405, allow });
  }
  // Writes go to objects that do not exist: a write that got through must not change anything.
  for (const method of writeMethods(route)) {
    const target = absent.path;
    const json: Array<[string, string]> = [["Content-Type", "application/json"], ["Content-Length", "2"]];
    for (const [label, origin] of [
      ["another scheme", `https://${OWN}`],
      ["another port", `http://127.0.0.1:${OTHER_PORT}`],
      ["another host", `http://localhost:${PORT}`],
      ["another site", "https://evil.example"],
      ["an opaque origin", "null"],
    ]) {
      cases.push({ what: `${method} from ${label}`, request: { method, target, headers: withHost([["Origin", origin!], ...json]), body: "{}" }, status: 403 });
    }
    cases.push({ what: `${method} from another site (Sec-Fetch-Site)`, request: { method, target, headers: withHost([["Sec-Fetch-Site", "cross-site"], ...json]), body: "{}" }, status: 403 });
    cases.push({ what: `${method} from the console's own origin`, request: { method, target, headers: withHost([["Origin", `http://${OWN}`], ["Sec-Fetch-Site", "same-origin"], ...json]), body: "{}" } });
  }
  return cases;
}

/** What is wrong with an answer's headers, or null. */
function headerProblem(answer: RawAnswer, isPage: boolean): string | null {
  try {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      if (single(answer, name) !== value) return `${name}: ${single(answer, name)}`;
    }
    if (answer.headers["x-powered-by"]) return "X-Powered-By is sent";
    const csp = single(answer, "Content-Security-Policy") ?? "";
    const html = /text\/html/.test(single(answer, "Content-Type") ?? "") && answer.status !== 400 && answer.status < 405;
    const expected = isPage && html ? /^default-src 'self'; script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic';/ : new RegExp(`^${NON_DOCUMENT_CSP}$`);
    return expected.test(csp) ? null : `Content-Security-Policy: ${csp}`;
  } catch (err) {
    return (err as Error).message;
  }
}

/** Files Next serves itself: a script the Clusters page loads, the icon, and a chunk that does not exist. */
async function staticPaths(): Promise<ConsolePath[]> {
  const html = (await rawRequest(PORT, { method: "GET", target: "/clusters", headers: withHost() })).body;
  const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(chunk, "a script of the Clusters page").toBeTruthy();
  const asset = (p: string): ConsolePath => ({ path: p, route: { pattern: p, kind: "page", methods: ["GET", "HEAD", "OPTIONS"], segments: [], file: "" } });
  return [asset(chunk!), asset("/icon.svg"), asset("/_next/static/chunks/no-such-chunk.js")];
}

test("malformed and hostile requests to every route and page: no 5xx, the right refusal, the security headers on every answer", async () => {
  test.setTimeout(300_000);
  const statics = await staticPaths();
  const paths = [...consolePaths(SEEDED), ...statics];
  const absent = [...consolePaths({ ...SEEDED, name: "hardening-absent", revision: "hardening-absent-00001" }), ...statics];
  expect(paths.filter((p) => p.route.kind === "route").length).toBeGreaterThan(10);
  expect(paths.filter((p) => p.route.kind === "page").length).toBeGreaterThan(4);
  const wrong: string[] = [];
  let sent = 0;
  for (const [i, target] of paths.entries()) {
    for (const c of casesFor(target, absent[i]!)) {
      const answer = await rawRequest(PORT, c.request);
      sent++;
      const label = `${c.request.method} ${c.request.target.slice(0, 120)} (${c.what})`;
      const problem =
        answer.status >= 500 || Number.isNaN(answer.status)
          ? `a ${answer.status}: ${answer.body.slice(0, 200)}`
          : c.status !== undefined && answer.status !== c.status
            ? `expected ${c.status}, got ${answer.status}: ${answer.body.slice(0, 200)}`
            : c.allow !== undefined && single(answer, "Allow") !== c.allow
              ? `Allow: ${single(answer, "Allow")}, expected ${c.allow}`
              : headerProblem(answer, target.route.kind === "page" && !statics.includes(target));
      if (problem) wrong.push(`${label}: ${problem}`);
      if (!problem && c.status && c.status >= 400 && c.request.method !== "HEAD" && c.request.target.startsWith("/api/")) {
        const status = JSON.parse(answer.body) as { kind?: string; code?: number };
        if (status.kind !== "Status" || status.code !== c.status) wrong.push(`${label}: not a Status: ${answer.body.slice(0, 200)}`);
      }
    }
  }
  expect(wrong).toEqual([]);
  expect(sent).toBeGreaterThan(400);
  // After all of it, the console still answers.
  expect((await rawRequest(PORT, { method: "GET", target: "/api/clusters", headers: withHost() })).status).toBe(200);
});
