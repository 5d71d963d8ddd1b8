// The front on a real Node server, with a stand-in for Next behind it that answers 200 to
// whatever reaches it: what the front refuses never gets there, and every answer, refused or
// not, carries the security headers. The same front in front of the real console is tested by
// e2e/http-surface.spec.ts.

import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { frontHandler, guardServer } from "./console-front";
import { originPolicy } from "./console-origin";
import { type RawRequest, rawRequest, single } from "./raw-http.testing";
import type { RouteEntry } from "./route-table";
import { SECURITY_HEADERS } from "./security-headers";

const routes: RouteEntry[] = [
  { pattern: "/api/things", kind: "route", methods: ["GET", "HEAD", "OPTIONS"], segments: [{ kind: "static", value: "api" }, { kind: "static", value: "things" }], file: "" },
  { pattern: "/api/things/[name]", kind: "route", methods: ["DELETE", "OPTIONS", "PUT"], segments: [{ kind: "static", value: "api" }, { kind: "static", value: "things" }, { kind: "dynamic" }], file: "" },
];

let server: http.Server;
let port: number;
let reached: string[];

beforeAll(async () => {
  server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  const context = { policy: originPolicy({}, { port: String(port) }), routes: () => routes };
  server.on(
    "request",
    frontHandler((req, res) => {
      reached.push(`${req.method} ${req.url}`);
      res.writeHead(200, { "Content-Type": "text/plain", "Content-Length": "9" }).end("from next");
    }, context),
  );
  guardServer(server, context);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

interface Answer {
  status: number;
  headers: Record<string, string | undefined>;
  body: string;
}

async function raw(request: RawRequest): Promise<Answer> {
  const answer = await rawRequest(port, request);
  return { ...answer, headers: Object.fromEntries(Object.keys(answer.headers).map((name) => [name, single(answer, name)])) };
}

const send = (method: string, target: string, extra: Record<string, string> = {}) =>
  raw({ method, target, headers: Object.entries({ Host: `127.0.0.1:${port}`, ...extra }) });

function expectSecurityHeaders(answer: Answer): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(answer.headers[name.toLowerCase()], name).toBe(value);
  expect(answer.headers["content-security-policy"]).toMatch(/^default-src 'none'/);
}

describe("the console's HTTP front", () => {
  it("passes what it does not refuse to Next, and adds the security headers to Next's answer", async () => {
    reached = [];
    const answer = await send("GET", "/api/things?x=%ZZ");
    expect(answer).toMatchObject({ status: 200, body: "from next" });
    expectSecurityHeaders(answer);
    expect(reached).toEqual(["GET /api/things?x=%ZZ"]);
  });

  it.each([
    ["TRACE on a route", "TRACE", "/api/things", {}, 405, "GET, HEAD, OPTIONS"],
    ["TRACE on a page", "TRACE", "/clusters", {}, 405, "GET, HEAD, OPTIONS"],
    ["TRACE on a route with a name", "TRACE", "/api/things/a", {}, 405, "DELETE, OPTIONS, PUT"],
    ["PROPFIND", "PROPFIND", "/api/things", {}, 405, "GET, HEAD, OPTIONS"],
    ["a method the route does not export", "POST", "/api/things", {}, 405, "GET, HEAD, OPTIONS"],
    ["a write to a page", "DELETE", "/", {}, 405, "GET, HEAD, OPTIONS"],
    ["a route that does not exist", "GET", "/api/nothing/here", {}, 404, undefined],
    ["a malformed escape in an API path", "GET", "/api/things/%E0%A4%A", {}, 400, undefined],
    ["a malformed escape in a page's path", "GET", "/clusters/%ZZ", {}, 400, undefined],
    ["another Host (DNS rebinding)", "GET", "/api/things", { Host: "evil.example" }, 421, undefined],
    ["an absolute-form target", "GET", "http://evil.example/api/things", {}, 400, undefined],
    ["a write from another origin", "PUT", "/api/things/a", { Origin: "https://evil.example" }, 403, undefined],
  ])("refuses %s before Next sees it", async (_what, method, target, headers, status, allow) => {
    reached = [];
    const answer = await send(method, target, headers);
    expect(answer.status).toBe(status);
    expect(answer.headers.allow).toBe(allow);
    expectSecurityHeaders(answer);
    expect(reached).toEqual([]);
    if (target.startsWith("/api")) {
      expect(JSON.parse(answer.body)).toMatchObject({ kind: "Status", code: status });
    } else {
      expect(answer.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(answer.body).toContain(`<title>${status} ${http.STATUS_CODES[status]}</title>`);
    }
  });

  it("escapes what it echoes into a page", async () => {
    const answer = await send("GET", "/x/%3Cscript%3E/%ZZ<b>");
    expect(answer.status).toBe(400);
    expect(answer.body).not.toContain("<b>");
    expect(answer.body).toContain("%ZZ&#60;b&#62;");
  });

  it("answers OPTIONS itself with the route's methods", async () => {
    const answer = await send("OPTIONS", "/api/things/a");
    expect(answer).toMatchObject({ status: 204, body: "" });
    expect(answer.headers.allow).toBe("DELETE, OPTIONS, PUT");
    expectSecurityHeaders(answer);
  });

  it("answers HEAD refusals without a body", async () => {
    const answer = await send("HEAD", "/api/things/a");
    expect(answer).toMatchObject({ status: 405, body: "" });
    expect(answer.headers.allow).toBe("DELETE, OPTIONS, PUT");
  });

  it("answers CONNECT, which Node would drop without a word, with 405", async () => {
    const answer = await raw({ method: "CONNECT", target: "127.0.0.1:22", headers: [["Host", "127.0.0.1:22"]] });
    expect(answer.status).toBe(405);
    expectSecurityHeaders(answer);
  });

  it("answers headers too large with 431 and a request Node cannot parse with 400, both with the headers", async () => {
    const tooLarge = await send("GET", "/api/things", { "X-Padding": "a".repeat(20_000) });
    expect(tooLarge.status).toBe(431);
    expectSecurityHeaders(tooLarge);
    expect(JSON.parse(tooLarge.body)).toMatchObject({ kind: "Status", code: 431 });
    for (const garbage of [{ method: "NOT HTTP", target: "" }, { method: "TRACK", target: "/", headers: [["Host", `127.0.0.1:${port}`]] as Array<[string, string]> }]) {
      const answer = await raw(garbage);
      expect(answer.status, garbage.method).toBe(400);
      expectSecurityHeaders(answer);
    }
    // And the server still answers.
    expect((await send("GET", "/api/things")).status).toBe(200);
  });
});
