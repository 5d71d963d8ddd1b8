// A self-signed X.509 certificate (RFC 5280) for the API server's TLS, in DER built by hand:
// Node can make keys and check certificates but not issue them, and `npm start` needs nothing
// but Node. What it holds is what `openssl req -x509 -addext subjectAltName=…` makes: a P-256
// key, ecdsa-with-SHA256, basicConstraints CA:TRUE (so the kubeconfig can pin the certificate
// itself as its certificate-authority), keyUsage, extKeyUsage serverAuth and the subject
// alternative names that Go's and OpenSSL's hostname checks read (Go ignores the CN since 1.15).

import crypto, { type KeyObject } from "node:crypto";
import net from "node:net";

export interface SelfSignedOptions {
  commonName: string;
  /** DNS names and IP addresses the certificate is valid for. */
  hosts: string[];
  notBefore: Date;
  notAfter: Date;
}

export interface IssuedCertificate {
  certPem: string;
  keyPem: string;
}

export function selfSignedCertificate(opts: SelfSignedOptions): IssuedCertificate {
  const { privateKey, publicKey } = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
  const name = seq(set(seq(oid(OID.commonName), utf8(opts.commonName))));
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))), // v3
    integer(serialNumber()),
    seq(oid(OID.ecdsaWithSha256)),
    name, // issuer: itself
    seq(time(opts.notBefore), time(opts.notAfter)),
    name,
    publicKey.export({ type: "spki", format: "der" }),
    explicit(3, seq(...extensions(opts.hosts))),
  );
  const cert = seq(tbs, seq(oid(OID.ecdsaWithSha256)), bitString(sign(tbs, privateKey)));
  return { certPem: pem("CERTIFICATE", cert), keyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString() };
}

const OID = {
  commonName: "2.5.4.3",
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
  basicConstraints: "2.5.29.19",
  keyUsage: "2.5.29.15",
  extKeyUsage: "2.5.29.37",
  subjectAltName: "2.5.29.17",
  serverAuth: "1.3.6.1.5.5.7.3.1",
};

function extensions(hosts: string[]): Buffer[] {
  // digitalSignature (bit 0) and keyCertSign (bit 5): 1000 0100, the last two bits unused.
  const keyUsage = tlv(0x03, Buffer.from([0x02, 0x84]));
  const altNames = hosts.map((h) => (net.isIP(h) ? tlv(0x87, ipBytes(h)) : tlv(0x82, Buffer.from(h, "ascii"))));
  return [
    extension(OID.basicConstraints, true, seq(boolean(true))),
    extension(OID.keyUsage, true, keyUsage),
    extension(OID.extKeyUsage, false, seq(oid(OID.serverAuth))),
    extension(OID.subjectAltName, false, seq(...altNames)),
  ];
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return seq(oid(id), ...(critical ? [boolean(true)] : []), tlv(0x04, value));
}

function sign(tbs: Buffer, key: KeyObject): Buffer {
  return crypto.sign("sha256", tbs, { key, dsaEncoding: "der" });
}

/** 16 random bytes, positive and without a leading zero byte, as RFC 5280 §4.1.2.2 asks. */
function serialNumber(): Buffer {
  const serial = crypto.randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x40;
  return serial;
}

function ipBytes(ip: string): Buffer {
  if (net.isIPv4(ip)) return Buffer.from(ip.split(".").map(Number));
  // IPv6: expand "::" into the missing zero groups; an embedded IPv4 tail counts as two groups.
  let text = ip.toLowerCase();
  const v4Tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4Tail) {
    const [a, b, c, d] = v4Tail[1]!.split(".").map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4Tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const groups = (s: string | undefined) => (s ? s.split(":") : []);
  const known = [...groups(head), ...groups(tail)].length;
  const all = tail === undefined ? groups(head) : [...groups(head), ...Array<string>(8 - known).fill("0"), ...groups(tail)];
  return Buffer.concat(all.map((g) => Buffer.from(g.padStart(4, "0"), "hex")));
}

function pem(label: string, der: Buffer): string {
  const lines = der.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

// DER (X.690): tag, length, content.
function tlv(tag: number, content: Buffer): Buffer {
  const n = content.length;
  let length: Buffer;
  if (n < 0x80) {
    length = Buffer.from([n]);
  } else {
    const bytes: number[] = [];
    for (let rest = n; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
    length = Buffer.from([0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([Buffer.from([tag]), length, content]);
}

const seq = (...parts: Buffer[]) => tlv(0x30, Buffer.concat(parts));
const set = (...parts: Buffer[]) => tlv(0x31, Buffer.concat(parts));
const explicit = (n: number, inner: Buffer) => tlv(0xa0 | n, inner);
const boolean = (v: boolean) => tlv(0x01, Buffer.from([v ? 0xff : 0]));
const utf8 = (s: string) => tlv(0x0c, Buffer.from(s, "utf8"));
const bitString = (bytes: Buffer) => tlv(0x03, Buffer.concat([Buffer.from([0]), bytes]));

function integer(bytes: Buffer): Buffer {
  // Unsigned magnitude: a set top bit would read as negative, so a zero byte goes first.
  return tlv(0x02, bytes[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
}

function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split(".").map(Number) as [number, number, ...number[]];
  const out = [40 * a + b];
  for (const arc of rest) {
    const base128: number[] = [];
    for (let v = arc; ; v = Math.floor(v / 128)) {
      base128.unshift((v % 128) | (base128.length ? 0x80 : 0));
      if (v < 128) break;
    }
    out.push(...base128);
  }
  return tlv(0x06, Buffer.from(out));
}

/** UTCTime through 2049, GeneralizedTime after (RFC 5280 §4.1.2.5). */
function time(d: Date): Buffer {
  const iso = d.toISOString().replace(/[-:T]/g, "").slice(0, 14); // YYYYMMDDHHMMSS
  return d.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(`${iso.slice(2)}Z`)) : tlv(0x18, Buffer.from(`${iso}Z`));
}
