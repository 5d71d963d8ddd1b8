import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { KubeConfig } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { execPluginProblem, fileProblem, kubeconfigProblem, tlsMaterialProblem, unreadableBecause } from "./local-failures";

/** What client-node throws when it loads `text` as a kubeconfig. */
function loadError(text: string): unknown {
  try {
    new KubeConfig().loadFromString(text);
  } catch (err) {
    return err;
  }
  throw new Error("it loaded");
}

describe("unreadableBecause", () => {
  it.each([
    ["ENOENT", "not found"],
    ["EACCES", "permission denied"],
    ["EPERM", "permission denied"],
    ["EISDIR", "is a directory"],
    ["ENOTDIR", "a parent is not a directory"],
    ["EMFILE", "EMFILE"],
    [undefined, "cannot be read"],
    ["not a code /etc/passwd", "cannot be read"],
  ])("%s: %s", (code, words) => {
    expect(unreadableBecause(code)).toBe(words);
  });
});

describe("fileProblem", () => {
  it("reads the file as client-node would, and says why it cannot, without its path", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "file-problem-"));
    try {
      fs.writeFileSync(path.join(dir, "ok.crt"), "x");
      expect(fileProblem("client certificate file", path.join(dir, "ok.crt"))).toBeNull();
      expect(fileProblem("client certificate file", path.join(dir, "gone.crt"))).toBe("client certificate file not readable (not found)");
      expect(fileProblem("client key file", dir)).toBe("client key file not readable (is a directory)");
      expect(fileProblem("token file", path.join(dir, "ok.crt", "below"))).toBe("token file not readable (a parent is not a directory)");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("kubeconfigProblem", () => {
  it("gives the line of a YAML mistake and nothing of the lines around it", () => {
    const problem = kubeconfigProblem(loadError("users:\n- name: u\n  user:\n    token: t0p-secret\n   bad: indent\n"));
    expect(problem).toBe("kubeconfig is not valid YAML at line 5");
  });

  it("says an empty or scalar file is not a kubeconfig", () => {
    expect(kubeconfigProblem(loadError(""))).toBe("kubeconfig is empty or not a mapping");
  });
});

describe("execPluginProblem", () => {
  const plain = new Error("stderr of the plugin: secret=hunter2");
  it.each([
    [plain, { code: 1, signal: null }, "the kubeconfig's exec credential plugin failed (exit 1)"],
    [plain, { code: null, signal: "SIGKILL" as const }, "the kubeconfig's exec credential plugin failed (killed by SIGKILL)"],
    [plain, undefined, "the kubeconfig's exec credential plugin failed"],
    [Object.assign(new Error("spawn x EACCES"), { code: "EACCES", syscall: "spawn /opt/x" }), undefined, "the kubeconfig's exec credential plugin could not be started (permission denied)"],
    [new SyntaxError('Unexpected token "t0ken"'), { code: 0, signal: null }, "the kubeconfig's exec credential plugin printed no valid ExecCredential"],
  ])("%s", (err, exit, description) => {
    expect(execPluginProblem(err, exit)).toBe(description);
  });
});

describe("tlsMaterialProblem", () => {
  it("names what OpenSSL could not use, and nothing for other errors", () => {
    expect(tlsMaterialProblem({ code: "ERR_OSSL_X509_KEY_VALUES_MISMATCH" })).toBe("the client certificate does not match the client key");
    expect(tlsMaterialProblem({ code: "ERR_OSSL_SOMETHING_NEW" })).toBe("TLS cannot use a certificate or key of the kubeconfig (ERR_OSSL_SOMETHING_NEW)");
    expect(tlsMaterialProblem({ code: "ECONNREFUSED" })).toBeUndefined();
  });
});
