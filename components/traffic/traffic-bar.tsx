"use client";

import { revisionColor } from "@/components/revisions/revision-color";
import { Hint } from "@/components/ui/tooltip";
import type { TrafficShare } from "@/lib/knative/traffic-shares";

/** A compact stacked bar of the split, each revision in its colour; the numbers on hover and for screen readers. */
export function TrafficBar({ shares, className }: { shares: TrafficShare[]; className?: string }) {
  const visible = shares.filter((s) => s.percent > 0);
  if (visible.length === 0) return <span className="text-muted">-</span>;
  const text = visible.map((s) => `${s.revisionName} ${s.percent}%`).join(", ");
  return (
    <Hint
      content={
        <ul>
          {visible.map((s) => (
            <li key={s.revisionName} className="flex items-center gap-1.5">
              <span aria-hidden className="size-2 rounded-sm" style={{ backgroundColor: revisionColor(s.revisionName) }} />
              {s.revisionName}: {s.percent}%
            </li>
          ))}
        </ul>
      }
    >
      <span role="img" aria-label={`Traffic: ${text}`} className={`flex h-2.5 w-24 overflow-hidden rounded-sm bg-slate-100 ${className ?? ""}`}>
        {visible.map((s) => (
          <span key={s.revisionName} style={{ width: `${s.percent}%`, backgroundColor: revisionColor(s.revisionName) }} />
        ))}
      </span>
    </Hint>
  );
}
