// `npm run test:image`: builds the console's container image from deploy/Dockerfile, then runs
// the tests of the console as deployed against containers of it, started as
// deploy/deployment.yaml starts its pods (integration/support/console-container.ts):
// integration/in-cluster-console.test.ts (token mode, the shipped roles proven enough and no
// more, two replicas as one console) and integration/proxy-console.test.ts (proxy mode).
//
//   npm run test:image [-- --base official|debian] [--tag knative-console:test]
//
// Needs a Docker engine and a client with BuildKit: one with the buildx plugin, or Debian
// docker.io's own client (DOCKER=/usr/bin/docker; it builds with BuildKit given
// DOCKER_BUILDKIT=1, which this script sets). The client is `$DOCKER`, else `docker`.
//   --base official  (default) the official node:20-bookworm-slim, from Docker Hub
//   --base debian    images made from Debian's packages by deploy/debian-base-images.sh, for a
//                    host that reaches Debian's archive but not Docker Hub
// When npm here trusts a CA file of its own (`npm config get cafile`: a TLS-intercepting proxy's,
// say), the build's `npm ci` is given it as the secret npm-ca.

import { execFileSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";

const ROOT = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { base: { type: "string", default: "official" }, tag: { type: "string", default: "knative-console:test" } } });
const DOCKER = process.env.DOCKER || "docker";
const DEBIAN_BASE = "knative-console-base";
/** deploy/Dockerfile's USER, and deploy/deployment.yaml's runAsUser and runAsGroup. */
const IMAGE_USER = "65532:65532";

const run = (file: string, args: string[], env: NodeJS.ProcessEnv = process.env) => execFileSync(file, args, { cwd: ROOT, stdio: "inherit", env });
const read = (file: string, args: string[]) => execFileSync(file, args, { cwd: ROOT, encoding: "utf8" }).trim();

function fail(message: string): never {
  console.error(`test:image: ${message}`);
  process.exit(1);
}

try {
  read(DOCKER, ["info", "--format", "{{.ServerVersion}}"]);
} catch {
  fail(`no Docker engine answers \`${DOCKER} info\` (start dockerd, or set DOCKER to a client that reaches one)`);
}

const baseArgs: string[] = [];
if (values.base === "debian") {
  console.log(`--- base images from Debian's packages (${DEBIAN_BASE}:build, ${DEBIAN_BASE}:runtime)`);
  run("bash", [path.join(ROOT, "deploy/debian-base-images.sh"), DEBIAN_BASE], { ...process.env, DOCKER });
  baseArgs.push("--build-arg", `BUILD_IMAGE=${DEBIAN_BASE}:build`, "--build-arg", `RUNTIME_IMAGE=${DEBIAN_BASE}:runtime`);
} else if (values.base !== "official") {
  fail(`--base is official or debian, not ${values.base}`);
}

const npmCa = read("npm", ["config", "get", "cafile"]);
const secretArgs = npmCa && npmCa !== "null" && npmCa !== "undefined" ? ["--secret", `id=npm-ca,src=${npmCa}`] : [];

console.log(`--- docker build -f deploy/Dockerfile -t ${values.tag} .${secretArgs.length ? ` (npm's CA file ${npmCa} as the secret npm-ca)` : ""}`);
// The host's network: a build on an engine without its own NAT (dockerd --iptables=false)
// still reaches the npm registry.
try {
  run(DOCKER, ["build", "--network", "host", "-f", "deploy/Dockerfile", ...baseArgs, ...secretArgs, "-t", values.tag, "."], { ...process.env, DOCKER_BUILDKIT: "1" });
} catch {
  fail("the image did not build (above); a client without BuildKit says so: set DOCKER to one that has it");
}

const [user, size] = read(DOCKER, ["image", "inspect", "--format", "{{.Config.User}} {{.Size}}", values.tag]).split(" ");
if (user !== IMAGE_USER) fail(`the image runs as "${user}", not ${IMAGE_USER} as deploy/deployment.yaml expects`);
console.log(`${values.tag}: ${(Number(size) / 1e6).toFixed(0)} MB, runs as ${user}`);

console.log("--- the console as deployed, from the image");
try {
  run(path.join(ROOT, "node_modules/.bin/vitest"), ["run", "integration/in-cluster-console.test.ts", "integration/proxy-console.test.ts"], { ...process.env, KNATIVE_CONSOLE_IMAGE: values.tag, DOCKER });
} catch {
  process.exit(1);
}
