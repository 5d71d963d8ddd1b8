import { describe, expect, it, vi } from "vitest";
import type { LiveMessage } from "@/lib/queries/api-types";
import type { LiveListener } from "./cluster-hub";
import { formatSse, liveEventStream } from "./sse-stream";

describe("liveEventStream", () => {
  it("writes the retry hint, then one data frame per message, and unsubscribes on abort", async () => {
    let listener: LiveListener | undefined;
    const unsubscribe = vi.fn();
    const hub = {
      subscribe(l: LiveListener) {
        listener = l;
        return unsubscribe;
      },
    };
    const abort = new AbortController();
    const reader = liveEventStream(hub, abort.signal).getReader();
    const decoder = new TextDecoder();
    const message: LiveMessage = { type: "resync" };

    expect(decoder.decode((await reader.read()).value)).toBe("retry: 1000\n\n");
    listener?.(message);
    expect(decoder.decode((await reader.read()).value)).toBe(formatSse(message));
    abort.abort();
    expect(unsubscribe).toHaveBeenCalledOnce();
    expect((await reader.read()).done).toBe(true);
  });

  it("frames a message as a single SSE data line", () => {
    const frame = formatSse({ type: "health", reachable: false, reason: "line1\nline2", since: "t" });
    expect(frame.split("\n").filter((l) => l.startsWith("data: "))).toHaveLength(1);
    expect(frame.endsWith("\n\n")).toBe(true);
  });
});
