import { describe, expect, it } from "vitest";
import { authMode, isLoopbackHost } from "./auth-mode";

describe("isLoopbackHost", () => {
  it.each(["127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "::1", "[::1]", "::ffff:127.0.0.1"])("%s is loopback", (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });
  it.each(["0.0.0.0", "::", "[::]", "10.0.0.1", "192.168.1.2", "example.com", "localhost.example.com", "127.0.0.256", "128.0.0.1", ""])("%s is not", (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});

describe("authMode", () => {
  it("is local by default", () => {
    expect(authMode(undefined).name).toBe("local");
    expect(authMode("").name).toBe("local");
  });

  it("refuses unknown names", () => {
    expect(() => authMode("oidc")).toThrow('--auth "oidc" is not an auth mode; use one of: local, token, proxy.');
  });

  describe("proxy", () => {
    const proxy = authMode("proxy");

    it("listens anywhere: what it believes depends on the trusted addresses", () => {
      expect(proxy.checkBind({ host: "0.0.0.0", port: "3000", allowRemote: false })).toEqual({ ok: true });
      expect(proxy.summary).toMatch(/^auth proxy: .*impersonation/);
    });

    it("refuses to start without a trusted source, or with a malformed one, naming the setting", () => {
      expect(() => proxy.checkSettings!({})).toThrow(/^--auth proxy needs KNATIVE_CONSOLE_PROXY_TRUSTED_ADDRESSES/);
      expect(() => proxy.checkSettings!({ KNATIVE_CONSOLE_PROXY_TRUSTED_ADDRESSES: "proxy.local" })).toThrow(/^KNATIVE_CONSOLE_PROXY_TRUSTED_ADDRESSES: "proxy.local"/);
      expect(() => proxy.checkSettings!({ KNATIVE_CONSOLE_PROXY_TRUSTED_ADDRESSES: "127.0.0.1" })).not.toThrow();
    });
  });

  it("token listens anywhere: nothing is served without a session the cluster accepted", () => {
    expect(authMode("token").checkBind({ host: "0.0.0.0", port: "3000", allowRemote: false })).toEqual({ ok: true });
  });

  describe("local", () => {
    const local = authMode("local");

    it("listens on loopback without a word", () => {
      expect(local.checkBind({ host: "127.0.0.1", port: "3000", allowRemote: false })).toEqual({ ok: true });
    });

    it.each(["0.0.0.0", "::", "10.0.0.5"])("refuses %s, saying why and what to do", (host) => {
      const decision = local.checkBind({ host, port: "3000", allowRemote: false });
      expect(decision.ok).toBe(false);
      const error = (decision as { error: string }).error;
      expect(error).toMatch(/^Refusing to listen on .*:3000: with --auth local/);
      expect(error).toContain("--host 127.0.0.1");
      expect(error).toContain("--allow-remote-local");
    });

    it("listens anywhere when told to, with a loud warning", () => {
      const decision = local.checkBind({ host: "0.0.0.0", port: "3000", allowRemote: true });
      expect(decision).toMatchObject({ ok: true });
      expect((decision as { warning: string }).warning).toMatch(/WARNING: --auth local on 0\.0\.0\.0:3000[\s\S]*without logging in/);
    });
  });
});
