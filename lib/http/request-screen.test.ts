import { describe, expect, it } from "vitest";
import { originPolicy } from "./console-origin";
import { screenRequest } from "./request-screen";
import type { RouteEntry } from "./route-table";

const routes: RouteEntry[] = [
  { pattern: "/api/things", kind: "route", methods: ["GET", "HEAD", "OPTIONS"], segments: [{ kind: "static", value: "api" }, { kind: "static", value: "things" }], file: "" },
];
const context = { policy: originPolicy({}, { port: "3000" }), routes: () => routes };
const head = { method: "GET", target: "/api/things", host: "127.0.0.1:3000", origin: undefined, secFetchSite: undefined };
const codeOf = (screening: ReturnType<typeof screenRequest>) => (screening.action === "refuse" ? screening.status.code : screening.action);

describe("screenRequest", () => {
  it("checks the Host first: a foreign name learns nothing about paths or methods", () => {
    expect(codeOf(screenRequest({ ...head, host: "evil.example", method: "TRACE", target: "/api/%ZZ" }, context))).toBe(421);
  });

  it("answers the kubelet's probes, which name the pod's IP, whatever the Host; nothing else about them", () => {
    for (const target of ["/api/healthz", "/api/readyz"]) {
      expect(codeOf(screenRequest({ ...head, host: "10.244.1.7:3000", target }, context))).toBe("pass");
      expect(codeOf(screenRequest({ ...head, host: "10.244.1.7:3000", target, method: "HEAD" }, context))).toBe("pass");
      expect(codeOf(screenRequest({ ...head, host: "10.244.1.7:3000", target, method: "POST" }, context))).toBe(421);
    }
    expect(codeOf(screenRequest({ ...head, host: "10.244.1.7:3000", target: "/api/healthz/x" }, context))).toBe(421);
  });

  it("refuses a cross-site write before saying whether the method exists", () => {
    expect(codeOf(screenRequest({ ...head, method: "POST", secFetchSite: "cross-site" }, context))).toBe(403);
    expect(codeOf(screenRequest({ ...head, method: "POST", secFetchSite: "same-origin" }, context))).toBe(405);
  });

  it("passes Next's development tooling in development only", () => {
    const tooling = { ...head, method: "POST", target: "/__nextjs_original-stack-frames" };
    expect(codeOf(screenRequest(tooling, { ...context, dev: true }))).toBe("pass");
    expect(codeOf(screenRequest(tooling, context))).toBe(405);
  });

  it("passes the methods a route answers, and pages' GET", () => {
    expect(codeOf(screenRequest(head, context))).toBe("pass");
    expect(codeOf(screenRequest({ ...head, method: "HEAD" }, context))).toBe("pass");
    expect(codeOf(screenRequest({ ...head, target: "/clusters/x?tab=services" }, context))).toBe("pass");
  });
});
