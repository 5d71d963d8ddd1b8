// scripts/console-server.ts as one plain ES module for `node`: what `npm start` runs and what the
// container image runs (inside Next's standalone output). Not under tsx: its loader thread and
// the source maps it turns on (Node then parses the map of every Next chunk it loads) cost a
// production server some 150 MB of resident memory. Next and client-node stay external, as
// node_modules has them; everything of the console's own (lib/, the front) is bundled in.

import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");

export async function bundleConsoleServer(outfile: string): Promise<void> {
  await build({
    entryPoints: [path.join(root, "scripts/console-server.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: ["next", "@kubernetes/client-node"],
    alias: { "@": root },
    // Bundled CommonJS still calls require() for Node's built-ins; ES modules have none of their own.
    banner: { js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);' },
    logLevel: "warning",
  });
}
