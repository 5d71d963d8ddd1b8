// The headers every response of the console carries, whatever answers it (a page, a route, a
// static file, a refusal, Next's own error), plus the Content-Security-Policy of pages.
//
// Pages get a per-request nonce (proxy.ts makes it; Next.js puts it on its own scripts, as
// https://nextjs.org/docs/app/guides/content-security-policy describes for the App Router) and
// 'strict-dynamic', so only scripts the page itself loaded may run. style-src keeps
// 'unsafe-inline': Radix's slider and tooltips and the traffic bar place and size things with
// style attributes, and sonner injects its <style> element without a nonce; a nonce in style-src
// would switch 'unsafe-inline' off for all of them. Styles cannot run code; script-src stays strict.
// Everything that is not a page (JSON, SSE, scripts, images, refusals) is never a document the
// console means to render, so its policy allows nothing at all.

/** Every response, besides its Content-Security-Policy. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  // same-origin, not no-referrer: with no-referrer a browser sends `Origin: null` on the
  // console's own writes (Fetch, "append a request Origin header"), and the cross-site check
  // refuses an opaque Origin.
  "Referrer-Policy": "same-origin",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  // The console uses none of these; nothing it embeds may ask for them either.
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};

/** The policy of anything that is not a page. */
export const NON_DOCUMENT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** A fresh, unguessable nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy of a page rendered with `nonce`. `dev` adds 'unsafe-eval', which React needs in
 * development only (to rebuild server error stacks in the browser).
 */
export function pageCsp(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
