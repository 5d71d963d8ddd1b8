import { describe, expect, it, vi } from "vitest";
import { memoizedJsonResponse } from "./memoized-json";

describe("memoizedJsonResponse", () => {
  it("serialises each version once and answers it as JSON every time", async () => {
    const data = { items: [{ metadata: { name: "a" } }] };
    const make = vi.fn(() => data);
    expect(await memoizedJsonResponse("v1", make).json()).toEqual(data);
    const again = memoizedJsonResponse("v1", make);
    expect(again.headers.get("content-type")).toBe("application/json");
    expect(await again.json()).toEqual(data);
    expect(make).toHaveBeenCalledOnce();
    memoizedJsonResponse("v2", make);
    expect(make).toHaveBeenCalledTimes(2);
  });
});
