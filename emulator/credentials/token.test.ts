// The data dir's token file: made once, kept, owner-only, and replaced only when unusable.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadOrCreateToken, tokenPath } from "./token";
import { tempDataDir } from "../testing/api-only";

const WELL_FORMED = /^[A-Za-z0-9_-]{43}$/;
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

afterEach(() => {
  vi.restoreAllMocks();
});

describe("loadOrCreateToken", () => {
  it("creates a random base64url token in DATA_DIR/token, owner-only", () => {
    const dir = tempDataDir();
    const token = loadOrCreateToken(dir);
    expect(token).toMatch(WELL_FORMED);
    expect(fs.readFileSync(tokenPath(dir), "utf8")).toBe(`${token}\n`);
    expect(modeOf(tokenPath(dir))).toBe(0o600);
    expect(loadOrCreateToken(tempDataDir())).not.toBe(token);
    // Nothing but the token is left behind (no temporary file).
    expect(fs.readdirSync(dir)).toEqual(["token"]);
  });

  it("reuses the stored token on later starts", () => {
    const dir = tempDataDir();
    const token = loadOrCreateToken(dir);
    expect(loadOrCreateToken(dir)).toBe(token);
    expect(loadOrCreateToken(dir)).toBe(token);
  });

  it("creates the data dir when it does not exist yet", () => {
    const dir = path.join(tempDataDir(), "not", "yet");
    expect(loadOrCreateToken(dir)).toMatch(WELL_FORMED);
  });

  it("tightens a file others could read to 0600, and keeps its token", () => {
    const dir = tempDataDir();
    const token = loadOrCreateToken(dir);
    fs.chmodSync(tokenPath(dir), 0o644);
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    expect(loadOrCreateToken(dir)).toBe(token);
    expect(modeOf(tokenPath(dir))).toBe(0o600);
    expect(log).toHaveBeenCalledWith(expect.stringContaining("its mode is now 0600"));
  });

  it.each([
    ["empty", ""],
    ["only whitespace", "\n\n"],
    ["too short", "abc\n"],
    ["not base64url", `${"+".repeat(43)}\n`],
    ["two lines", "a".repeat(43) + "\n" + "b".repeat(43) + "\n"],
  ])("regenerates a token file that is %s, and says so", (_, content) => {
    const dir = tempDataDir();
    fs.writeFileSync(tokenPath(dir), content, { mode: 0o600 });
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const token = loadOrCreateToken(dir);
    expect(token).toMatch(WELL_FORMED);
    expect(fs.readFileSync(tokenPath(dir), "utf8")).toBe(`${token}\n`);
    expect(modeOf(tokenPath(dir))).toBe(0o600);
    expect(log).toHaveBeenCalledWith(expect.stringContaining("holds no usable token"));
    expect(loadOrCreateToken(dir)).toBe(token);
  });

  it("replaces a symlink instead of reading or chmod-ing what it points to", () => {
    const dir = tempDataDir();
    const elsewhere = path.join(tempDataDir(), "someone-elses-file");
    fs.writeFileSync(elsewhere, "a".repeat(43), { mode: 0o644 });
    fs.symlinkSync(elsewhere, tokenPath(dir));
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    const token = loadOrCreateToken(dir);
    expect(token).not.toBe("a".repeat(43));
    expect(fs.lstatSync(tokenPath(dir)).isSymbolicLink()).toBe(false);
    expect(modeOf(elsewhere)).toBe(0o644);
    expect(fs.readFileSync(elsewhere, "utf8")).toBe("a".repeat(43));
  });
});
