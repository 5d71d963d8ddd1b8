// The API server's certificate in the data dir: made once, kept, owner-only, valid for the
// addresses clients use, and made anew only when it cannot serve.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { tempDataDir } from "../testing/api-only";
import { CERT_FILE, KEY_FILE, loadOrCreateServingCert } from "./serving-cert";

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;
const quiet = () => vi.spyOn(console, "log").mockImplementation(() => undefined);

afterEach(() => {
  vi.restoreAllMocks();
});

describe("loadOrCreateServingCert", () => {
  it("writes a self-signed P-256 certificate for loopback, owner-only, that verifies itself", () => {
    const dir = tempDataDir();
    const { cert, key } = loadOrCreateServingCert(dir, "127.0.0.1");
    expect(fs.readFileSync(path.join(dir, CERT_FILE), "utf8")).toBe(cert);
    expect(fs.readFileSync(path.join(dir, KEY_FILE), "utf8")).toBe(key);
    expect(modeOf(path.join(dir, CERT_FILE))).toBe(0o600);
    expect(modeOf(path.join(dir, KEY_FILE))).toBe(0o600);

    const x509 = new crypto.X509Certificate(cert);
    expect(x509.ca).toBe(true);
    expect(x509.issuer).toBe(x509.subject);
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(x509.checkPrivateKey(crypto.createPrivateKey(key))).toBe(true);
    expect(x509.publicKey.asymmetricKeyDetails).toMatchObject({ namedCurve: "prime256v1" });
    expect(x509.subjectAltName).toBe("DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1");
    expect(x509.keyUsage).toEqual(["1.3.6.1.5.5.7.3.1"]); // extKeyUsage: serverAuth
    expect(Date.parse(x509.validTo) - Date.now()).toBeGreaterThan(9 * 365 * 24 * 3600_000);
  });

  it("is kept across starts", () => {
    const dir = tempDataDir();
    const first = loadOrCreateServingCert(dir, "127.0.0.1");
    expect(loadOrCreateServingCert(dir, "127.0.0.1")).toEqual(first);
    expect(loadOrCreateServingCert(dir, "localhost")).toEqual(first);
  });

  it("covers another listening address, and is made anew when the address changes", () => {
    const dir = tempDataDir();
    const wildcard = loadOrCreateServingCert(dir, "0.0.0.0");
    expect(new crypto.X509Certificate(wildcard.cert).checkIP("0.0.0.0")).toBe("0.0.0.0");
    const log = quiet();
    const lan = loadOrCreateServingCert(dir, "192.0.2.7");
    expect(lan.cert).not.toBe(wildcard.cert);
    expect(new crypto.X509Certificate(lan.cert).checkIP("192.0.2.7")).toBe("192.0.2.7");
    expect(log).toHaveBeenCalledWith(expect.stringContaining("is not valid for 192.0.2.7"));
    const v6 = loadOrCreateServingCert(dir, "[fd00::5]");
    expect(new crypto.X509Certificate(v6.cert).checkIP("fd00::5")).toBe("fd00::5");
  });

  it("is made anew a month before it expires", () => {
    const dir = tempDataDir();
    const first = loadOrCreateServingCert(dir, "127.0.0.1");
    const nearTheEnd = new Date(Date.parse(new crypto.X509Certificate(first.cert).validTo) - 7 * 24 * 3600_000);
    const log = quiet();
    const renewed = loadOrCreateServingCert(dir, "127.0.0.1", nearTheEnd);
    expect(renewed.cert).not.toBe(first.cert);
    expect(log).toHaveBeenCalledWith(expect.stringContaining("expires"));
  });

  it.each([
    ["a damaged certificate", (dir: string) => fs.writeFileSync(path.join(dir, CERT_FILE), "not a certificate", { mode: 0o600 })],
    ["a missing key", (dir: string) => fs.rmSync(path.join(dir, KEY_FILE))],
    ["a key of another certificate", (dir: string) => fs.copyFileSync(path.join(tempDataDirWithCert(), KEY_FILE), path.join(dir, KEY_FILE))],
  ])("replaces %s, and says so", (_, damage) => {
    const dir = tempDataDir();
    const first = loadOrCreateServingCert(dir, "127.0.0.1");
    damage(dir);
    const log = quiet();
    const next = loadOrCreateServingCert(dir, "127.0.0.1");
    expect(next.cert).not.toBe(first.cert);
    expect(new crypto.X509Certificate(next.cert).checkPrivateKey(crypto.createPrivateKey(next.key))).toBe(true);
    expect(log).toHaveBeenCalledWith(expect.stringContaining("writing a new certificate"));
  });
});

function tempDataDirWithCert(): string {
  const dir = tempDataDir();
  loadOrCreateServingCert(dir, "127.0.0.1");
  return dir;
}
