"use client";

// Keeps an open cluster page live: one EventSource per cluster, whose messages update the React
// Query cache (lib/queries/live-cache.ts) and the connection status the banner shows.

import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import type { LiveMessage } from "@/lib/queries/api-types";
import { apiPath } from "@/lib/queries/api-client";
import { queryKeys } from "@/lib/queries/keys";
import { applyLiveMessage, replayIntoArrivingData } from "@/lib/queries/live-cache";
import { type LiveStatus, LiveStatusContext } from "./live-status";

/** EventSource gives up for good on a non-stream answer (e.g. a 502 while the server restarts). */
const REOPEN_AFTER_CLOSE_MS = 2_000;

export function LiveUpdates({ cluster, clusterName, children }: { cluster: string; clusterName: string; children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>({ clusterName, stream: "connecting" });

  useEffect(() => {
    let source: EventSource | undefined;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;
    let missedEvents = false;
    let disposed = false;

    const open = () => {
      source = new EventSource(apiPath("clusters", cluster, "events"));
      source.onopen = () => {
        // Whatever changed while we were away was not pushed to us: refetch what is shown.
        if (missedEvents) void queryClient.invalidateQueries({ queryKey: queryKeys.cluster(cluster) });
        missedEvents = false;
        setStatus((s) => ({ ...s, stream: "open" }));
      };
      source.onerror = () => {
        missedEvents = true;
        setStatus((s) => ({ ...s, stream: "reconnecting" }));
        if (source?.readyState === EventSource.CLOSED && !disposed) {
          reopenTimer = setTimeout(open, REOPEN_AFTER_CLOSE_MS);
        }
      };
      source.onmessage = (event: MessageEvent<string>) => {
        let message: LiveMessage;
        try {
          message = JSON.parse(event.data) as LiveMessage;
        } catch {
          return;
        }
        if (message.type === "health") setStatus((s) => ({ ...s, health: message }));
        applyLiveMessage(queryClient, cluster, message);
      };
    };

    open();
    const stopReplaying = replayIntoArrivingData(queryClient, cluster);
    return () => {
      disposed = true;
      clearTimeout(reopenTimer);
      source?.close();
      stopReplaying();
    };
  }, [cluster, queryClient]);

  return <LiveStatusContext value={{ ...status, clusterName }}>{children}</LiveStatusContext>;
}
