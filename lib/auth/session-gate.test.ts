import { describe, expect, it } from "vitest";
import { gateDecision } from "./session-gate";

describe("gateDecision", () => {
  it("lets a signed-in user through everywhere", () => {
    expect(gateDecision("/clusters/in-cluster/knative", true)).toEqual({ action: "pass" });
    expect(gateDecision("/api/clusters", true)).toEqual({ action: "pass" });
  });

  it.each(["/sign-in", "/sign-in?next=%2Fclusters", "/api/session", "/api/healthz", "/api/readyz", "/_next/static/chunks/main.js", "/icon.svg"])("lets %s through without a session", (target) => {
    expect(gateDecision(target, false)).toEqual({ action: "pass" });
  });

  it("sends pages to sign-in, remembering where they were going", () => {
    expect(gateDecision("/clusters/in-cluster/knative?ns=default", false)).toEqual({ action: "redirect", location: "/sign-in?next=%2Fclusters%2Fin-cluster%2Fknative%3Fns%3Ddefault" });
    expect(gateDecision("/", false)).toEqual({ action: "redirect", location: "/sign-in" });
    // Not a way to send someone elsewhere after signing in.
    expect(gateDecision("//evil.example/x", false)).toEqual({ action: "redirect", location: "/sign-in" });
  });

  it("answers API calls with 401", () => {
    expect(gateDecision("/api/clusters", false)).toEqual({ action: "unauthorized" });
    expect(gateDecision("/api/clusters/in-cluster/events", false)).toEqual({ action: "unauthorized" });
    expect(gateDecision("/api", false)).toEqual({ action: "unauthorized" });
  });
});
