// Text that leaves the console's server (error messages, cluster URLs) passes through here, so a
// credential that found its way into a URL or an error string never reaches a browser.

const URL_USERINFO = /(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi;
const BEARER = /\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const TOKEN_PARAM = /([?&](?:token|access_token|password)=)[^&\s]+/gi;

export function redactSecrets(text: string): string {
  return text.replace(URL_USERINFO, "$1").replace(BEARER, "$1 [redacted]").replace(TOKEN_PARAM, "$1[redacted]");
}

/** A server URL for display: no user info, no query, no fragment. */
export function displayServerUrl(server: string): string {
  try {
    const url = new URL(server);
    url.username = "";
    url.password = "";
    url.search = "";
    url.hash = "";
    return url.toString().replace(/\/$/, "");
  } catch {
    return redactSecrets(server);
  }
}
