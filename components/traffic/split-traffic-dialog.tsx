"use client";

// The Split Traffic dialog, loaded lazily from the Service page's actions (next/dynamic), with
// everything it needs: the editor, the review, the conflict view, and the confirmation toast
// (sonner, so it costs the page nothing until the dialog is first opened).

import { useState } from "react";
import { toast, Toaster } from "sonner";
import type { ServiceDialogProps } from "@/components/services/service-actions";
import { SplitTrafficSession } from "./split-traffic-session";

export function SplitTrafficDialog(props: ServiceDialogProps) {
  // A new session for every opening, so the form starts from the Service as it is then. The
  // component itself stays mounted while closed, which keeps the toast on screen.
  const [openings, setOpenings] = useState({ open: props.open, count: 0 });
  if (openings.open !== props.open) setOpenings({ open: props.open, count: openings.count + (props.open ? 1 : 0) });

  const name = props.service.metadata.name ?? "";
  return (
    <>
      <SplitTrafficSession key={openings.count} {...props} onApplied={(summary) => toast.success(`Traffic of ${name} updated`, { description: summary })} />
      <Toaster position="bottom-right" closeButton toastOptions={{ className: "text-[13px]" }} />
    </>
  );
}
