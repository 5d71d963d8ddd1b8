"use client";

import { Badge } from "@/components/ui/badge";
import { Hint } from "@/components/ui/tooltip";
import { useLiveStatus } from "./live-status";

/** Live / Offline / Connecting next to the cluster's name in the top bar. */
export function ClusterIndicator() {
  const status = useLiveStatus();
  if (!status) return null;
  if (status.health && !status.health.reachable) {
    return (
      <Hint content={status.health.reason}>
        <Badge tone="danger">Offline</Badge>
      </Hint>
    );
  }
  if (status.stream === "open" && status.health?.reachable) {
    return (
      <Hint content="Changes in the cluster appear on this page as they happen.">
        <Badge tone="success">Live</Badge>
      </Hint>
    );
  }
  return <Badge tone="neutral">Connecting</Badge>;
}
