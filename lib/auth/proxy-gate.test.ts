// The gate in front of a stand-in for Next, over real sockets: which requests pass, as whom, and
// what a refusal looks like. The peer is loopback, so "untrusted" is a list without it.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { proxyConfig } from "./proxy-config";
import { proxyGate, proxyGateDecision } from "./proxy-gate";
import { currentProxiedUser } from "./request-session";

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function gateOn(trusted: string): Promise<string> {
  const next: http.RequestListener = (req, res) => {
    res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ user: currentProxiedUser(), headers: req.headers }));
  };
  server = http.createServer(proxyGate(next, proxyConfig({ KNATIVE_CONSOLE_PROXY_TRUSTED_ADDRESSES: trusted })));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("proxyGateDecision", () => {
  const untrusted = { ok: false, code: 403, trusted: false, message: "m" } as const;
  const noUser = { ok: false, code: 401, trusted: true, message: "m" } as const;

  it("lets the health endpoints through from anywhere, without a user", () => {
    expect(proxyGateDecision("/api/healthz", untrusted)).toEqual({ action: "pass" });
    expect(proxyGateDecision("/api/readyz?x=1", noUser)).toEqual({ action: "pass" });
  });

  it("serves static files to the proxy without a user, and to no one else", () => {
    expect(proxyGateDecision("/_next/static/chunks/main.js", noUser)).toEqual({ action: "pass" });
    expect(proxyGateDecision("/_next/static/chunks/main.js", untrusted)).toMatchObject({ action: "refuse", code: 403 });
  });

  it("refuses pages and API calls without a believed user", () => {
    expect(proxyGateDecision("/clusters", noUser)).toMatchObject({ action: "refuse", code: 401 });
    expect(proxyGateDecision("/api/clusters", untrusted)).toMatchObject({ action: "refuse", code: 403 });
    expect(proxyGateDecision("/sign-in", untrusted)).toMatchObject({ action: "refuse", code: 403 });
  });
});

describe("proxyGate", () => {
  it("runs the request as the proxied user, and takes the proxy's headers away from what follows", async () => {
    const url = await gateOn("127.0.0.1");
    const headers = new Headers([
      ["X-Forwarded-User", "jane"],
      ["X-Forwarded-Groups", "dev"],
      ["X-Forwarded-Groups", "ops, dev"],
    ]);
    const res = await fetch(`${url}/api/clusters`, { headers });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { user: unknown; headers: Record<string, string> };
    expect(body.user).toEqual({ username: "jane", groups: ["dev", "ops"] });
    expect(body.headers["x-forwarded-user"]).toBeUndefined();
    expect(body.headers["x-forwarded-groups"]).toBeUndefined();
  });

  it("refuses an API call from the proxy without a user with a 401 Status", async () => {
    const url = await gateOn("127.0.0.1");
    const res = await fetch(`${url}/api/clusters`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ kind: "Status", code: 401, reason: "Unauthorized", message: expect.stringContaining("x-forwarded-user") });
  });

  it("refuses an untrusted peer with a 403 Status or page, ignoring the user it claims", async () => {
    const url = await gateOn("10.0.0.0/8");
    const api = await fetch(`${url}/api/clusters`, { headers: { "X-Forwarded-User": "knative-developer" } });
    expect(api.status).toBe(403);
    expect(await api.json()).toMatchObject({ kind: "Status", code: 403, reason: "Forbidden" });
    const page = await fetch(`${url}/clusters`, { headers: { "X-Forwarded-User": "knative-developer" } });
    expect(page.status).toBe(403);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const text = await page.text();
    expect(text).toContain("authenticating proxy");
    expect(text).not.toContain("knative-developer");
    expect((await fetch(`${url}/api/healthz`)).status).toBe(200);
  });
});
