import { describe, expect, it } from "vitest";
import { crossSiteWriteProblem } from "./cross-site";

const base = { ownOrigins: ["http://127.0.0.1:3000"], origin: null, secFetchSite: null };

describe("crossSiteWriteProblem", () => {
  it("lets reads through whatever their origin", () => {
    expect(crossSiteWriteProblem({ ...base, method: "GET", origin: "https://evil.example", secFetchSite: "cross-site" })).toBeNull();
  });

  it("accepts same-origin writes", () => {
    expect(crossSiteWriteProblem({ ...base, method: "POST", origin: "http://127.0.0.1:3000", secFetchSite: "same-origin" })).toBeNull();
  });

  it("accepts writes from non-browser clients (no Origin, no Sec-Fetch-Site)", () => {
    expect(crossSiteWriteProblem({ ...base, method: "PATCH" })).toBeNull();
  });

  it.each([
    ["cross-site", "https://evil.example"],
    ["same-site", "http://other.127.0.0.1.nip.io:3000"],
  ])("refuses Sec-Fetch-Site %s", (site, origin) => {
    expect(crossSiteWriteProblem({ ...base, method: "POST", origin, secFetchSite: site })).toMatch(/Cross-site request refused/);
  });

  it("refuses a foreign Origin when the browser sends no Sec-Fetch-Site", () => {
    expect(crossSiteWriteProblem({ ...base, method: "DELETE", origin: "https://evil.example" })).toMatch(/Origin https:\/\/evil.example/);
  });

  it.each([
    ["another scheme", "https://127.0.0.1:3000"],
    ["another port", "http://127.0.0.1:3001"],
    ["the default port", "http://127.0.0.1"],
    ["another loopback name", "http://localhost:3000"],
  ])("refuses an Origin with %s than the console's", (_what, origin) => {
    expect(crossSiteWriteProblem({ ...base, method: "PUT", origin })).toBe(`Cross-site request refused (Origin ${origin}).`);
  });

  it("compares origins as URLs do: case and an explicit default port do not matter", () => {
    expect(crossSiteWriteProblem({ ...base, method: "POST", origin: "HTTP://127.0.0.1:3000" })).toBeNull();
    expect(crossSiteWriteProblem({ ownOrigins: ["https://console.example.com"], origin: "https://console.example.com:443", secFetchSite: null, method: "POST" })).toBeNull();
  });

  it("refuses an opaque or malformed Origin", () => {
    expect(crossSiteWriteProblem({ ...base, method: "PUT", origin: "null" })).toMatch(/opaque/);
    expect(crossSiteWriteProblem({ ...base, method: "PUT", origin: "file:///etc/passwd" })).toMatch(/malformed/);
    expect(crossSiteWriteProblem({ ...base, method: "PUT", origin: "not a url" })).toMatch(/malformed/);
  });
});
