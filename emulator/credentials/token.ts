// The embedded cluster's bearer tokens, as kube-apiserver reads static tokens from a file
// (--token-auth-file): the admin's in DATA_DIR/token, and each seeded identity's in a file of its
// own (token-viewer, token-developer; emulator/rbac/identities.ts). Each is made on the first start
// and reused on every later one, so a kubeconfig written earlier keeps working after a restart.
// Whoever holds the admin's may do anything on the cluster, so every file is its owner's only (0600).

import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { readOwnerOnlyFile, writeOwnerOnlyFile } from "./owner-only-file";

export const TOKEN_FILE = "token";

// 256 random bits, beyond guessing; base64url keeps them to characters that an HTTP header and a
// kubeconfig take as they are (43 of them).
const TOKEN_BYTES = 32;
const WELL_FORMED = /^[A-Za-z0-9_-]{43}$/;

export function tokenPath(dataDir: string, fileName = TOKEN_FILE): string {
  return path.join(dataDir, fileName);
}

/** The data dir's token: the one stored there, or a new one when there is none usable. */
export function loadOrCreateToken(dataDir: string, fileName = TOKEN_FILE): string {
  return tokenFile(dataDir, fileName).token;
}

/**
 * The token in `fileName` (the admin's in `token`, a seeded identity's in its own file), and
 * whether it was made just now, which is how the cluster knows an identity is new to this data dir.
 */
export function tokenFile(dataDir: string, fileName = TOKEN_FILE): { token: string; created: boolean } {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = tokenPath(dataDir, fileName);
  const stored = readOwnerOnlyFile(file)?.trim();
  if (stored !== undefined && WELL_FORMED.test(stored)) return { token: stored, created: false };
  if (stored !== undefined) {
    console.log(`embedded cluster: ${file} holds no usable token; writing a new one (kubeconfigs that carry the old one stop working)`);
  }
  const token = crypto.randomBytes(TOKEN_BYTES).toString("base64url");
  writeOwnerOnlyFile(file, `${token}\n`);
  return { token, created: true };
}
