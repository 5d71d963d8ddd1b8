import { describe, expect, it } from "vitest";
import { displayServerUrl, redactSecrets } from "./redact";

describe("redactSecrets", () => {
  it("removes user info, bearer tokens and token parameters", () => {
    const text = "GET https://bob:pw@api.example:6443/x?token=abc&watch=1 Authorization: Bearer eyJhbGciOi.x.y";
    const out = redactSecrets(text);
    expect(out).not.toMatch(/bob|pw@|abc|eyJhbGciOi/);
    expect(out).toContain("https://api.example:6443/x?token=[redacted]&watch=1");
  });
});

describe("displayServerUrl", () => {
  it("keeps scheme, host, port and path only", () => {
    expect(displayServerUrl("https://u:p@k8s.example:6443/prefix?x=1#f")).toBe("https://k8s.example:6443/prefix");
    expect(displayServerUrl("http://127.0.0.1:7080")).toBe("http://127.0.0.1:7080");
  });
});
