import { describe, expect, it } from "vitest";
import { malformedSegment } from "./path-escapes";

describe("malformedSegment", () => {
  it("finds the segment whose escapes do not decode", () => {
    expect(malformedSegment("/api/clusters/%ZZ/namespaces")).toBe("%ZZ");
    expect(malformedSegment("/api/clusters/embedded/namespaces/default/services/%")).toBe("%");
    expect(malformedSegment("/api/clusters/%E0%A4%A/x")).toBe("%E0%A4%A");
  });
  it("accepts well-formed escapes", () => {
    expect(malformedSegment("/api/clusters/my%20cluster/namespaces")).toBeNull();
    expect(malformedSegment("/api/clusters/%E2%9C%93")).toBeNull();
  });
});
