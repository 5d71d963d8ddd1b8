import { describe, expect, it } from "vitest";
import { matchesFields, matchesRequirements, parseFieldSelector, parseLabelSelector } from "./label-selector";

describe("label selectors", () => {
  const labels = { app: "hello", tier: "web", env: "prod" };
  const match = (sel: string) => matchesRequirements(labels, parseLabelSelector(sel));

  it("supports equality, inequality, set and existence requirements", () => {
    expect(match("app=hello")).toBe(true);
    expect(match("app==hello,tier!=db")).toBe(true);
    expect(match("app=other")).toBe(false);
    expect(match("env in (prod,staging)")).toBe(true);
    expect(match("env notin (prod)")).toBe(false);
    expect(match("tier")).toBe(true);
    expect(match("!legacy")).toBe(true);
    expect(match("!app")).toBe(false);
    expect(match("")).toBe(true);
  });

  it("rejects malformed selectors with a 400", () => {
    expect(() => parseLabelSelector("app in a")).toThrow(/unable to parse requirement/);
    expect(() => parseLabelSelector("env foo (x)")).toThrow(/expected: in, notin/);
  });
});

describe("field selectors", () => {
  const obj = { metadata: { name: "hello", namespace: "default" }, involvedObject: { kind: "Service" } };
  it("matches an unordered AND list of terms", () => {
    const reqs = parseFieldSelector("involvedObject.kind=Service,metadata.name=hello", () => true);
    expect(matchesFields(obj, reqs)).toBe(true);
    expect(matchesFields(obj, parseFieldSelector("metadata.name!=hello", () => true))).toBe(false);
  });
  it("refuses fields the resource does not index", () => {
    expect(() => parseFieldSelector("spec.bogus=1", (p) => p.startsWith("metadata."))).toThrow("field label not supported: spec.bogus");
  });
});
