"use client";

// Hover and keyboard-focus help, drawn in a portal above the page so table overflow cannot clip
// it. Hand-written rather than Radix Tooltip (with floating-ui): the Services page has a
// first-load JavaScript budget, and this needs only "above, else below, kept on screen".

import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from "react";
import { createPortal } from "react-dom";

interface Position {
  left: number;
  top: number;
  below: boolean;
}

const GAP = 6;

export function Hint({
  content,
  children,
  focusable = true,
}: {
  content: ReactNode;
  children: ReactNode;
  /** False when the child is itself focusable (a link or button). */
  focusable?: boolean;
}) {
  const id = useId();
  const anchor = useRef<HTMLSpanElement>(null);
  const bubble = useRef<HTMLSpanElement>(null);
  const [open, setOpen] = useState(false);
  const [position, setPosition] = useState<Position | null>(null);

  const place = useCallback(() => {
    const a = anchor.current?.getBoundingClientRect();
    const b = bubble.current?.getBoundingClientRect();
    if (!a || !b) return;
    const below = a.top - b.height - GAP < 0;
    const left = Math.min(Math.max(4, a.left + a.width / 2 - b.width / 2), window.innerWidth - b.width - 4);
    setPosition({ left, top: below ? a.bottom + GAP : a.top - b.height - GAP, below });
  }, []);

  useEffect(() => {
    if (!open) return;
    const frame = requestAnimationFrame(place);
    const close = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    window.addEventListener("keydown", close);
    window.addEventListener("scroll", place, true);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("keydown", close);
      window.removeEventListener("scroll", place, true);
      setPosition(null);
    };
  }, [open, place]);

  if (content === undefined || content === null || content === "") return <>{children}</>;
  return (
    <span
      ref={anchor}
      tabIndex={focusable ? 0 : undefined}
      aria-describedby={open ? id : undefined}
      className="inline-flex max-w-full"
      onMouseEnter={() => setOpen(true)}
      onMouseLeave={() => setOpen(false)}
      onFocus={() => setOpen(true)}
      onBlur={() => setOpen(false)}
    >
      {children}
      {open
        ? createPortal(
            <span
              ref={bubble}
              id={id}
              role="tooltip"
              style={{ left: position?.left ?? 0, top: position?.top ?? 0, visibility: position ? "visible" : "hidden" }}
              className="pointer-events-none fixed z-50 w-max max-w-sm rounded bg-slate-900 px-2 py-1.5 text-xs leading-snug text-white shadow-lg"
            >
              {content}
            </span>,
            document.body,
          )
        : null}
    </span>
  );
}
