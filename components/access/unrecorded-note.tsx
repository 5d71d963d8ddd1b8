"use client";

// Beside actions the identity may take but whose audit Events it may not write: the change
// still goes through (lib/k8s/audit-trail.ts), and the user is told it will not be recorded.

import { Hint } from "@/components/ui/tooltip";

export function UnrecordedNote({ reason }: { reason: string }) {
  return (
    <Hint content={`${reason} Changes still go through, but kubectl events will not show who made them.`}>
      <span className="self-center text-xs text-amber-800 underline decoration-dotted">Changes not recorded</span>
    </Hint>
  );
}
