"use client";

import { Unplug } from "lucide-react";
import { useEffect, useState } from "react";
import { useLiveStatus } from "./live-status";

/** A brief reconnect (the server's watch timeout, a dev reload) should not flash a banner. */
const STREAM_GRACE_MS = 1_000;

function useDelayedFlag(flag: boolean, delayMs: number): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!flag) return;
    const id = setTimeout(() => setShown(true), delayMs);
    return () => {
      clearTimeout(id);
      setShown(false);
    };
  }, [flag, delayMs]);
  return flag && shown;
}

/** Says when the cluster (or the console server) stops answering; goes away by itself. */
export function ConnectionBanner() {
  const status = useLiveStatus();
  const streamLost = useDelayedFlag(status?.stream === "reconnecting", STREAM_GRACE_MS);
  if (!status) return null;

  let message: string | undefined;
  if (streamLost) {
    message = "Lost the connection to the console server. Reconnecting…";
  } else if (status.health && !status.health.reachable) {
    const reason = status.health.reason ? `: ${status.health.reason}` : "";
    message = `The cluster “${status.clusterName}” is not reachable${reason}. Showing the last known state; the page updates when it is back.`;
  }
  if (!message) return null;
  return (
    <div role="alert" className="mb-3 flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
      <Unplug aria-hidden className="mt-0.5 size-4 shrink-0" />
      <p>{message}</p>
    </div>
  );
}
