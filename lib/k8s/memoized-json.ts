// A JSON answer serialised once per version of what it says. Large lists served from the watch
// cache are asked for again and again between changes (every page load, every refetch); this
// keeps the repeat cost at a lookup instead of serialising the same megabytes each time.
// (Compression stays Next's: it compresses every answer, an already encoded one included.)

import { NO_STORE } from "./route-handler";

const MAX_ENTRIES = 32;
const memo = new Map<string, Uint8Array>();

/** `key` must change whenever the data does (it names the version of the data it was made from). */
export function memoizedJsonResponse(key: string, make: () => unknown): Response {
  let body = memo.get(key);
  if (!body) {
    body = new TextEncoder().encode(JSON.stringify(make()));
    memo.set(key, body);
    if (memo.size > MAX_ENTRIES) memo.delete(memo.keys().next().value!);
  }
  return new Response(body.slice(), { headers: { ...NO_STORE, "Content-Type": "application/json" } });
}
