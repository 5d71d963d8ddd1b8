// The query parameters of a list or watch (metav1.ListOptions), checked as kube-apiserver's
// parameter codec checks them: a value it cannot convert is a 400, never a NaN that becomes a
// timer firing at once or a page of every object.

import { ApiError } from "../core/errors";
import type { ObjectRegistry } from "../core/object-registry";

export interface ListQuery {
  watch: boolean;
  /** undefined, "" and "0" all mean "any version" (the newest). */
  resourceVersion?: number;
  limit: number;
  timeoutSeconds?: number;
  allowBookmarks: boolean;
}

// strconv.ParseBool's spellings.
const TRUE = new Set(["1", "t", "T", "TRUE", "true", "True"]);
const FALSE = new Set(["0", "f", "F", "FALSE", "false", "False"]);

function boolParam(q: URLSearchParams, name: string): boolean {
  const v = q.get(name);
  if (v === null || v === "") return false;
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  throw ApiError.badRequest(`${name}: Invalid value: ${JSON.stringify(v)}: strconv.ParseBool: parsing ${JSON.stringify(v)}: invalid syntax`);
}

/** A non-negative int64 in decimal, as strconv.ParseInt reads it, or undefined when absent. */
function countParam(q: URLSearchParams, name: string): number | undefined {
  const v = q.get(name);
  if (v === null || v === "") return undefined;
  if (!/^\+?\d+$/.test(v)) throw ApiError.badRequest(`${name}: Invalid value: ${JSON.stringify(v)}: strconv.ParseInt: parsing ${JSON.stringify(v)}: invalid syntax`);
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw ApiError.badRequest(`${name}: Invalid value: ${JSON.stringify(v)}: strconv.ParseInt: parsing ${JSON.stringify(v)}: value out of range`);
  return n;
}

export function listQuery(q: URLSearchParams): ListQuery {
  const rv = q.get("resourceVersion");
  let resourceVersion: number | undefined;
  if (rv !== null && rv !== "" && rv !== "0") {
    if (!/^\d+$/.test(rv) || !Number.isSafeInteger(Number(rv))) throw ApiError.badRequest(`invalid resource version: ${rv}`);
    resourceVersion = Number(rv);
  }
  return {
    watch: boolParam(q, "watch"),
    resourceVersion,
    limit: countParam(q, "limit") ?? 0,
    timeoutSeconds: countParam(q, "timeoutSeconds"),
    allowBookmarks: boolParam(q, "allowWatchBookmarks"),
  };
}

/** How long the watch cache waits for a version it has not reached (storage/cacher: 3 s). */
const FRESHNESS_WAIT_MS = 3_000;

/**
 * Resolves once the cluster has reached `rv`; after the wait, kube-apiserver's answer:
 * 504 Timeout "Too large resource version" with the ResourceVersionTooLarge cause
 * (k8s.io/apiserver/pkg/storage/errors.go NewTooLargeResourceVersionError).
 */
export async function waitForResourceVersion(registry: ObjectRegistry, rv: number, waitMs = FRESHNESS_WAIT_MS): Promise<void> {
  if (registry.resourceVersion() >= rv) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, waitMs);
    const unsubscribe = registry.subscribe(() => {
      if (registry.resourceVersion() >= rv) done();
    });
    function done() {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    }
  });
  const current = registry.resourceVersion();
  if (current >= rv) return;
  throw new ApiError(504, "Timeout", `Timeout: Too large resource version: ${rv}, current: ${current}`, {
    causes: [{ reason: "ResourceVersionTooLarge", message: "Too large resource version" }],
    retryAfterSeconds: 1,
  });
}
