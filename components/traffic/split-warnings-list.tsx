// The model's plain-language warnings about a split the webhook accepts but that may surprise:
// new revisions getting no traffic, targets dropped, targets the Route cannot resolve. They never
// block OK.

import { AlertTriangle } from "lucide-react";
import type { SplitWarning } from "@/lib/knative/split-warnings";

export function SplitWarningsList({ warnings }: { warnings: SplitWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <ul aria-label="Warnings" className="flex flex-col gap-1 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-[13px] text-amber-900">
      {warnings.map((w) => (
        <li key={`${w.code}-${w.rowId ?? ""}`} className="flex items-start gap-2">
          <AlertTriangle aria-hidden className="mt-0.5 size-3.5 shrink-0 text-amber-600" />
          <span className="break-words">{w.message}</span>
        </li>
      ))}
    </ul>
  );
}
