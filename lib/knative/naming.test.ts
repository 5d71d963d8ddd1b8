import { describe, expect, it } from "vitest";
import { md5Hex } from "./md5";
import { childName, deploymentName, revisionName } from "./naming";

describe("md5Hex", () => {
  // RFC 1321 appendix A.5 test suite.
  it.each([
    ["", "d41d8cd98f00b204e9800998ecf8427e"],
    ["a", "0cc175b9c0f1b6a831c399e269772661"],
    ["abc", "900150983cd24fb0d6963f7d28e17f72"],
    ["message digest", "f96b697d7cb7938d525a2f31aaf161d0"],
    ["abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"],
    ["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"],
    ["1234567890".repeat(8), "57edf4a22be3c955ac49da2e2107b67a"],
  ])("md5(%j)", (input, want) => {
    expect(md5Hex(input)).toBe(want);
  });
});

describe("childName", () => {
  // The table of knative.dev/pkg kmeta/names_test.go TestChildName.
  it.each([
    ["asdf", "-deployment", "asdf-deployment"],
    ["f".repeat(63), "-deployment", "ffffffffffffffffffff105d7597f637e83cc711605ac3ea4957-deployment"],
    ["f".repeat(63), "-deploy", "ffffffffffffffffffffffff105d7597f637e83cc711605ac3ea4957-deploy"],
    ["f".repeat(63), "f".repeat(63), "fffffffffffffffffffffffffffffff0502661254f13c89973cb3a83e0cbec0"],
    ["a", "f".repeat(63), "ab5cfd486935decbc0d305799f4ce4414ffffffffffffffffffffffffffffff"],
    ["b".repeat(32), "f".repeat(32), "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb329c7c81b9ab3ba71aa139066aa5625d"],
    ["aaaa", "b---a".repeat(20), "aaaa7a3f7966594e3f0849720eced8212c18b---ab---ab---ab---ab---ab"],
    ["a".repeat(17), "a.-.-.-.-.-.-.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaaaa1eb10dc911444f8434af83b7225442da"],
  ])("childName(%j, %j)", (parent, suffix, want) => {
    const got = childName(parent, suffix);
    expect(got).toBe(want);
    expect(got.length).toBeLessThanOrEqual(63);
  });

  it("keeps a name that exactly fits", () => {
    const parent = "p".repeat(57);
    expect(childName(parent, "-00001")).toBe(`${parent}-00001`);
  });
});

describe("revisionName", () => {
  it("pads the generation to five digits", () => {
    expect(revisionName("hello", 1)).toBe("hello-00001");
    expect(revisionName("hello", 42)).toBe("hello-00042");
    expect(revisionName("hello", 123456)).toBe("hello-123456");
  });

  it("hashes a configuration name too long for the suffix", () => {
    const name = "a".repeat(60);
    const got = revisionName(name, 2);
    expect(got).toBe(`${"a".repeat(25)}${md5Hex(name)}-00002`);
    expect(got).toHaveLength(63);
  });
});

describe("deploymentName", () => {
  it("appends -deployment", () => {
    expect(deploymentName("hello-00001")).toBe("hello-00001-deployment");
  });
});
