import { describe, expect, it } from "vitest";
import { proxyConfig } from "./proxy-config";
import { parseGroups, proxiedUser } from "./proxy-identity";

const config = proxyConfig({ KNATIVE_CONSOLE_PROXY_TRUSTED_ADDRESSES: "127.0.0.1,::1,10.0.0.0/8" });
const withSecret = proxyConfig({ KNATIVE_CONSOLE_PROXY_TRUSTED_ADDRESSES: "10.0.0.0/8", KNATIVE_CONSOLE_PROXY_SECRET: "0123456789abcdef" });
const from = (remoteAddress: string | undefined, headers: Record<string, string[] | undefined>) => ({ remoteAddress, headers });

describe("parseGroups", () => {
  it("takes repeated header lines and comma-separated lists alike, trimmed, each once, in order", () => {
    expect(parseGroups(["team-a, team-b", " team-c ", "team-a,,", ""])).toEqual(["team-a", "team-b", "team-c"]);
    expect(parseGroups(undefined)).toEqual([]);
    expect(parseGroups([" , "])).toEqual([]);
  });
});

describe("proxiedUser", () => {
  it("believes the user and groups from a trusted address, IPv4, IPv6 or IPv4-mapped", () => {
    for (const address of ["127.0.0.1", "::1", "::ffff:10.1.2.3"]) {
      expect(proxiedUser(from(address, { "x-forwarded-user": [" jane@example.com "], "x-forwarded-groups": ["dev,ops", "dev"] }), config)).toEqual({
        ok: true,
        user: { username: "jane@example.com", groups: ["dev", "ops"] },
      });
    }
  });

  it("refuses any other address with 403, whatever its headers say", () => {
    const verdict = proxiedUser(from("192.168.1.9", { "x-forwarded-user": ["knative-developer"] }), config);
    expect(verdict).toMatchObject({ ok: false, code: 403, trusted: false });
    expect(verdict.ok ? "" : verdict.message).toContain("192.168.1.9 is not an address KNATIVE_CONSOLE_PROXY_TRUSTED_ADDRESSES lists");
    expect(proxiedUser(from(undefined, { "x-forwarded-user": ["x"] }), config)).toMatchObject({ ok: false, code: 403 });
  });

  it("refuses a trusted request without a user with 401, naming the header", () => {
    for (const headers of [{}, { "x-forwarded-user": [""] }, { "x-forwarded-user": ["  "] }, { "x-forwarded-groups": ["dev"] }]) {
      const verdict = proxiedUser(from("127.0.0.1", headers), config);
      expect(verdict).toMatchObject({ ok: false, code: 401, trusted: true });
      expect(verdict.ok ? "" : verdict.message).toContain("the console needs the x-forwarded-user header");
    }
  });

  it("takes a repeated user header with one value, and refuses two different users", () => {
    expect(proxiedUser(from("127.0.0.1", { "x-forwarded-user": ["jane", "jane "] }), config)).toMatchObject({ ok: true, user: { username: "jane" } });
    expect(proxiedUser(from("127.0.0.1", { "x-forwarded-user": ["jane", "joe"] }), config)).toMatchObject({ ok: false, code: 403, trusted: true });
  });

  it("reads names as the UTF-8 the proxy sends (Node hands header bytes over as latin1), and refuses bytes that are not UTF-8", () => {
    const latin1 = (text: string) => Buffer.from(text, "utf8").toString("latin1");
    expect(proxiedUser(from("127.0.0.1", { "x-forwarded-user": [latin1("José")], "x-forwarded-groups": [latin1("équipe,開発")] }), config)).toEqual({
      ok: true,
      user: { username: "José", groups: ["équipe", "開発"] },
    });
    expect(proxiedUser(from("127.0.0.1", { "x-forwarded-user": ["Jos\xe9"] }), config)).toMatchObject({ ok: false, code: 403, trusted: true });
  });

  it("refuses Kubernetes' own names, as the user or as a group", () => {
    expect(proxiedUser(from("127.0.0.1", { "x-forwarded-user": ["system:admin"] }), config)).toMatchObject({ ok: false, code: 403 });
    expect(proxiedUser(from("127.0.0.1", { "x-forwarded-user": ["System:serviceaccount:kube-system:default"] }), config)).toMatchObject({ ok: false, code: 403 });
    const verdict = proxiedUser(from("127.0.0.1", { "x-forwarded-user": ["jane"], "x-forwarded-groups": ["dev, system:masters"] }), config);
    expect(verdict).toMatchObject({ ok: false, code: 403, trusted: true });
    expect(verdict.ok ? "" : verdict.message).toContain('"system:masters"');
  });

  it("needs the shared secret, when one is set, besides the address", () => {
    const user = { "x-forwarded-user": ["jane"] };
    expect(proxiedUser(from("10.0.0.1", { ...user, "x-knative-console-proxy-secret": ["0123456789abcdef"] }), withSecret)).toMatchObject({ ok: true });
    for (const secret of [[], ["0123456789abcdeF"], ["0123456789abcdef", "0123456789abcdef"], ["0123456789abcdef0"]]) {
      const verdict = proxiedUser(from("10.0.0.1", { ...user, "x-knative-console-proxy-secret": secret }), withSecret);
      expect(verdict).toMatchObject({ ok: false, code: 403, trusted: false });
    }
    expect(proxiedUser(from("127.0.0.1", { ...user, "x-knative-console-proxy-secret": ["0123456789abcdef"] }), withSecret)).toMatchObject({ ok: false, code: 403 });
  });
});
