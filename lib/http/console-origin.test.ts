import { describe, expect, it } from "vitest";
import { hostProblem, originPolicy, ownOrigins } from "./console-origin";

const local = originPolicy({}, { port: "3000", bindHost: "127.0.0.1" });

describe("hostProblem", () => {
  it.each(["localhost:3000", "127.0.0.1:3000", "[::1]:3000", "LOCALHOST:3000"])("answers the loopback name %s with the console's port", (host) => {
    expect(hostProblem(local, host)).toBeNull();
  });

  it.each([
    ["another name (DNS rebinding)", "evil.example:3000"],
    ["another port", "localhost:3001"],
    ["no port (80)", "localhost"],
    ["a loopback name's subdomain", "x.localhost:3000"],
    ["userinfo smuggled in", "evil.example@localhost:3000"],
    ["a path smuggled in", "localhost:3000/x"],
    ["an empty Host", ""],
  ])("refuses %s", (_what, host) => {
    expect(hostProblem(local, host)).toMatch(/does not answer to the host|no Host header/);
  });

  it("refuses a request without Host", () => {
    expect(hostProblem(local, undefined)).toMatch(/no Host header/);
  });

  it("names the settings that would allow the host", () => {
    expect(hostProblem(local, "evil.example:3000")).toBe(
      'The console does not answer to the host "evil.example:3000". To reach it by that name, add it to KNATIVE_CONSOLE_ALLOWED_HOSTS or set KNATIVE_CONSOLE_PUBLIC_URL when you start the console.',
    );
  });

  it("answers the address it was bound to, but not every address when bound to all", () => {
    expect(hostProblem(originPolicy({}, { port: "3000", bindHost: "10.1.2.3" }), "10.1.2.3:3000")).toBeNull();
    expect(hostProblem(originPolicy({}, { port: "3000", bindHost: "0.0.0.0" }), "10.1.2.3:3000")).not.toBeNull();
    expect(hostProblem(originPolicy({}, { port: "3000", bindHost: "::1" }), "[::1]:3000")).toBeNull();
  });

  it("takes any port when the console's is unknown", () => {
    expect(hostProblem(originPolicy({}, { port: null }), "localhost:4567")).toBeNull();
  });

  it("answers the public URL's host, with its scheme's default port or an explicit one", () => {
    const policy = originPolicy({ KNATIVE_CONSOLE_PUBLIC_URL: "https://console.example.com/" }, { port: "3000" });
    expect(hostProblem(policy, "console.example.com")).toBeNull();
    expect(hostProblem(policy, "console.example.com:443")).toBeNull();
    expect(hostProblem(policy, "console.example.com:80")).not.toBeNull();
    expect(hostProblem(policy, "127.0.0.1:3000")).toBeNull();
  });

  it("answers extra names, with a port, without (any port), and with their subdomains", () => {
    const policy = originPolicy({ KNATIVE_CONSOLE_ALLOWED_HOSTS: "box.lan:8080, .team.example ,Other.Lan" }, { port: "3000" });
    expect(hostProblem(policy, "box.lan:8080")).toBeNull();
    expect(hostProblem(policy, "box.lan:3000")).not.toBeNull();
    expect(hostProblem(policy, "team.example:3000")).toBeNull();
    expect(hostProblem(policy, "a.b.team.example")).toBeNull();
    expect(hostProblem(policy, "evilteam.example")).not.toBeNull();
    expect(hostProblem(policy, "other.lan:1")).toBeNull();
  });

  it("refuses malformed settings, naming them", () => {
    expect(() => originPolicy({ KNATIVE_CONSOLE_PUBLIC_URL: "console.example.com" }, { port: "3000" })).toThrow(/KNATIVE_CONSOLE_PUBLIC_URL: "console.example.com" is not a URL/);
    expect(() => originPolicy({ KNATIVE_CONSOLE_PUBLIC_URL: "ftp://console.example.com" }, { port: "3000" })).toThrow(/not an http:\/\/ or https:\/\/ URL/);
    expect(() => originPolicy({ KNATIVE_CONSOLE_ALLOWED_HOSTS: "a b" }, { port: "3000" })).toThrow(/KNATIVE_CONSOLE_ALLOWED_HOSTS: "a b" is not a host name/);
  });
});

describe("ownOrigins", () => {
  it("is the plain-HTTP origin of the Host without a public URL", () => {
    expect(ownOrigins(local, "127.0.0.1:3000")).toEqual(["http://127.0.0.1:3000"]);
  });

  it("lets the public URL decide the scheme for its own host", () => {
    const policy = originPolicy({ KNATIVE_CONSOLE_PUBLIC_URL: "https://console.example.com" }, { port: "3000" });
    expect(ownOrigins(policy, "console.example.com")).toEqual(["https://console.example.com"]);
    // A proxy that rewrites Host to the upstream still forwards pages of the public origin.
    expect(ownOrigins(policy, "127.0.0.1:3000")).toEqual(["https://console.example.com", "http://127.0.0.1:3000"]);
  });
});
