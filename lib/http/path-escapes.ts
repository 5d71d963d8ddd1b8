// A path whose percent escapes do not decode (`%ZZ`, a lone `%`, bytes that are not UTF-8) is
// the client's error. Next.js would fail to decode the route's parameters and answer a plain-text
// 500; the console answers a 400 Status that says which part is wrong, before any route runs.

/** The first path segment whose escapes do not decode, or null when all do. */
export function malformedSegment(pathname: string): string | null {
  for (const segment of pathname.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      return segment;
    }
  }
  return null;
}
