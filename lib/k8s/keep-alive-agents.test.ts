import { describe, expect, it } from "vitest";
import { keepAliveAgent } from "./keep-alive-agents";

describe("keepAliveAgent", () => {
  it("shares one kept-alive agent per TLS material", () => {
    const a = keepAliveAgent(true, { ca: "CA-1", rejectUnauthorized: true });
    expect(keepAliveAgent(true, { ca: "CA-1", rejectUnauthorized: true })).toBe(a);
    expect(keepAliveAgent(true, { ca: "CA-2", rejectUnauthorized: true })).not.toBe(a);
    expect(keepAliveAgent(true, { ca: "CA-1", cert: "client", rejectUnauthorized: true })).not.toBe(a);
    expect((a as unknown as { keepAlive: boolean }).keepAlive).toBe(true);
  });

  it("drops the least recently used agent beyond 32", () => {
    const first = keepAliveAgent(true, { ca: "evict-0" });
    for (let i = 1; i <= 32; i++) keepAliveAgent(true, { ca: `evict-${i}` });
    expect(keepAliveAgent(true, { ca: "evict-0" })).not.toBe(first);
  });

  it("has one plain-HTTP agent", () => {
    expect(keepAliveAgent(false)).toBe(keepAliveAgent(false));
  });
});
