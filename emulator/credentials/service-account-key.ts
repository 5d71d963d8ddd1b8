// The key that signs ServiceAccount tokens, in DATA_DIR/sa.key (kubeadm's name, what
// kube-apiserver's --service-account-signing-key-file points at). Made on the first start and kept,
// so tokens issued before a restart keep working until they expire; owner-only, as every
// credential here is. A key that cannot be read is made anew, with a line saying so (the tokens
// it signed stop working).

import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { readOwnerOnlyFile, writeOwnerOnlyFile } from "./owner-only-file";

export const SERVICE_ACCOUNT_KEY_FILE = "sa.key";

export function loadOrCreateServiceAccountKey(dataDir: string): crypto.KeyObject {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, SERVICE_ACCOUNT_KEY_FILE);
  const stored = readOwnerOnlyFile(file);
  if (stored !== undefined) {
    try {
      const key = crypto.createPrivateKey(stored);
      if (key.asymmetricKeyType === "ec") return key;
    } catch {
      // made anew below
    }
    console.log(`embedded cluster: ${file} holds no usable key; writing a new one (ServiceAccount tokens issued before stop working)`);
  }
  // ES256: P-256, which kube-apiserver accepts as a service-account signing key.
  const { privateKey } = crypto.generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  writeOwnerOnlyFile(file, privateKey.export({ type: "pkcs8", format: "pem" }) as string);
  return privateKey;
}
