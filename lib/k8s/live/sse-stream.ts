// A cluster's live messages as a Server-Sent Events body. The browser's EventSource reconnects
// by itself after `retry` ms; comments every few seconds keep idle proxies from closing it.

import type { LiveMessage } from "@/lib/queries/api-types";
import type { LiveListener } from "./cluster-hub";

interface Subscribable {
  subscribe(listener: LiveListener): () => void;
}

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform also keeps Next's gzip from buffering the stream.
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  "X-Accel-Buffering": "no",
} as const;

export function formatSse(message: LiveMessage): string {
  return `data: ${JSON.stringify(message)}\n\n`;
}

export function liveEventStream(hub: Subscribable, signal: AbortSignal, keepAliveMs = 15_000): ReadableStream<Uint8Array> {
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
