// Makes .next/standalone a console that runs with plain `node`, as the container image does:
//   1. bundles scripts/console-server.ts (the console's HTTP front in front of Next) into one ES
//      module, console-server.mjs (./console-server-bundle.ts); Next and client-node stay
//      external, as the standalone output's node_modules has them;
//   2. copies in what Next's standalone output leaves out: .next/static (the browser's files)
//      and the app directory, from which the front reads the methods each route answers.
// Run after `next build`:  node .next/standalone/console-server.mjs --dir .next/standalone …

import fs from "node:fs";
import path from "node:path";
import { bundleConsoleServer } from "./console-server-bundle";

const root = path.resolve(import.meta.dirname, "..");
const standalone = path.join(root, ".next/standalone");
if (!fs.existsSync(path.join(standalone, ".next"))) {
  console.error('.next/standalone is missing: run `next build` first (next.config.js has output: "standalone").');
  process.exit(1);
}

await bundleConsoleServer(path.join(standalone, "console-server.mjs"));

for (const dir of [".next/static", "app"]) {
  fs.rmSync(path.join(standalone, dir), { recursive: true, force: true });
  fs.cpSync(path.join(root, dir), path.join(standalone, dir), { recursive: true });
}
console.log(`standalone console: ${path.relative(root, path.join(standalone, "console-server.mjs"))}`);
