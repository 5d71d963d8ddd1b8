"use client";

// The Service page's live traffic: its own EventSource on the Service's metrics stream (not the
// cluster-wide one), open while the page shows it. The server sends its history first, so a
// reload draws the last minutes at once.

import { useEffect, useState } from "react";
import { applyMetricsMessage } from "@/lib/metrics/sample-history";
import type { MetricsMessage, MetricsSample } from "@/lib/metrics/types";
import { apiPath } from "./api-client";

export type MetricsStream = "connecting" | "open" | "reconnecting";

/** EventSource gives up for good on a non-stream answer (e.g. a 502 while the server restarts). */
const REOPEN_AFTER_CLOSE_MS = 2_000;

export function useServiceMetrics(cluster: string, namespace: string, service: string): { samples: readonly MetricsSample[]; stream: MetricsStream } {
  const [samples, setSamples] = useState<readonly MetricsSample[]>([]);
  const [stream, setStream] = useState<MetricsStream>("connecting");

  useEffect(() => {
    let source: EventSource | undefined;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;
    let disposed = false;
    const open = () => {
      source = new EventSource(apiPath("clusters", cluster, "namespaces", namespace, "services", service, "metrics"));
      source.onopen = () => setStream("open");
      source.onerror = () => {
        setStream("reconnecting");
        if (source?.readyState === EventSource.CLOSED && !disposed) reopenTimer = setTimeout(open, REOPEN_AFTER_CLOSE_MS);
      };
      source.onmessage = (event: MessageEvent<string>) => {
        let message: MetricsMessage;
        try {
          message = JSON.parse(event.data) as MetricsMessage;
        } catch {
          return;
        }
        setSamples((current) => applyMetricsMessage(current, message));
      };
    };
    open();
    return () => {
      disposed = true;
      clearTimeout(reopenTimer);
      source?.close();
    };
  }, [cluster, namespace, service]);

  return { samples, stream };
}
