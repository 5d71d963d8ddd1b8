// Broken credentials, for real: kubeconfig files on disk, an exec plugin that runs and fails, files
// that are missing or are directories, each context used through client-node as the routes use
// it. The cluster address is a closed port: every failure here happens before anything is sent.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Watch } from "@kubernetes/client-node";
import { type MockInstance, afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { apisFor, callOptions } from "./api-clients";
import { discoverClusters } from "./cluster-sources";
import { failureReason, toKubeStatus } from "./errors";
import { LocalCredentialError } from "./explained-kubeconfig";

const SECRET = "hunter2-exec-secret";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "explained-kubeconfig-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
// The failures are logged (once each); the log is read where a test is about it.
let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  warn = vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

function script(name: string, body: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return file;
}

/** A one-context kubeconfig file with this user (YAML flow mappings) and cluster extras. */
function contextWith(name: string, user: string, cluster = ""): string {
  const file = path.join(dir, `${name}.kubeconfig`);
  fs.writeFileSync(
    file,
    [
      "apiVersion: v1",
      "kind: Config",
      `clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"${cluster ? `, ${cluster}` : ""}}}]`,
      `users: [{name: u, user: {${user}}}]`,
      `contexts: [{name: ${name}, context: {cluster: c, user: u}}]`,
      `current-context: ${name}`,
      "",
    ].join("\n"),
  );
  return file;
}

const exec = (command: string) => `exec: {apiVersion: client.authentication.k8s.io/v1, command: "${command}", interactiveMode: Never}`;

async function failureOf(kubeconfig: string): Promise<unknown> {
  const [cluster] = discoverClusters({ KUBECONFIG: kubeconfig });
  try {
    await apisFor(cluster!).version.getCode({}, callOptions(2_000));
  } catch (err) {
    return err;
  }
  throw new Error("the request did not fail");
}

const failingPlugin = script("failing-plugin", `echo "exec failed: secret=${SECRET} ${dir}/key.pem" >&2\nexit 1`);

describe("ExplainedKubeConfig", () => {
  it.each([
    ["an exec plugin that exits 1, printing a secret and a path", exec(failingPlugin), "", "the kubeconfig's exec credential plugin failed (exit 1)"],
    ["an exec plugin that exits 3", exec(script("exit-3", "exit 3")), "", "the kubeconfig's exec credential plugin failed (exit 3)"],
    ["an exec plugin killed by a signal", exec(script("killed", "kill -TERM $$")), "", "the kubeconfig's exec credential plugin failed (killed by SIGTERM)"],
    ["an exec plugin that is not there", exec(path.join(dir, "no-such-plugin")), "", "the kubeconfig's exec credential plugin could not be started (command not found)"],
    ["an exec plugin that prints no JSON", exec(script("not-json", `echo "token ${SECRET}"`)), "", "the kubeconfig's exec credential plugin printed no valid ExecCredential"],
    ["a client certificate file that is missing", `client-certificate: ${dir}/missing.crt, client-key: ${dir}/missing.key`, "", "client certificate file not readable (not found)"],
    ["a client key that is a directory", `client-key: ${dir}`, "", "client key file not readable (is a directory)"],
    ["a certificate authority file that is missing", `token: ${SECRET}`, `certificate-authority: ${dir}/missing-ca.crt`, "certificate authority file not readable (not found)"],
    ["an http:// server without insecure-skip-tls-verify", `token: ${SECRET}`, "", null],
  ])("explains %s, with no path, stderr or secret", async (what, user, cluster, description) => {
    const file = contextWith(`ctx-${what.replace(/[^a-z0-9]+/g, "-").slice(0, 40)}`, user, cluster);
    if (description === null) {
      fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("https://127.0.0.1:1", "http://127.0.0.1:1"));
      description = "the kubeconfig names an http:// server without insecure-skip-tls-verify";
    }
    const err = await failureOf(file);
    expect(err).toBeInstanceOf(LocalCredentialError);
    expect(failureReason(err)).toBe(description);
    const status = toKubeStatus(err);
    expect(status).toMatchObject({ kind: "Status", code: 503, reason: "ServiceUnavailable" });
    expect(status.message).toBe(`The console cannot use the credentials of this kubeconfig context: ${description}.`);
    expect(JSON.stringify(status)).not.toMatch(new RegExp(`${SECRET}|${dir}|\\.pem|\\.key|\\.crt`));
  });

  it("logs the details once, however often the context is used", async () => {
    const file = contextWith("logged-once", exec(script("logged", `echo "denied: ${SECRET}-2" >&2; exit 1`)));
    for (let i = 0; i < 4; i++) await failureOf(file);
    const lines = warn.mock.calls.map((c) => String(c[0])).filter((l) => l.includes(`${SECRET}-2`));
    expect(lines).toEqual([`[kubeconfig] context "logged-once": the kubeconfig's exec credential plugin failed (exit 1): denied: ${SECRET}-2`]);
  });

  it("keeps a plugin's output out of the log: it is the credential", async () => {
    await failureOf(contextWith("stdout-unlogged", exec(script("prints-token", `echo "${SECRET}-3"`))));
    expect(warn.mock.calls.map((c) => String(c[0])).join("\n")).not.toContain(`${SECRET}-3`);
    expect(warn.mock.calls.map((c) => String(c[0]))).toContain(
      `[kubeconfig] context "stdout-unlogged": the kubeconfig's exec credential plugin printed no valid ExecCredential: its output is not JSON`,
    );
  });

  it("explains a watch's failure the same way", async () => {
    const [cluster] = discoverClusters({ KUBECONFIG: contextWith("watched", exec(failingPlugin)) });
    const failure = new Watch(cluster!.kubeConfig!).watch("/api/v1/namespaces", {}, () => {}, () => {});
    await expect(failure).rejects.toBeInstanceOf(LocalCredentialError);
    await expect(failure).rejects.toHaveProperty("description", "the kubeconfig's exec credential plugin failed (exit 1)");
  });

  it("describes client-certificate data that is not PEM, which TLS finds only when it connects", async () => {
    const garbage = Buffer.from(`not a certificate ${SECRET}`).toString("base64");
    const err = await failureOf(contextWith("garbage-pem", `client-certificate-data: ${garbage}, client-key-data: ${garbage}`));
    expect(failureReason(err)).toBe("a certificate or key of the kubeconfig is not PEM");
    expect(toKubeStatus(err)).toMatchObject({ code: 503, message: "The console cannot use the credentials of this kubeconfig context: a certificate or key of the kubeconfig is not PEM." });
  });
});
