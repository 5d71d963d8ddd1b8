// A JSON answer serialised once per version of what it says. Large lists served from the watch
// cache are asked for again and again between changes (every page load, every refetch); this
// keeps the repeat cost at a lookup instead of serialising the same megabytes each time. Only
// the newest version of each answer is kept, so memory stays at one body per kind of answer.
// (Compression stays Next's: it compresses every answer, an already encoded one included.)

import { NO_STORE } from "./route-handler";

const MAX_SLOTS = 64;
const memo = new Map<string, { version: number; body: Uint8Array }>();

/** `slot` names the answer (cluster, resource, namespace); `version` changes whenever its data does. */
export function memoizedJsonResponse(slot: string, version: number, make: () => unknown): Response {
  let entry = memo.get(slot);
  if (entry?.version !== version) {
    entry = { version, body: new TextEncoder().encode(JSON.stringify(make())) };
    memo.delete(slot); // re-insert: the Map's order is then least recently made first
    memo.set(slot, entry);
    if (memo.size > MAX_SLOTS) memo.delete(memo.keys().next().value!);
  }
  return new Response(entry.body.slice(), { headers: { ...NO_STORE, "Content-Type": "application/json" } });
}
