// The API server's TLS certificate and key, in DATA_DIR/apiserver.crt and apiserver.key (kubeadm's
// names). The API speaks only HTTPS, as kube-apiserver does, and that is what makes the token
// usable at all: kubectl (client-go) sends a kubeconfig's credentials only over TLS
// (k8s.io/client-go tools/clientcmd/client_config.go: "only try to read the auth information if
// we are secure"), so against an http:// server it would never send the token. The certificate
// is self-signed and the kubeconfig pins it as its certificate-authority-data, so clients verify
// the server instead of skipping the check.
// Kept across restarts, like the token, so kubeconfigs written earlier keep working; made anew
// when missing, damaged, near its end, or not valid for the address the server listens on.

import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { readOwnerOnlyFile, writeOwnerOnlyFile } from "./owner-only-file";
import { selfSignedCertificate } from "./x509";

export interface ServingCert {
  /** PEM; also what a client trusts (the kubeconfig's certificate-authority-data). */
  cert: string;
  key: string;
}

export const CERT_FILE = "apiserver.crt";
export const KEY_FILE = "apiserver.key";

const LIFETIME_MS = 10 * 365 * 24 * 3600_000; // kubeadm's CA lifetime
const RENEW_BEFORE_MS = 30 * 24 * 3600_000;
const CLOCK_SKEW_MS = 3600_000;

export function certPath(dataDir: string): string {
  return path.join(dataDir, CERT_FILE);
}

/** The data dir's serving certificate for `host` (the address the API server listens on). */
export function loadOrCreateServingCert(dataDir: string, host: string, now = new Date()): ServingCert {
  fs.mkdirSync(dataDir, { recursive: true });
  const hosts = certificateHosts(host);
  const certFile = certPath(dataDir);
  const keyFile = path.join(dataDir, KEY_FILE);
  const cert = readOwnerOnlyFile(certFile);
  const key = readOwnerOnlyFile(keyFile);
  if (cert !== undefined || key !== undefined) {
    const problem = unusable(cert ?? "", key ?? "", hosts, now);
    if (!problem) return { cert: cert!, key: key! };
    console.log(`embedded cluster: ${certFile} ${problem}; writing a new certificate (kubeconfigs that pin the old one stop working)`);
  }
  const issued = selfSignedCertificate({
    commonName: "knative-console embedded cluster",
    hosts,
    notBefore: new Date(now.getTime() - CLOCK_SKEW_MS),
    notAfter: new Date(now.getTime() + LIFETIME_MS),
  });
  // The key first: a certificate on disk always has its key beside it.
  writeOwnerOnlyFile(keyFile, issued.keyPem);
  writeOwnerOnlyFile(certFile, issued.certPem);
  return { cert: issued.certPem, key: issued.keyPem };
}

/** Loopback by both names, and the listening address itself when it is another. */
function certificateHosts(host: string): string[] {
  const bare = host.replace(/^\[|\]$/g, "");
  return [...new Set(["localhost", "127.0.0.1", "::1", bare])];
}

function unusable(certPem: string, keyPem: string, hosts: string[], now: Date): string | undefined {
  let cert: crypto.X509Certificate;
  try {
    cert = new crypto.X509Certificate(certPem);
    if (!cert.checkPrivateKey(crypto.createPrivateKey(keyPem))) return "does not match its key";
  } catch {
    return "or its key cannot be read";
  }
  if (Date.parse(cert.validFrom) > now.getTime()) return `is not valid before ${cert.validFrom}`;
  if (Date.parse(cert.validTo) - now.getTime() < RENEW_BEFORE_MS) return `expires ${cert.validTo}`;
  const missing = hosts.find((h) => (net.isIP(h) ? cert.checkIP(h) === undefined : cert.checkHost(h) === undefined));
  if (missing) return `is not valid for ${missing}`;
  return undefined;
}
