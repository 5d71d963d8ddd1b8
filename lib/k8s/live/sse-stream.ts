// Live messages as a Server-Sent Events body: a cluster's changes, or a Service's metrics. The
// browser's EventSource reconnects by itself after `retry` ms; comments every few seconds keep
// idle proxies from closing it.

import type { LiveMessage } from "@/lib/queries/api-types";

interface Subscribable<M> {
  subscribe(listener: (message: M) => void): () => void;
}

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform also keeps Next's gzip from buffering the stream.
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  "X-Accel-Buffering": "no",
} as const;

export function formatSse(message: unknown): string {
  return `data: ${JSON.stringify(message)}\n\n`;
}

/** `first` is called once the stream is open, for what a new listener must see before the live messages. */
export function liveEventStream<M = LiveMessage>(
  hub: Subscribable<M>,
  signal: AbortSignal,
  keepAliveMs = 15_000,
  first: () => M[] = () => [],
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      write("retry: 1000\n\n");
      for (const message of first()) write(formatSse(message));
      const unsubscribe = hub.subscribe((message) => write(formatSse(message)));
      const keepAlive = setInterval(() => write(": keep-alive\n\n"), keepAliveMs);
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(keepAlive);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // Already closed by the client going away.
        }
      };
      signal.addEventListener("abort", cleanup, { once: true });
    },
    cancel() {
      cleanup();
    },
  });
}
