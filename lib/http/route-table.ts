// Which methods each path of the console answers, read from the app directory the way Next.js
// routes it: a `route.ts` answers the methods it exports (HEAD with GET, OPTIONS always, as
// Next's autoImplementMethods does), a page answers GET and HEAD. Read from the files, so a new
// route is covered the moment it exists; lib/http/route-table.test.ts checks the reading against
// the modules' real exports.
//
// The console has no Server Actions (they would POST to pages); adding one means allowing POST
// for pages here.

import fs from "node:fs";
import path from "node:path";

export const HTTP_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"] as const;
const EXPORTABLE = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
export const PAGE_METHODS = ["GET", "HEAD", "OPTIONS"];

export type Segment = { kind: "static"; value: string } | { kind: "dynamic" } | { kind: "catch-all"; optional: boolean };

export interface RouteEntry {
  /** The route as Next.js names it: `/api/clusters/[cluster]/events`. */
  pattern: string;
  kind: "route" | "page";
  /** Sorted, as an Allow header lists them. */
  methods: string[];
  segments: Segment[];
  /** The file that makes it. */
  file: string;
}

const ROUTE_FILE = /^route\.(ts|tsx|js|jsx|mjs)$/;
const PAGE_FILE = /^page\.(ts|tsx|js|jsx|mdx)$/;

/** The HTTP methods a route module's source exports, by any of the ways TypeScript can export a name. */
export function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  const declared = /export\s+(?:async\s+)?(?:function\s*\*?|const|let|var)\s+([A-Z]+)\b/g;
  for (const m of source.matchAll(declared)) found.add(m[1]!);
  // export { GET, handler as POST } and export const { GET, POST } = …
  const lists = /export\s+(?:(?:const|let|var)\s*)?\{([^}]*)\}/g;
  for (const m of source.matchAll(lists)) {
    for (const item of m[1]!.split(",")) {
      const name = item.trim().split(/\s+as\s+|\s*:\s*/).pop()?.trim();
      if (name) found.add(name);
    }
  }
  return [...found].filter((n) => EXPORTABLE.has(n));
}

function withImplied(methods: string[]): string[] {
  const all = new Set([...methods, "OPTIONS"]);
  if (all.has("GET")) all.add("HEAD");
  return [...all].sort();
}

function parseSegment(dir: string): Segment | null | "skip" {
  if (/^\(.*\)$/.test(dir) && !/^\(\.+\)/.test(dir)) return null; // a route group: not in the URL
  if (dir.startsWith("_") || dir.startsWith("@") || /^\(\.+\)/.test(dir)) return "skip"; // private, parallel, intercepting
  const optional = /^\[\[\.\.\.[^\]]+\]\]$/.test(dir);
  if (optional || /^\[\.\.\.[^\]]+\]$/.test(dir)) return { kind: "catch-all", optional };
  if (/^\[[^\]]+\]$/.test(dir)) return { kind: "dynamic" };
  return { kind: "static", value: dir };
}

/** Every route and page under `appDir`. */
export function scanRoutes(appDir: string): RouteEntry[] {
  const out: RouteEntry[] = [];
  const walk = (dir: string, segments: Segment[], names: string[]) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const pattern = "/" + names.join("/");
    for (const entry of entries) {
      if (entry.isFile() && ROUTE_FILE.test(entry.name)) {
        const file = path.join(dir, entry.name);
        out.push({ pattern, kind: "route", methods: withImplied(exportedMethods(fs.readFileSync(file, "utf8"))), segments, file });
      } else if (entry.isFile() && PAGE_FILE.test(entry.name)) {
        out.push({ pattern, kind: "page", methods: PAGE_METHODS, segments, file: path.join(dir, entry.name) });
      } else if (entry.isDirectory()) {
        const segment = parseSegment(entry.name);
        if (segment === "skip") continue;
        walk(path.join(dir, entry.name), segment ? [...segments, segment] : segments, segment ? [...names, entry.name] : names);
      }
    }
  };
  walk(appDir, [], []);
  return out;
}

/** How well `segments` match the path; higher is more specific (static over dynamic over catch-all), null for no match. */
function score(segments: Segment[], parts: string[]): number[] | null {
  const ranks: number[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment.kind === "catch-all") {
      if (!segment.optional && i >= parts.length) return null;
      return [...ranks, 0];
    }
    const part = parts[i];
    if (part === undefined || part === "") return null;
    if (segment.kind === "static") {
      if (part !== segment.value) return null;
      ranks.push(2);
    } else ranks.push(1);
  }
  return segments.length === parts.length ? ranks : null;
}

function moreSpecific(a: number[], b: number[]): boolean {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? -1;
    const y = b[i] ?? -1;
    if (x !== y) return x > y;
  }
  return false;
}

/** The route or page that answers `pathname` (its escapes already known to decode), if any. */
export function matchRoute(routes: RouteEntry[], pathname: string): RouteEntry | undefined {
  const parts = pathname.split("/").slice(1).map((p) => decodeURIComponent(p));
  if (parts.length > 1 && parts.at(-1) === "") parts.pop(); // a trailing slash
  let best: { entry: RouteEntry; rank: number[] } | undefined;
  for (const entry of routes) {
    const rank = score(entry.segments, parts[0] === "" && parts.length === 1 ? [] : parts);
    if (rank && (!best || moreSpecific(rank, best.rank))) best = { entry, rank };
  }
  return best?.entry;
}
