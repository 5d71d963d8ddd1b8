"use client";

// The console's dialog: Radix Dialog (focus trap, Escape, aria-modal, labelled by its title)
// in the console's look. Import it only from components that are themselves loaded lazily, so
// it costs nothing until a dialog is opened.

import * as RadixDialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { cn } from "./cn";

export interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  /** Buttons, right-aligned at the bottom. */
  footer?: ReactNode;
  /** Wider for tables (the split editor, the wizard). */
  size?: "md" | "lg";
  children: ReactNode;
}

export function Dialog({ open, onOpenChange, title, description, footer, size = "md", children }: DialogProps) {
  // Opened from state, not a Radix Trigger, so Radix cannot know where focus came from. It is read
  // during the render that opens the dialog, before anything in it (Radix, or a field's
  // autoFocus) takes the focus, and given back on close, as a keyboard user expects.
  const [opener, setOpener] = useState<HTMLElement | null>(null);
  if (open && !opener && typeof document !== "undefined" && document.activeElement instanceof HTMLElement) setOpener(document.activeElement);
  if (!open && opener) setOpener(null);
  const returnTo = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (opener) returnTo.current = opener;
  }, [opener]);
  // A dialog taken off the page while open (its parent unmounts it on close) gets no close event:
  // once it is gone, give the focus back if nothing else has taken it.
  useEffect(
    () => () => {
      const target = returnTo.current;
      setTimeout(() => {
        if (target?.isConnected && (document.activeElement === null || document.activeElement === document.body)) target.focus();
      }, 0);
    },
    [],
  );
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <RadixDialog.Content
          className={cn(
            "fixed left-1/2 top-[8vh] z-50 flex max-h-[84vh] w-[calc(100vw-2rem)] -translate-x-1/2 flex-col rounded-md border border-line bg-white shadow-xl focus:outline-none",
            size === "lg" ? "max-w-4xl" : "max-w-lg",
          )}
          {...(description ? {} : { "aria-describedby": undefined })}
          onCloseAutoFocus={(event) => {
            if (returnTo.current?.isConnected) {
              event.preventDefault();
              returnTo.current.focus();
            }
          }}
        >
          <div className="flex items-start justify-between gap-4 border-b border-line px-5 py-3">
            <div className="min-w-0">
              <RadixDialog.Title className="text-base font-semibold text-ink">{title}</RadixDialog.Title>
              {description ? <RadixDialog.Description className="mt-0.5 text-muted">{description}</RadixDialog.Description> : null}
            </div>
            <RadixDialog.Close aria-label="Close" className="rounded p-1 text-muted hover:bg-slate-100 hover:text-ink">
              <X className="size-4" aria-hidden />
            </RadixDialog.Close>
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4">{children}</div>
          {footer ? <div className="flex items-center justify-end gap-2 border-t border-line px-5 py-3">{footer}</div> : null}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
