// Every route and page of the console as a concrete path, read from the app directory the way
// the console's HTTP front reads it (lib/http/route-table.ts), so a new route or page is in the
// specs that walk them all the moment it exists.

import path from "node:path";
import { type RouteEntry, scanRoutes } from "../../lib/http/route-table";

const APP = path.resolve(import.meta.dirname, "../../app");

export interface ConsolePath {
  route: RouteEntry;
  /** The route with its parameters filled in. */
  path: string;
}

/** A value for each parameter name; a name not listed here gets `x`. */
export type ParamValues = Record<string, string>;

/** Objects the embedded cluster has from its start (its seed): reads of them succeed. */
export const SEEDED: ParamValues = { cluster: "embedded", namespace: "default", name: "helloworld-go", revision: "helloworld-go-00001" };

export function consolePaths(values: ParamValues = SEEDED): ConsolePath[] {
  return scanRoutes(APP).map((route) => ({
    route,
    path: route.pattern.replace(/\[\[?(?:\.\.\.)?([^\]]+)\]\]?/g, (_m, name: string) => encodeURIComponent(values[name] ?? "x")),
  }));
}

export const apiPaths = (values?: ParamValues) => consolePaths(values).filter((p) => p.route.kind === "route");
export const pagePaths = (values?: ParamValues) => consolePaths(values).filter((p) => p.route.kind === "page");

/** The methods that change something: what the cross-site check guards. */
export const writeMethods = (route: RouteEntry) => route.methods.filter((m) => !["GET", "HEAD", "OPTIONS"].includes(m));
