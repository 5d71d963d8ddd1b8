// The details of a failure (a file's path, a plugin's stderr, an unexpected message) go to the
// console's own log, never to a browser; and once: a broken credential fails on every probe,
// every half second, and the log should say so once, not flood.

import { redactSecrets } from "./redact";

const seen = new Set<string>();
/** Enough for every distinct failure of a long run; past it, repeats are logged again. */
const MAX_REMEMBERED = 1_000;

/** Logs `summary: detail` unless the same line was logged before. */
export function logFailureOnce(scope: string, summary: string, detail?: string): void {
  const line = `[${scope}] ${summary}${detail ? `: ${redactSecrets(detail.trim())}` : ""}`;
  if (seen.has(line)) return;
  if (seen.size >= MAX_REMEMBERED) seen.clear();
  seen.add(line);
  console.warn(line);
}
