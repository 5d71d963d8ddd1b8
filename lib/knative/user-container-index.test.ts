import { describe, expect, it } from "vitest";
import { userContainerIndex } from "./user-container-index";

describe("userContainerIndex", () => {
  it("is the only container, else the one with a port, else the first", () => {
    expect(userContainerIndex({ containers: [{ image: "a" }] })).toBe(0);
    expect(userContainerIndex({ containers: [{ image: "sidecar" }, { image: "app", ports: [{ containerPort: 8080 }] }] })).toBe(1);
    expect(userContainerIndex({ containers: [{ image: "a" }, { image: "b" }] })).toBe(0);
    expect(userContainerIndex(undefined)).toBe(0);
  });
});
