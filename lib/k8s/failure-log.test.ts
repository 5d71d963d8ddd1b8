import { afterEach, describe, expect, it, vi } from "vitest";
import { logFailureOnce } from "./failure-log";

afterEach(() => vi.restoreAllMocks());

describe("logFailureOnce", () => {
  it("logs a failure once however often it repeats, and each different one", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    for (let i = 0; i < 5; i++) logFailureOnce("test", "probe failed", "connect ECONNREFUSED 127.0.0.1:1");
    logFailureOnce("test", "probe failed", "connect ECONNREFUSED 127.0.0.1:2");
    expect(warn.mock.calls.map((c) => c[0])).toEqual(["[test] probe failed: connect ECONNREFUSED 127.0.0.1:1", "[test] probe failed: connect ECONNREFUSED 127.0.0.1:2"]);
  });

  it("keeps bearer tokens and URL passwords out of the log", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    logFailureOnce("test", "request failed", "GET https://admin:pw1@k8s.example/api with Authorization: Bearer abc.def.ghi");
    expect(warn.mock.calls[0]?.[0]).toBe("[test] request failed: GET https://k8s.example/api with Authorization: Bearer [redacted]");
  });
});
