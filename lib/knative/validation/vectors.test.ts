// The 60 validation vectors (lib/knative/__fixtures__/validation-vectors.json): each object is
// validated exactly as given (no defaulting), UPDATE vectors against their oldObject, and both
// the denial message and the warnings must match Knative byte for byte.

import { describe, expect, it } from "vitest";
import vectorsFile from "../__fixtures__/validation-vectors.json";
import { isServingKind, validateObject } from "./index";

interface Vector {
  id: string;
  kind: string;
  operation: "CREATE" | "UPDATE";
  object: unknown;
  oldObject?: unknown;
  expected: { allowed: boolean; message: string; warnings: string[] };
}

const vectors = (vectorsFile as unknown as { vectors: Vector[] }).vectors;

describe("validation vectors", () => {
  it("has all 60 vectors", () => {
    expect(vectors).toHaveLength(60);
  });

  it.each(vectors.map((v) => [v.id, v] as const))("%s", (_id, v) => {
    if (!isServingKind(v.kind)) throw new Error(`unexpected kind ${v.kind}`);
    const result = validateObject(v.kind, v.operation, v.object, v.oldObject);
    expect(result.errors?.render() ?? "").toBe(v.expected.message);
    expect(result.errors === undefined).toBe(v.expected.allowed);
    expect(result.warnings).toEqual(v.expected.warnings);
  });
});
