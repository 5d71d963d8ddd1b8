import { describe, expect, it, vi } from "vitest";
import { memoizedJsonResponse } from "./memoized-json";

describe("memoizedJsonResponse", () => {
  it("serialises each version of an answer once, and answers it as JSON every time", async () => {
    const make = vi.fn(() => ({ items: [{ metadata: { name: "a" } }] }));
    expect(await memoizedJsonResponse("services/*", 1, make).json()).toEqual({ items: [{ metadata: { name: "a" } }] });
    const again = memoizedJsonResponse("services/*", 1, make);
    expect(again.headers.get("content-type")).toBe("application/json");
    expect(await again.json()).toEqual({ items: [{ metadata: { name: "a" } }] });
    expect(make).toHaveBeenCalledOnce();
    memoizedJsonResponse("services/*", 2, make);
    memoizedJsonResponse("services/default", 2, make);
    expect(make).toHaveBeenCalledTimes(3);
  });
});
