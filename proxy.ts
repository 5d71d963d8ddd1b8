// Runs before every /api route: refuses cross-site writes (see lib/k8s/cross-site.ts).

import { type NextRequest, NextResponse } from "next/server";
import { crossSiteWriteProblem } from "@/lib/k8s/cross-site";
import { kubeStatus } from "@/lib/queries/status";

export function proxy(request: NextRequest) {
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
