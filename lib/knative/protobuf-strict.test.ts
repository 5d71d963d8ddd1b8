// The strict walk on shapes the Stat and the Kubernetes subset do not have: map fields with
// message values, enums, repeated messages and packed repeated scalars, using the well-known
// types that ship with @bufbuild/protobuf.
import { create, toBinary } from "@bufbuild/protobuf";
import { SourceCodeInfo_LocationSchema, StructSchema, ValueSchema } from "@bufbuild/protobuf/wkt";
import { describe, expect, it } from "vitest";
import { decodeStrict, ProtobufDecodeError } from "./protobuf-strict";

const fromHex = (s: string) => Uint8Array.from(s.split(/\s+/).filter(Boolean), (b) => parseInt(b, 16));

describe("decodeStrict", () => {
  it("decodes what a conforming encoder writes", () => {
    const struct = create(StructSchema, {
      fields: {
        n: { kind: { case: "numberValue", value: 1.5 } },
        none: { kind: { case: "nullValue", value: 0 } },
        list: { kind: { case: "listValue", value: { values: [{ kind: { case: "stringValue", value: "a" } }] } } },
      },
    });
    const decoded = decodeStrict(StructSchema, toBinary(StructSchema, struct));
    expect(decoded.fields.n?.kind).toEqual({ case: "numberValue", value: 1.5 });
    expect(decoded.fields.list?.kind.case).toBe("listValue");

    const location = create(SourceCodeInfo_LocationSchema, { path: [4, 0, 2, 300], span: [1, 2, 3], leadingDetachedComments: ["x", "y"] });
    expect(decodeStrict(SourceCodeInfo_LocationSchema, toBinary(SourceCodeInfo_LocationSchema, location)).path).toEqual([4, 0, 2, 300]);
  });

  it("accepts a repeated scalar unpacked as well as packed", () => {
    // path (field 1) as two separate varints: 08 04 08 05.
    expect(decodeStrict(SourceCodeInfo_LocationSchema, fromHex("08 04 08 05")).path).toEqual([4, 5]);
  });

  it.each([
    // Struct.fields is map<string, Value>: entry field 2 must be a message.
    ["a map value of the wrong wire type", StructSchema, "0a 05 0a 01 6e 10 01", "wrong wire type 0 for value of map field fields"],
    ["a map value message that overruns its entry", StructSchema, "0a 06 0a 01 6e 12 05 11", "runs past the end of its message"],
    // Value.null_value (field 1) is an enum: a varint.
    ["an enum as a fixed64", ValueSchema, "09 00 00 00 00 00 00 00 00", "wrong wire type 1 for field google.protobuf.Value.null_value"],
    // A packed varint cut in the middle of its last element.
    ["a packed element cut short", SourceCodeInfo_LocationSchema, "0a 02 04 ac", "truncated varint"],
    ["a repeated string as a varint", SourceCodeInfo_LocationSchema, "32 01 78 30 01", "wrong wire type 0 for field google.protobuf.SourceCodeInfo.Location.leading_detached_comments"],
    ["an end-group tag", ValueSchema, "7c", "invalid wire type 4"],
    ["a tag wider than 32 bits", ValueSchema, "80 80 80 80 80 01 00", "invalid field number"],
  ] as const)("refuses %s", (_, schema, hex, message) => {
    expect(() => decodeStrict(schema, fromHex(hex))).toThrow(ProtobufDecodeError);
    expect(() => decodeStrict(schema, fromHex(hex))).toThrow(message);
  });
});
