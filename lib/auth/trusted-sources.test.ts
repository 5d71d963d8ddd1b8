import { describe, expect, it } from "vitest";
import { parseTrustedSources } from "./trusted-sources";

const SETTING = "KNATIVE_CONSOLE_PROXY_TRUSTED_ADDRESSES";
const trusted = (value: string) => parseTrustedSources(value, SETTING);

describe("parseTrustedSources", () => {
  it("matches single IPv4 addresses and nothing next to them", () => {
    const list = trusted("10.0.0.5");
    expect(list.includes("10.0.0.5")).toBe(true);
    expect(list.includes("10.0.0.6")).toBe(false);
    expect(list.includes("127.0.0.1")).toBe(false);
  });

  it("matches IPv4 CIDR ranges at their edges", () => {
    const list = trusted("10.244.0.0/16");
    expect(list.includes("10.244.0.0")).toBe(true);
    expect(list.includes("10.244.255.255")).toBe(true);
    expect(list.includes("10.245.0.0")).toBe(false);
    expect(list.includes("10.243.255.255")).toBe(false);
  });

  it("matches IPv6 addresses and ranges", () => {
    const list = trusted("::1, fd00:10::/32");
    expect(list.includes("::1")).toBe(true);
    expect(list.includes("0:0:0:0:0:0:0:1")).toBe(true);
    expect(list.includes("fd00:10:ffff::7")).toBe(true);
    expect(list.includes("fd00:11::7")).toBe(false);
    expect(list.includes("::2")).toBe(false);
  });

  it("matches an IPv4-mapped IPv6 peer (a dual-stack listener's IPv4 client) against the IPv4 entries", () => {
    const list = trusted("127.0.0.1 10.0.0.0/8");
    expect(list.includes("::ffff:127.0.0.1")).toBe(true);
    expect(list.includes("::ffff:10.20.30.40")).toBe(true);
    expect(list.includes("::ffff:192.168.0.1")).toBe(false);
  });

  it("takes commas and white space between entries, and keeps them for the summary", () => {
    expect(trusted(" 127.0.0.1,\n::1  10.0.0.0/8 ,").entries).toEqual(["127.0.0.1", "::1", "10.0.0.0/8"]);
  });

  it("never matches a missing, empty or malformed peer address", () => {
    const list = trusted("0.0.0.0/0");
    expect(list.includes(undefined)).toBe(false);
    expect(list.includes("")).toBe(false);
    expect(list.includes("localhost")).toBe(false);
    expect(list.includes("1.2.3.4")).toBe(true);
  });

  it.each(["localhost", "10.0.0.0/33", "::/129", "10.0.0.0/8/8", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.256", "proxy.example.com"])("refuses %s, naming the setting", (entry) => {
    expect(() => trusted(`127.0.0.1,${entry}`)).toThrow(`${SETTING}: ${JSON.stringify(entry)} is not an IP address or CIDR range`);
  });
});
