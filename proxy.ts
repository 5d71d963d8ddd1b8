// Runs before every /api route: refuses paths with malformed escapes (lib/k8s/path-escapes.ts)
// and cross-site writes (lib/k8s/cross-site.ts).

import { type NextRequest, NextResponse } from "next/server";
import { crossSiteWriteProblem } from "@/lib/k8s/cross-site";
import { malformedSegment } from "@/lib/k8s/path-escapes";
import { kubeStatus } from "@/lib/queries/status";

export function proxy(request: NextRequest) {
  const malformed = malformedSegment(request.nextUrl.pathname);
  if (malformed !== null) {
    return NextResponse.json(kubeStatus(400, `The path segment ${JSON.stringify(malformed)} has a malformed percent escape.`, "BadRequest"), { status: 400 });
  }
  const problem = crossSiteWriteProblem({
    method: request.method,
    url: request.url,
    origin: request.headers.get("origin"),
    secFetchSite: request.headers.get("sec-fetch-site"),
    host: request.headers.get("host"),
  });
  if (problem) return NextResponse.json(kubeStatus(403, problem, "Forbidden"), { status: 403 });
  return NextResponse.next();
}

export const config = { matcher: "/api/:path*" };
