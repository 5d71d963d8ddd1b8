// Which chunks count as a route's first load, on a small build laid out as `next build` lays out
// .next: the bench checked the rules against Chromium, this keeps them from drifting.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MissingBuildError, firstLoadJs, gzipSize, routeChunks } from "./first-load-js";

let nextDir: string;

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(nextDir, file)), { recursive: true });
  fs.writeFileSync(path.join(nextDir, file), text);
}

/** A client reference manifest as Turbopack writes it. */
function writeRouteManifest(route: string, entryJSFiles: Record<string, string[]>): void {
  const key = JSON.stringify(`${route}/page`);
  write(
    path.join("server", "app", route, "page_client-reference-manifest.js"),
    `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST[${key}] = ${JSON.stringify({ clientModules: {}, entryJSFiles })};\n`,
  );
}

beforeEach(() => {
  nextDir = fs.mkdtempSync(path.join(os.tmpdir(), "kc-first-load-"));
  write("build-manifest.json", JSON.stringify({ rootMainFiles: ["static/chunks/react.js", "static/chunks/next.js"] }));
  for (const name of ["react", "next", "layout", "error", "not-found", "cluster-layout", "loading", "page", "other-loading"]) {
    write(`static/chunks/${name}.js`, `/* ${name} */ ${"x".repeat(name.length * 100)}`);
  }
  writeRouteManifest("/clusters/[cluster]/knative", {
    "[project]/app/layout": ["static/chunks/layout.js"],
    "[project]/app/error": ["static/chunks/layout.js", "static/chunks/error.js"],
    "[project]/app/not-found": ["static/chunks/layout.js", "static/chunks/not-found.js"],
    "[project]/app/clusters/[cluster]/layout": ["static/chunks/cluster-layout.js"],
    "[project]/app/clusters/[cluster]/knative/loading": ["static/chunks/loading.js"],
    "[project]/app/clusters/[cluster]/knative/page": ["static/chunks/page.js", "static/chunks/page.css"],
    "[project]/app/clusters/(list)/loading": ["static/chunks/other-loading.js"],
  });
});

afterEach(() => fs.rmSync(nextDir, { recursive: true, force: true }));

describe("routeChunks", () => {
  it("is Next's own chunks, then the page's and those of the layouts, loading and error boundaries above it, each once", () => {
    expect(routeChunks("/clusters/[cluster]/knative", nextDir)).toEqual([
      "static/chunks/react.js",
      "static/chunks/next.js",
      "static/chunks/layout.js",
      "static/chunks/error.js",
      "static/chunks/cluster-layout.js",
      "static/chunks/loading.js",
      "static/chunks/page.js",
    ]);
  });

  it("leaves out not-found (loaded only when rendered), other routes' segments and stylesheets", () => {
    const chunks = routeChunks("/clusters/[cluster]/knative", nextDir);
    expect(chunks).not.toContain("static/chunks/not-found.js");
    expect(chunks).not.toContain("static/chunks/other-loading.js");
    expect(chunks.every((c) => c.endsWith(".js"))).toBe(true);
  });

  it("says the build is missing, and how to make it", () => {
    fs.rmSync(path.join(nextDir, "build-manifest.json"));
    expect(() => routeChunks("/clusters/[cluster]/knative", nextDir)).toThrow(MissingBuildError);
    expect(() => routeChunks("/clusters/[cluster]/knative", nextDir)).toThrow(/next build/);
  });

  it("says which route the build does not have", () => {
    expect(() => routeChunks("/clusters/[cluster]/gone", nextDir)).toThrow(/no page for \/clusters\/\[cluster\]\/gone/);
  });
});

describe("firstLoadJs", () => {
  it("sums the gzip sizes of the files on disk, Next's own apart", () => {
    const load = firstLoadJs("/clusters/[cluster]/knative", nextDir);
    const gz = (name: string) => gzipSize(fs.readFileSync(path.join(nextDir, "static", "chunks", `${name}.js`)));
    expect(load.frameworkGzip).toBe(gz("react") + gz("next"));
    expect(load.gzip).toBe(["react", "next", "layout", "error", "cluster-layout", "loading", "page"].reduce((sum, name) => sum + gz(name), 0));
  });
});
