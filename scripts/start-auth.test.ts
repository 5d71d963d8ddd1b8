// `npm start` and the console server refuse to expose the kubeconfig by accident: run for real,
// they stop before building or listening, saying why. (The allowed case, loopback, is what every
// e2e run starts.)

import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");

function run(script: string, args: string[], env: Record<string, string> = {}) {
  const base: NodeJS.ProcessEnv = { ...process.env, KNATIVE_CONSOLE_EMBEDDED: "0" };
  for (const name of ["HOST", "PORT", "KNATIVE_CONSOLE_AUTH", "KNATIVE_CONSOLE_PUBLIC_URL", "KNATIVE_CONSOLE_ALLOWED_HOSTS"]) delete base[name];
  const result = spawnSync(process.execPath, ["--import", "tsx", script, ...args], { cwd: ROOT, encoding: "utf8", timeout: 20_000, env: { ...base, ...env } });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("npm start", () => {
  it.each([
    ["--host 0.0.0.0", ["--host", "0.0.0.0"], {}],
    ["HOST=0.0.0.0", [], { HOST: "0.0.0.0" }],
    ["--host ::", ["--host", "::"], {}],
  ])("refuses %s in auth mode local, before building anything", (_what, args, env) => {
    const { code, output } = run("scripts/start.ts", ["--no-embedded", "--port", "3999", ...args], env);
    expect(code).toBe(2);
    expect(output).toMatch(/^Refusing to listen on .*:3999: with --auth local \(the default\) the console acts with your kubeconfig's credentials/m);
    expect(output).toContain("--allow-remote-local");
    expect(output).not.toContain("Building the console");
  });

  it.each([
    ["--auth proxy without its trusted addresses", ["--auth", "proxy"], {}, "--auth proxy needs KNATIVE_CONSOLE_PROXY_TRUSTED_ADDRESSES: "],
    ["KNATIVE_CONSOLE_AUTH=proxy without its trusted addresses", [], { KNATIVE_CONSOLE_AUTH: "proxy" }, "--auth proxy needs KNATIVE_CONSOLE_PROXY_TRUSTED_ADDRESSES: "],
    ["--auth basic", ["--auth", "basic"], {}, '--auth "basic" is not an auth mode; use one of: local, token, proxy.'],
  ])("refuses %s before building anything, naming what is missing", (_what, args, env, message) => {
    const { code, output } = run("scripts/start.ts", ["--no-embedded", ...args], env);
    expect(code).toBe(2);
    expect(output).toContain(message);
    expect(output).not.toContain("Building the console");
  });
});

describe("the console server on its own", () => {
  it("refuses a non-loopback address too, before it starts Next", () => {
    const { code, output } = run("scripts/console-server.ts", ["--host", "0.0.0.0", "--port", "3999"]);
    expect(code).toBe(2);
    expect(output).toMatch(/Refusing to listen on 0\.0\.0\.0:3999/);
  });

  it("refuses a malformed public URL, naming the setting", () => {
    const { code, output } = run("scripts/console-server.ts", ["--port", "3999"], { KNATIVE_CONSOLE_PUBLIC_URL: "console.example.com" });
    expect(code).toBe(2);
    expect(output).toContain('KNATIVE_CONSOLE_PUBLIC_URL: "console.example.com" is not a URL');
  });
});
