// A new QueryClient per server request, one for the life of the browser tab (TanStack's
// App Router pattern). Live updates arrive over SSE, so data stays fresh without polling.

import { QueryClient, defaultShouldDehydrateQuery, environmentManager } from "@tanstack/react-query";
import { StatusError } from "./status";

function shouldRetry(failureCount: number, error: unknown): boolean {
  // 4xx will not change by asking again; a hiccup on the way may.
  if (error instanceof StatusError && error.code >= 400 && error.code < 500) return false;
  return failureCount < 1;
}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: shouldRetry,
        retryDelay: 500,
      },
      dehydrate: {
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
    },
  });
}

let browserClient: QueryClient | undefined;

export function getQueryClient(): QueryClient {
  if (environmentManager.isServer()) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}
