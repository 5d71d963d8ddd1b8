import fs from "node:fs";
import path from "node:path";

/** A token the tests look for in every page and response: it must never appear. */
export const OFFLINE_TOKEN = "e2e-never-show-this-token-4242";
export const OFFLINE_CONTEXT = "lab-offline";

/**
 * The "user's" kubeconfig during tests: one context whose cluster does not answer, so the
 * Clusters page has an unreachable cluster to explain, and a credential to keep secret.
 */
export function writeUserKubeconfig(dir: string): string {
  const file = path.join(dir, "user-kubeconfig");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    file,
    [
      "apiVersion: v1",
      "kind: Config",
      "clusters:",
      "- name: lab",
      "  cluster:",
      "    server: https://127.0.0.1:9",
      "users:",
      "- name: lab-admin",
      "  user:",
      `    token: ${OFFLINE_TOKEN}`,
      "contexts:",
      `- name: ${OFFLINE_CONTEXT}`,
      "  context: {cluster: lab, user: lab-admin}",
      `current-context: ${OFFLINE_CONTEXT}`,
      "",
    ].join("\n"),
  );
  return file;
}
