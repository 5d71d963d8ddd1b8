"use client";

// A whole-number box (a spinbutton) that lets the user type freely: while it has focus it shows
// what was typed, even an empty box, and reports each whole number as it is typed; on blur it
// shows the value again. Arrow keys step by 1 (Shift: 10), as a native number box does, without
// a native one's spinner arrows, wheel changes and "e" or "-" input.

import { type KeyboardEvent, useState } from "react";
import { cn } from "./cn";

export interface NumberInputProps {
  value: number;
  onValueChange: (value: number) => void;
  min?: number;
  max?: number;
  disabled?: boolean;
  invalid?: boolean;
  /** Shown after the box, e.g. "%". */
  unit?: string;
  "aria-label": string;
  "aria-describedby"?: string;
  className?: string;
}

export function NumberInput({ value, onValueChange, min = 0, max = 100, disabled, invalid, unit, className, ...aria }: NumberInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const clamp = (n: number) => Math.min(max, Math.max(min, n));

  const type = (text: string) => {
    const digits = text.replace(/\D/g, "").replace(/^0+(?=\d)/, "");
    if (digits === "") {
      // An emptied box counts as its minimum, so the total says what OK would send.
      setDraft("");
      if (value !== min) onValueChange(min);
      return;
    }
    const next = clamp(Number(digits));
    setDraft(String(next));
    onValueChange(next);
  };

  const step = (e: KeyboardEvent<HTMLInputElement>) => {
    const by = e.key === "ArrowUp" ? 1 : e.key === "ArrowDown" ? -1 : 0;
    if (by === 0) return;
    e.preventDefault();
    const next = clamp(value + by * (e.shiftKey ? 10 : 1));
    setDraft(null);
    if (next !== value) onValueChange(next);
  };

  return (
    <span className={cn("inline-flex items-center gap-1", className)}>
      <input
        type="text"
        inputMode="numeric"
        role="spinbutton"
        aria-valuenow={value}
        aria-valuemin={min}
        aria-valuemax={max}
        aria-invalid={invalid || undefined}
        autoComplete="off"
        {...aria}
        disabled={disabled}
        value={draft ?? String(value)}
        onChange={(e) => type(e.target.value)}
        onKeyDown={step}
        onBlur={() => setDraft(null)}
        className={cn(
          "w-12 rounded border bg-white px-1.5 py-0.5 text-right text-[13px] tabular-nums disabled:bg-slate-50 disabled:text-muted",
          invalid ? "border-red-400" : "border-line hover:border-slate-400",
        )}
      />
      {unit ? <span aria-hidden className="text-muted">{unit}</span> : null}
    </span>
  );
}
