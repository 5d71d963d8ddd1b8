"use client";

import { createContext, useContext } from "react";
import type { LiveMessage } from "@/lib/queries/api-types";

export type StreamState = "connecting" | "open" | "reconnecting";

export interface LiveStatus {
  clusterName: string;
  /** The browser's connection to the console server's event stream. */
  stream: StreamState;
  /** The console server's last word on the cluster's reachability. */
  health?: Extract<LiveMessage, { type: "health" }>;
}

export const LiveStatusContext = createContext<LiveStatus | null>(null);

/** Null outside a cluster's pages. */
export function useLiveStatus(): LiveStatus | null {
  return useContext(LiveStatusContext);
}
