import path from "node:path";
import { describe, expect, it } from "vitest";
import { HTTP_METHODS, type RouteEntry, exportedMethods, matchRoute, scanRoutes } from "./route-table";

const APP = path.resolve(import.meta.dirname, "../../app");
const routes = scanRoutes(APP);

describe("scanRoutes on the console's app directory", () => {
  it("reads, for every route file, exactly the methods its module exports", async () => {
    const files = routes.filter((r) => r.kind === "route");
    expect(files.length).toBeGreaterThan(10);
    for (const route of files) {
      const mod = (await import(route.file)) as Record<string, unknown>;
      const exported = HTTP_METHODS.filter((m) => typeof mod[m] === "function");
      const implied = new Set([...exported, "OPTIONS", ...(exported.includes("GET") ? ["HEAD"] : [])]);
      expect(route.methods, route.pattern).toEqual([...implied].sort());
    }
  });

  it("finds the pages, outside route groups", () => {
    const pages = routes.filter((r) => r.kind === "page").map((r) => r.pattern);
    expect(pages).toEqual(expect.arrayContaining(["/", "/clusters", "/clusters/[cluster]", "/clusters/[cluster]/knative/services/[namespace]/[name]/revisions/[revision]"]));
    expect(pages.some((p) => p.includes("("))).toBe(false);
  });
});

describe("matchRoute", () => {
  it("finds the route of a path, static segments before dynamic ones", () => {
    expect(matchRoute(routes, "/api/clusters")?.pattern).toBe("/api/clusters");
    expect(matchRoute(routes, "/api/clusters/embedded/services")?.pattern).toBe("/api/clusters/[cluster]/services");
    expect(matchRoute(routes, "/api/clusters/embedded/namespaces/default/services/hello/traffic")?.methods).toEqual(["OPTIONS", "PUT"]);
    expect(matchRoute(routes, "/clusters/embedded/knative/")?.pattern).toBe("/clusters/[cluster]/knative");
    expect(matchRoute(routes, "/")?.kind).toBe("page");
  });

  it("matches escaped segments by what they decode to", () => {
    expect(matchRoute(routes, "/api/%63lusters")?.pattern).toBe("/api/clusters");
  });

  it("finds nothing for paths no file answers", () => {
    expect(matchRoute(routes, "/api/nope")).toBeUndefined();
    expect(matchRoute(routes, "/api/clusters/embedded/namespaces/default/services/a/b/c")).toBeUndefined();
    expect(matchRoute(routes, "/api/clusters//services")).toBeUndefined();
  });

  it("prefers a static segment over a dynamic one and a dynamic one over a catch-all", () => {
    const a = { kind: "static" as const, value: "a" };
    const entry = (pattern: string, segments: RouteEntry["segments"]): RouteEntry => ({ pattern, kind: "route", methods: ["GET"], segments, file: "" });
    const table = [
      entry("/a/[...rest]", [a, { kind: "catch-all", optional: false }]),
      entry("/a/[x]", [a, { kind: "dynamic" }]),
      entry("/a/b", [a, { kind: "static", value: "b" }]),
    ];
    expect(matchRoute(table, "/a/b")?.pattern).toBe("/a/b");
    expect(matchRoute(table, "/a/c")?.pattern).toBe("/a/[x]");
    expect(matchRoute(table, "/a/c/d")?.pattern).toBe("/a/[...rest]");
    expect(matchRoute(table, "/a")).toBeUndefined();
  });
});

describe("exportedMethods", () => {
  it("reads every way of exporting a name, and only HTTP methods", () => {
    const source = [
      "export const dynamic = 'force-dynamic';",
      "export const GET = jsonRoute(async () => 1);",
      "export async function POST(request: Request) {}",
      "export function PATCH() {}",
      "export { remove as DELETE, helper };",
      "export const { PUT, OPTIONS: OPTIONS } = handlers;",
      "export const TRACE = 1;",
    ].join("\n");
    expect(exportedMethods(source).sort()).toEqual(["DELETE", "GET", "OPTIONS", "PATCH", "POST", "PUT"]);
  });
});
