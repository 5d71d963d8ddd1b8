"use client";

// Moves focus to a dialog step when it appears (the review, the conflict), so keyboard and
// screen-reader users land on what changed instead of on the dialog frame.

import { type ReactNode, useEffect, useRef } from "react";

export function StepFocus({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} role="group" aria-label={label} className="outline-none">
      {children}
    </div>
  );
}
