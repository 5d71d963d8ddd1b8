// Runs before every page: gives it a Content-Security-Policy with a fresh nonce, which Next.js
// reads from the request and puts on its own scripts (lib/http/security-headers.ts). Everything
// else about a request (its Host, escapes, method, origin) the console's HTTP front decides
// before Next sees it (lib/http/console-front.ts).

import { type NextRequest, NextResponse } from "next/server";
import { newNonce, pageCsp } from "@/lib/http/security-headers";

export function proxy(request: NextRequest) {
  const csp = pageCsp(newNonce(), process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

// Pages only: API answers, static files and the icon are never documents with scripts, and keep
// the front's policy that allows nothing.
export const config = { matcher: "/((?!api/|api$|_next/static/|_next/image|icon.svg|favicon.ico).*)" };
