"use client";

import { Check, Copy, X } from "lucide-react";
import { useState } from "react";
import { buttonClass } from "./button-styles";
import { cn } from "./cn";

type State = "idle" | "copied" | "failed";

export function CopyButton({ text, label = "Copy", className }: { text: string; label?: string; className?: string }) {
  const [state, setState] = useState<State>("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      // Clipboard access needs a secure context or permission; say so where the user looks.
      setState("failed");
    }
    setTimeout(() => setState("idle"), 1500);
  };
  const Icon = state === "copied" ? Check : state === "failed" ? X : Copy;
  return (
    <button type="button" onClick={copy} className={cn(buttonClass("secondary"), className)} aria-live="polite">
      <Icon aria-hidden className="size-3.5" />
      {state === "copied" ? "Copied" : state === "failed" ? "Copy not allowed" : label}
    </button>
  );
}
