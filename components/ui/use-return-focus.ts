"use client";

// For a dialog that puts the focus on one of its fields as it opens (autoFocus): the console's
// Dialog learns where the focus came from when Radix moves it into the dialog, which Radix skips
// when the focus is already inside, so on close the focus would fall to <body>. This gives it
// back to what had it when the dialog opened (when that is still on the page).

import { useEffect, useRef, useState } from "react";

export function useReturnFocus(open: boolean): void {
  // Read during the render that opens the dialog, before Radix moves the focus into it.
  const [opener, setOpener] = useState<HTMLElement | null>(null);
  if (open && !opener && document.activeElement instanceof HTMLElement) setOpener(document.activeElement);
  if (!open && opener) setOpener(null);

  const returnTo = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (open) {
      returnTo.current = opener ?? returnTo.current;
      return;
    }
    if (returnTo.current?.isConnected) returnTo.current.focus();
    returnTo.current = null;
  }, [open, opener]);
}
