import { describe, expect, it } from "vitest";
import { QUANTITY_FORMAT_MESSAGE, QUANTITY_SUFFIX_MESSAGE, checkResourceQuantities, parseQuantity } from "./quantity";

describe("parseQuantity", () => {
  it("reads decimal, binary and exponent forms", () => {
    expect(parseQuantity("250m")).toEqual({ ok: true, value: 0.25 });
    expect(parseQuantity("1.5")).toEqual({ ok: true, value: 1.5 });
    expect(parseQuantity("128Mi")).toEqual({ ok: true, value: 128 * 2 ** 20 });
    expect(parseQuantity("1e3")).toEqual({ ok: true, value: 1000 });
    expect(parseQuantity("-1")).toEqual({ ok: true, value: -1 });
  });

  it("refuses what Kubernetes refuses, with its messages", () => {
    expect(parseQuantity("abc")).toEqual({ ok: false, message: QUANTITY_FORMAT_MESSAGE });
    expect(parseQuantity("1 Gi")).toEqual({ ok: false, message: QUANTITY_FORMAT_MESSAGE });
    expect(parseQuantity("")).toEqual({ ok: false, message: QUANTITY_FORMAT_MESSAGE });
    expect(parseQuantity("1Mii")).toEqual({ ok: false, message: QUANTITY_SUFFIX_MESSAGE });
  });
});

describe("checkResourceQuantities", () => {
  it("accepts requests within their limits", () => {
    expect(checkResourceQuantities({ cpu: "250m", memory: "64Mi" }, { cpu: "1", memory: "128Mi" })).toEqual([]);
  });

  it("names the request above its limit, the negative and the malformed quantity", () => {
    expect(checkResourceQuantities({ cpu: "2", memory: "-1" }, { cpu: "1", memory: "x" })).toEqual([
      { kind: "requests", resource: "memory", message: "must be greater than or equal to 0" },
      { kind: "limits", resource: "memory", message: QUANTITY_FORMAT_MESSAGE },
      { kind: "requests", resource: "cpu", message: "must be less than or equal to cpu limit of 1" },
    ]);
  });
});
