// `npm run emulator`: the embedded Knative cluster as a command.
//   --port N          Kubernetes API port (default 7080; 0 picks a free port)
//   --gateway-port N  ingress gateway port (default 7081; 0 picks a free port)
//   --host H          address to listen on (default 127.0.0.1)
//   --data-dir DIR    where state lives (default .data/embedded-cluster); DIR/kubeconfig is written there,
//                     carrying the bearer tokens (DIR/token for the admin, DIR/token-viewer and
//                     DIR/token-developer for the other contexts) and the API's certificate (DIR/apiserver.crt)
//   --domain D        the domain of Route URLs (default example.com)
//   --ready-delay-ms N        how long a new Revision takes to become Ready (default 1500)
//   --scale-to-zero-grace-ms N  idle time before a Revision scales to zero (default 30000)
//   --no-seed         do not create the helloworld-go sample on an empty store

import { parseArgs } from "node:util";
import { DEFAULTS, startEmbeddedCluster } from "./cluster";
import { DataDirError } from "./store/sqlite-store";

function intFlag(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`error: --${name} must be a whole number, got "${value}"`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      "gateway-port": { type: "string" },
      host: { type: "string" },
      "data-dir": { type: "string" },
      domain: { type: "string" },
      "ready-delay-ms": { type: "string" },
      "scale-to-zero-grace-ms": { type: "string" },
      "no-seed": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    console.log("usage: npm run emulator -- [--port N] [--gateway-port N] [--host H] [--data-dir DIR] [--domain D] [--ready-delay-ms N] [--scale-to-zero-grace-ms N] [--no-seed]");
    return;
  }
  const cluster = await startEmbeddedCluster({
    dataDir: values["data-dir"] ?? ".data/embedded-cluster",
    port: intFlag("port", values.port, DEFAULTS.port),
    gatewayPort: intFlag("gateway-port", values["gateway-port"], DEFAULTS.gatewayPort),
    host: values.host ?? DEFAULTS.host,
    domain: values.domain ?? DEFAULTS.domain,
    readyDelayMs: intFlag("ready-delay-ms", values["ready-delay-ms"], DEFAULTS.readyDelayMs),
    scaleToZeroGraceMs: intFlag("scale-to-zero-grace-ms", values["scale-to-zero-grace-ms"], DEFAULTS.scaleToZeroGraceMs),
    seed: !values["no-seed"],
  });
  console.log(`Kubernetes API: ${cluster.apiUrl}`);
  console.log(`Gateway:        ${cluster.gatewayUrl}`);
  console.log(`kubeconfig:     ${cluster.kubeconfig}`);
  // Where the token is, never the token: this output lands in terminals and logs.
  console.log(`token:          ${cluster.tokenFile} (the kubeconfig carries it)`);
  console.log(`contexts:       knative-local (admin), ${cluster.identities.map((i) => `${i.context} (${i.user.name})`).join(", ")}`);
  console.log(`Try: KUBECONFIG=${cluster.kubeconfig} kubectl get ksvc`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the embedded cluster`);
    cluster.stop().then(
      () => process.exit(0),
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((err) => {
  if (err instanceof DataDirError) {
    console.error(`error: ${err.message}`);
  } else if ((err as NodeJS.ErrnoException).code === "EADDRINUSE") {
    console.error(`error: ${(err as Error).message}: choose another --port/--gateway-port (0 picks a free one)`);
  } else {
    console.error(err);
  }
  process.exit(1);
});
