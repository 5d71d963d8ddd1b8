"use client";

// A short confirmation after Create, while the Service page shows the new revision coming up
// in its Revision Information table by itself.

import { CheckCircle2, X } from "lucide-react";
import { useEffect } from "react";

const SHOWN_MS = 8_000;

export function CreatedNotice({ revisionName, percent, onDismiss }: { revisionName: string; percent: number; onDismiss: () => void }) {
  useEffect(() => {
    const id = setTimeout(onDismiss, SHOWN_MS);
    return () => clearTimeout(id);
  }, [revisionName, onDismiss]);
  return (
    <div role="status" className="fixed right-6 bottom-6 z-30 flex max-w-sm items-start gap-2 rounded-md border border-line bg-white px-3 py-2.5 shadow-lg">
      <CheckCircle2 aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-600" />
      <p className="min-w-0 break-words">
        Revision <span className="font-medium">{revisionName}</span> is being created with {percent} % of the traffic. It appears under Revision Information as it
        comes up.
      </p>
      <button type="button" aria-label="Dismiss" onClick={onDismiss} className="rounded p-0.5 text-muted hover:bg-slate-100 hover:text-ink">
        <X aria-hidden className="size-4" />
      </button>
    </div>
  );
}
