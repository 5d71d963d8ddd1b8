import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientAddressFromEnv, TRUSTED_PROXIES_ENV } from "./client-address";

const request = (peer: string, forwardedFor?: string | string[]) =>
  ({ socket: { remoteAddress: peer }, headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor } }) as unknown as IncomingMessage;

describe("the client address", () => {
  const behindIngress = clientAddressFromEnv({ [TRUSTED_PROXIES_ENV]: "10.0.0.0/8, fd00::/8" }).of;

  it("is the TCP peer when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    expect(clientAddressFromEnv({}).of(request("192.0.2.7", "203.0.113.9"))).toBe("192.0.2.7");
  });

  it("is the peer when the peer is not a trusted proxy", () => {
    expect(behindIngress(request("192.0.2.7", "203.0.113.9"))).toBe("192.0.2.7");
  });

  it("behind a trusted proxy, is the nearest entry that is not a trusted proxy, from the right", () => {
    // The client wrote 198.51.100.1 itself; the ingress appended what it saw, 203.0.113.9.
    expect(behindIngress(request("10.1.2.3", "198.51.100.1, 203.0.113.9"))).toBe("203.0.113.9");
    // Two trusted hops (a load balancer, then the ingress).
    expect(behindIngress(request("10.1.2.3", "203.0.113.9, 10.9.9.9"))).toBe("203.0.113.9");
    expect(behindIngress(request("::ffff:10.1.2.3", ["203.0.113.9", "10.9.9.9"]))).toBe("203.0.113.9");
    expect(behindIngress(request("fd00::1", "[2001:db8::5]:4711"))).toBe("2001:db8::5");
    expect(behindIngress(request("10.1.2.3", "203.0.113.9:5555"))).toBe("203.0.113.9");
  });

  it("stays on the last proxy when the header runs out or holds something that is not an address", () => {
    expect(behindIngress(request("10.1.2.3"))).toBe("10.1.2.3");
    expect(behindIngress(request("10.1.2.3", "unknown, 10.9.9.9"))).toBe("10.9.9.9");
  });

  it("refuses a malformed setting, naming it", () => {
    expect(() => clientAddressFromEnv({ [TRUSTED_PROXIES_ENV]: "ingress.local" })).toThrow(/^KNATIVE_CONSOLE_TRUSTED_PROXIES: "ingress.local" is not an IP address/);
  });
});
