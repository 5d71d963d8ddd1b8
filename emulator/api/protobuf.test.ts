import { describe, expect, it } from "vitest";
import { create, toBinary } from "@bufbuild/protobuf";
import { ApiError } from "../core/errors";
import bodies from "./__fixtures__/kubectl-protobuf-bodies.json";
import { decodeProtobufObject } from "./protobuf";
import { ConfigMapSchema, SecretSchema, ServiceSchema } from "./proto/k8s.io/api/core/v1/generated_pb";
import { UnknownSchema } from "./proto/k8s.io/apimachinery/pkg/runtime/generated_pb";

const MAGIC = Buffer.from("k8s\0", "binary");

/** A body as client-go frames one: the prefix, then a runtime.Unknown around `raw`. */
function envelope(kind: string, raw: Uint8Array, apiVersion = "v1"): Buffer {
  const unknown = create(UnknownSchema, { typeMeta: { apiVersion, kind }, raw, contentEncoding: "", contentType: "" });
  return Buffer.concat([MAGIC, toBinary(UnknownSchema, unknown)]);
}

function refusal(body: Buffer): ApiError {
  try {
    decodeProtobufObject(body);
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error("decoded a body that should be refused");
}

describe("decodeProtobufObject", () => {
  it.each(bodies.cases.map((c) => [c.command, c] as const))("decodes what `%s` sends", (_, c) => {
    expect(decodeProtobufObject(Buffer.from(c.body, "base64"))).toEqual(c.decoded);
  });

  it("keeps a map key that is __proto__ as a key", () => {
    const raw = toBinary(ConfigMapSchema, create(ConfigMapSchema, { metadata: { name: "cm" }, data: { ["__proto__"]: "x", a: "b" } }));
    const decoded = decodeProtobufObject(envelope("ConfigMap", raw)) as { data: Record<string, string> };
    expect(Object.keys(decoded.data)).toEqual(["__proto__", "a"]);
    expect(Object.getPrototypeOf(decoded.data)).toBe(Object.prototype);
  });

  it("reads a Secret's stringData and a Service's string targetPort", () => {
    const secret = toBinary(SecretSchema, create(SecretSchema, { metadata: { name: "s" }, stringData: { token: "abc" } }));
    expect(decodeProtobufObject(envelope("Secret", secret))).toEqual({ apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, stringData: { token: "abc" } });
    const service = toBinary(ServiceSchema, create(ServiceSchema, { spec: { ports: [{ port: 80, targetPort: { type: 1n, strVal: "http" } }] } }));
    expect(decodeProtobufObject(envelope("Service", service))).toMatchObject({ spec: { ports: [{ port: 80, targetPort: "http" }] } });
  });

  it.each([
    ["no k8s prefix", Buffer.from("not protobuf"), "missing the k8s protobuf prefix"],
    ["only the prefix", MAGIC, "the envelope has no typeMeta (field 1)"],
    ["a kind kubectl does not send", envelope("Pod", new Uint8Array()), "protobuf bodies of kind Pod are not supported; send JSON"],
    ["an envelope without raw", Buffer.concat([MAGIC, Buffer.from("0a 0d 0a 02 76 31 12 07 53 65 72 76 69 63 65".replace(/ /g, ""), "hex")]), "the envelope has no raw object (field 2)"],
    ["a length past the end", Buffer.concat([MAGIC, Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01])]), "runs past the end of its message"],
    ["a group (field 5)", Buffer.concat([MAGIC, Buffer.from([0x2b, 0x2c])]), "groups are not supported"],
    ["200 KB of varint continuation bytes", Buffer.concat([MAGIC, Buffer.alloc(200_000, 0x80)]), "varint overflows 64 bits"],
    // typeMeta (field 1) sent as a varint: a lenient reader would take the varint for a length.
    ["typeMeta with a wrong wire type", Buffer.concat([MAGIC, Buffer.from([0x08, 0x00])]), "wrong wire type 0 for field k8s.io.apimachinery.pkg.runtime.Unknown.typeMeta"],
    ["a raw object whose metadata overruns it", envelope("ConfigMap", Uint8Array.from([0x0a, 0x05, 0x0a, 0x01])), "runs past the end of its message"],
    ["a map entry with a numeric value", envelope("ConfigMap", Uint8Array.from([0x12, 0x04, 0x0a, 0x00, 0x10, 0x01])), "wrong wire type 0 for value of map field data"],
  ])("refuses %s with a 400 naming the problem", (_, body, message) => {
    const err = refusal(body);
    expect(err.code).toBe(400);
    expect(err.status.reason).toBe("BadRequest");
    expect(err.status.message).toContain("could not decode the protobuf body: ");
    expect(err.status.message).toContain(message);
  });

  it("refuses random bytes after the prefix, each in time proportional to its size", () => {
    let seed = 11;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const started = performance.now();
    for (let round = 0; round < 500; round++) {
      const body = Buffer.concat([MAGIC, Buffer.from(Array.from({ length: 1 + (next() % 512) }, () => next() & 0xff))]);
      try {
        decodeProtobufObject(body);
      } catch (err) {
        expect(err).toBeInstanceOf(ApiError);
        expect((err as ApiError).code).toBe(400);
      }
    }
    // 3 MiB, the body limit, of one endless varint and of nested empty lengths.
    expect(refusal(Buffer.concat([MAGIC, Buffer.alloc(3 << 20, 0xff)])).code).toBe(400);
    expect(refusal(Buffer.concat([MAGIC, Buffer.alloc(3 << 20, 0x0a)])).code).toBe(400);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
