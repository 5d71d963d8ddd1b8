"use client";

import { Badge, type Tone } from "@/components/ui/badge";
import { Hint } from "@/components/ui/tooltip";
import type { Readiness, ReadyState } from "./readiness";

const TONE: Record<ReadyState, Tone> = { Ready: "success", Failed: "danger", "In progress": "info" };

/** The state as a badge; its reason and message on hover or keyboard focus. */
export function ReadinessBadge({ readiness, showReason }: { readiness: Readiness; showReason?: boolean }) {
  const detail = [readiness.reason, readiness.message].filter(Boolean).join(": ");
  return (
    <Hint content={detail || undefined}>
      <span className="inline-flex items-center gap-2">
        <Badge tone={TONE[readiness.state]}>{readiness.state}</Badge>
        {showReason && readiness.state !== "Ready" && readiness.reason ? <span className="text-xs text-muted">{readiness.reason}</span> : null}
      </span>
    </Hint>
  );
}
