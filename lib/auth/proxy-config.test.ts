import { describe, expect, it } from "vitest";
import { proxyConfig, proxySignOutUrl, proxySummary } from "./proxy-config";

const base = { KNATIVE_CONSOLE_PROXY_TRUSTED_ADDRESSES: "127.0.0.1" };

describe("proxyConfig", () => {
  it("refuses to start without trusted addresses, naming the setting", () => {
    expect(() => proxyConfig({})).toThrow(/^--auth proxy needs KNATIVE_CONSOLE_PROXY_TRUSTED_ADDRESSES: /);
    expect(() => proxyConfig({ KNATIVE_CONSOLE_PROXY_TRUSTED_ADDRESSES: "  " })).toThrow("KNATIVE_CONSOLE_PROXY_TRUSTED_ADDRESSES");
  });

  it("takes oauth2-proxy's header names by default, lower-case as Node keys them", () => {
    const config = proxyConfig(base);
    expect(config.userHeader).toBe("x-forwarded-user");
    expect(config.groupsHeader).toBe("x-forwarded-groups");
    expect(config.secret).toBeUndefined();
    expect(config.signOutUrl).toBeUndefined();
    expect(config.trusted.includes("127.0.0.1")).toBe(true);
  });

  it("takes other header names", () => {
    const config = proxyConfig({ ...base, KNATIVE_CONSOLE_PROXY_USER_HEADER: "X-Forwarded-Email", KNATIVE_CONSOLE_PROXY_GROUPS_HEADER: "X-Auth-Request-Groups" });
    expect([config.userHeader, config.groupsHeader]).toEqual(["x-forwarded-email", "x-auth-request-groups"]);
  });

  it("refuses header names that are not header names, or one header for two things", () => {
    expect(() => proxyConfig({ ...base, KNATIVE_CONSOLE_PROXY_USER_HEADER: "X User" })).toThrow('KNATIVE_CONSOLE_PROXY_USER_HEADER: "X User" is not an HTTP header name.');
    expect(() => proxyConfig({ ...base, KNATIVE_CONSOLE_PROXY_GROUPS_HEADER: "x-forwarded-user" })).toThrow(/^KNATIVE_CONSOLE_PROXY_GROUPS_HEADER: it names the same header/);
  });

  it("takes a shared secret of at least 16 characters, in its own header", () => {
    const config = proxyConfig({ ...base, KNATIVE_CONSOLE_PROXY_SECRET: "0123456789abcdef" });
    expect(config.secret).toEqual({ header: "x-knative-console-proxy-secret", value: "0123456789abcdef" });
    expect(() => proxyConfig({ ...base, KNATIVE_CONSOLE_PROXY_SECRET: "short" })).toThrow("KNATIVE_CONSOLE_PROXY_SECRET: a shared secret needs at least 16 characters.");
    expect(() => proxyConfig({ ...base, KNATIVE_CONSOLE_PROXY_SECRET_HEADER: "X-Secret" })).toThrow(/^KNATIVE_CONSOLE_PROXY_SECRET_HEADER is set but KNATIVE_CONSOLE_PROXY_SECRET is not/);
    expect(() => proxyConfig({ ...base, KNATIVE_CONSOLE_PROXY_SECRET: "0123456789abcdef", KNATIVE_CONSOLE_PROXY_SECRET_HEADER: "X-Forwarded-Groups" })).toThrow(
      /^KNATIVE_CONSOLE_PROXY_SECRET_HEADER: it names the same header/,
    );
  });

  it("takes a sign-out path or http(s) URL, and nothing that leaves the site by a trick", () => {
    expect(proxyConfig({ ...base, KNATIVE_CONSOLE_PROXY_SIGN_OUT_URL: "/oauth2/sign_out" }).signOutUrl).toBe("/oauth2/sign_out");
    expect(proxyConfig({ ...base, KNATIVE_CONSOLE_PROXY_SIGN_OUT_URL: "https://auth.example.com/oauth2/sign_out?rd=/" }).signOutUrl).toBe("https://auth.example.com/oauth2/sign_out?rd=/");
    for (const bad of ["javascript:alert(1)", "//evil.example", "/\\evil.example", "oauth2/sign_out"]) {
      expect(() => proxyConfig({ ...base, KNATIVE_CONSOLE_PROXY_SIGN_OUT_URL: bad })).toThrow(/^KNATIVE_CONSOLE_PROXY_SIGN_OUT_URL: /);
      expect(proxySignOutUrl({ KNATIVE_CONSOLE_PROXY_SIGN_OUT_URL: bad })).toBeUndefined();
    }
  });

  it("sums up what it believes from where, never the secret", () => {
    const summary = proxySummary(proxyConfig({ KNATIVE_CONSOLE_PROXY_TRUSTED_ADDRESSES: "127.0.0.1,10.0.0.0/8", KNATIVE_CONSOLE_PROXY_SECRET: "0123456789abcdef" }));
    expect(summary).toBe("  trusting x-forwarded-user and x-forwarded-groups only from 127.0.0.1, 10.0.0.0/8 with x-knative-console-proxy-secret");
    expect(summary).not.toContain("0123456789abcdef");
  });
});
