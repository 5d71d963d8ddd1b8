// The HTTP client side of a test request, against a plain local HTTP server that plays an
// ingress gateway's part in each case (redirects, huge bodies, silence). The integration test
// (integration/send-requests.test.ts) sends through the embedded cluster's real gateway.

import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestViaGateway, USER_AGENT } from "./gateway-request";

let server: http.Server;
let gateway: URL;
const seen: http.IncomingHttpHeaders[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(req.headers);
    const host = req.headers.host ?? "";
    if (host.startsWith("redirect.")) return res.writeHead(301, { Location: `https://${host}/` }).end("moved\n");
    if (host.startsWith("big.")) return res.writeHead(200).end("x".repeat(10_000));
    if (host.startsWith("silent.")) return; // never answers
    if (host.startsWith("half.")) {
      res.writeHead(200, { "Content-Length": "100" });
      res.write("partial");
      setTimeout(() => res.destroy(), 20);
      return;
    }
    res.writeHead(200, { "Content-Type": "text/plain" }).end(`  Hello ${host}!\n\n`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  gateway = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const send = (host: string, more: { timeoutMs?: number; bodyLimit?: number; signal?: AbortSignal; gateway?: URL } = {}) =>
  requestViaGateway({ gateway: more.gateway ?? gateway, host, agent: new http.Agent(), timeoutMs: more.timeoutMs ?? 2_000, bodyLimit: more.bodyLimit ?? 4096, signal: more.signal ?? new AbortController().signal });

describe("requestViaGateway", () => {
  it("sends GET / with the Service's host and no credential, and keeps the trimmed body", async () => {
    const answer = await send("hello.default.example.com");
    expect(answer).toMatchObject({ status: 200, body: "Hello hello.default.example.com!", truncated: false });
    expect(answer!.latencyMs).toBeGreaterThan(0);
    const headers = seen.at(-1)!;
    expect(headers.host).toBe("hello.default.example.com");
    expect(headers["user-agent"]).toBe(USER_AGENT);
    expect(headers.authorization).toBeUndefined();
    expect(headers.cookie).toBeUndefined();
  });

  it("does not follow a redirect: the 301 is the answer", async () => {
    expect(await send("redirect.default.example.com")).toMatchObject({ status: 301, body: "moved" });
    expect(seen.at(-1)!.host).toBe("redirect.default.example.com");
  });

  it("reads at most the body limit and says the body was truncated", async () => {
    const answer = await send("big.default.example.com", { bodyLimit: 4096 });
    expect(answer).toMatchObject({ status: 200, truncated: true });
    expect(answer!.body).toBe("x".repeat(4096));
  });

  it("counts silence past the timeout as no answer", async () => {
    expect(await send("silent.default.example.com", { timeoutMs: 200 })).toMatchObject({ status: 0, error: "no answer within 0.2 s" });
  });

  it("says when the gateway dropped the connection mid-answer", async () => {
    const answer = await send("half.default.example.com");
    expect(answer?.status).toBe(0);
    expect(answer?.error).toBe("the gateway closed the connection while sending the answer");
  });

  it("names the address when nothing listens there", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await send("hello.default.example.com", { gateway: new URL(`http://127.0.0.1:${port}`) })).toMatchObject({ status: 0, error: `connection refused (127.0.0.1:${port})` });
  });

  it("has no outcome when the run is stopped while it waits", async () => {
    const stop = new AbortController();
    const pending = send("silent.default.example.com", { signal: stop.signal });
    setTimeout(() => stop.abort(), 50);
    expect(await pending).toBeNull();
  });
});
