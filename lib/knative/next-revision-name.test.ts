import { describe, expect, it } from "vitest";
import { nextRevisionName } from "./next-revision-name";

describe("nextRevisionName", () => {
  it("follows the highest numbered revision", () => {
    expect(nextRevisionName("helloworld-go", ["helloworld-go-00001"])).toBe("helloworld-go-00002");
    expect(nextRevisionName("helloworld-go", ["helloworld-go-00003", "helloworld-go-00001"])).toBe("helloworld-go-00004");
  });

  it("starts at 00001 and ignores names of other forms or other services", () => {
    expect(nextRevisionName("hello", [])).toBe("hello-00001");
    expect(nextRevisionName("hello", ["hello-canary", "hello-world-00009", "other-00007"])).toBe("hello-00001");
  });

  it("counts chosen names with longer numbers", () => {
    expect(nextRevisionName("hello", ["hello-123456"])).toBe("hello-123457");
  });
});
