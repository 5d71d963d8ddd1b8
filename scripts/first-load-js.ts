// The first-load JavaScript of an app route, read from the production build on disk (.next), no
// server and no browser: Next's runtime and React (build-manifest.json's rootMainFiles, on every
// page) plus the chunks the route's client reference manifest names for its page and for the
// layouts and boundaries (loading, error) of the segments above it — the scripts the HTML of that
// page makes the browser fetch. Each is gzipped here at zlib level 6, the level of
// `next start`'s own compression. Shared by scripts/check-bundle-budgets.ts and
// bench/console-bundle.ts, which also loads the pages in Chromium and matches what it fetched
// against these lists.
//
// Not seen from disk: chunks a page imports lazily (next/dynamic, import()). They are fetched only
// when the code asks for them, so they count when that happens during the load; the bench sees
// that, this file cannot.

import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export const ROOT = path.resolve(import.meta.dirname, "..");
export const NEXT_DIR = path.join(ROOT, ".next");

export const gzipSize = (body: Buffer) => gzipSync(body, { level: 6 }).length;

interface RscManifest {
  entryJSFiles: Record<string, string[]>;
}

/** Thrown when .next does not hold what a measurement needs; its message says what to do. */
export class MissingBuildError extends Error {}

/** The client reference manifest of an app route, as `.next/server/app/…/page_client-reference-manifest.js` defines it. */
function readRscManifest(file: string): RscManifest {
  const sandbox = { __RSC_MANIFEST: {} as Record<string, RscManifest> };
  new Function("globalThis", fs.readFileSync(file, "utf8"))(sandbox);
  const manifest = Object.values(sandbox.__RSC_MANIFEST)[0];
  if (!manifest?.entryJSFiles) throw new MissingBuildError(`${path.relative(ROOT, file)} has no entryJSFiles: a build by another Next.js version?`);
  return manifest;
}

/**
 * An entry as a path under the repository: Turbopack names them `[project]/app/…/page`, webpack
 * by absolute path.
 */
function entryPath(entry: string): string {
  if (entry.startsWith("[project]/")) return entry.slice("[project]/".length);
  if (entry.startsWith(`${ROOT}/`)) return entry.slice(ROOT.length + 1).replace(/\.[jt]sx?$/, "");
  return entry;
}

function readJson<T>(file: string): T {
  if (!fs.existsSync(file)) throw new MissingBuildError(`no production build: ${path.relative(ROOT, file)} is missing (run \`npx next build\`; \`npm test\` builds it in its browser-test step)`);
  return JSON.parse(fs.readFileSync(file, "utf8")) as T;
}

/** Next's runtime and React: the scripts every page loads, as paths under .next. */
export function rootMainFiles(nextDir = NEXT_DIR): string[] {
  return readJson<{ rootMainFiles: string[] }>(path.join(nextDir, "build-manifest.json")).rootMainFiles.filter((f) => f.endsWith(".js"));
}

/** Special files whose components are rendered only when a page asks for them. */
const ON_DEMAND_BOUNDARIES = new Set(["not-found", "forbidden", "unauthorized"]);

/** The chunks an app route's HTML loads, as paths under .next (`static/chunks/….js`), Next's own first. */
export function routeChunks(route: string, nextDir = NEXT_DIR): string[] {
  const framework = rootMainFiles(nextDir);
  const manifestFile = path.join(nextDir, "server", "app", ...route.split("/").filter(Boolean), "page_client-reference-manifest.js");
  if (!fs.existsSync(manifestFile)) throw new MissingBuildError(`the build has no page for ${route} (${path.relative(ROOT, manifestFile)} is missing): was the page moved? Its budget is in scripts/bundle-budgets.ts`);
  const entries = readRscManifest(manifestFile).entryJSFiles;
  const page = `app${route === "/" ? "" : route}/page`;
  const pageDir = page.slice(0, page.lastIndexOf("/") + 1);
  // The page's own entry plus the layouts and boundaries of the segments above it (and beside
  // it), but not the not-found, forbidden and unauthorized ones: Next renders those only when the
  // page calls notFound() and the like, and the HTML does not load their chunks (the bench sees
  // the root not-found's chunk named here and never fetched).
  const segments = Object.keys(entries).filter((entry) => {
    const p = entryPath(entry);
    const dir = p.slice(0, p.lastIndexOf("/") + 1);
    const file = p.slice(dir.length);
    return p === page || (p.startsWith("app/") && pageDir.startsWith(dir) && file !== "page" && !ON_DEMAND_BOUNDARIES.has(file));
  });
  if (!segments.some((entry) => entryPath(entry) === page)) throw new MissingBuildError(`${path.relative(ROOT, manifestFile)} names no entry for ${page}`);
  return [...new Set([...framework, ...segments.flatMap((entry) => entries[entry]!)])].filter((f) => f.endsWith(".js"));
}

/** For each chunk (path under .next), the app entries (pages, layouts, boundaries) of every route that names it. */
export function entriesByChunk(nextDir = NEXT_DIR): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith("_client-reference-manifest.js") ? [path.join(dir, e.name)] : []));
  for (const file of walk(path.join(nextDir, "server", "app"))) {
    for (const [entry, files] of Object.entries(readRscManifest(file).entryJSFiles)) {
      for (const f of files) {
        if (!out.has(f)) out.set(f, new Set());
        out.get(f)!.add(entryPath(entry));
      }
    }
  }
  return out;
}

export interface ChunkSize {
  /** Path under .next. */
  file: string;
  raw: number;
  gzip: number;
  /** One of Next's runtime and React's (rootMainFiles), the same on every page. */
  framework: boolean;
}

export interface FirstLoad {
  route: string;
  chunks: ChunkSize[];
  /** The sum of the chunks' gzip sizes, in bytes. */
  gzip: number;
  /** Of which Next's runtime and React. */
  frameworkGzip: number;
}

/** The route's first-load JavaScript, from the files on disk. */
export function firstLoadJs(route: string, nextDir = NEXT_DIR): FirstLoad {
  const framework = new Set(rootMainFiles(nextDir));
  const chunks = routeChunks(route, nextDir).map((file) => {
    const body = fs.readFileSync(path.join(nextDir, file));
    return { file, raw: body.length, gzip: gzipSize(body), framework: framework.has(file) };
  });
  const sum = (list: ChunkSize[]) => list.reduce((total, c) => total + c.gzip, 0);
  return { route, chunks, gzip: sum(chunks), frameworkGzip: sum(chunks.filter((c) => c.framework)) };
}
