"use client";

// A one-thumb Radix Slider in the console's look: arrow keys (Shift/Page for tens), Home/End,
// pointer drags, and role="slider" with its value on the thumb. Import it only from lazily
// loaded components (dialogs): Radix Slider is not needed on any page's first load.

import * as RadixSlider from "@radix-ui/react-slider";
import { cn } from "./cn";

export interface SliderProps {
  value: number;
  /** Every move, dragged or keyed. */
  onValueChange: (value: number) => void;
  /** The start of a pointer drag, before its first onValueChange. */
  onDragStart?: () => void;
  /** The end of a pointer drag, and every key press. */
  onDragEnd?: () => void;
  min?: number;
  max?: number;
  disabled?: boolean;
  /** The thumb's accessible name. */
  "aria-label": string;
  "aria-describedby"?: string;
  /** The filled part's colour. */
  color?: string;
  className?: string;
}

export function Slider({ value, onValueChange, onDragStart, onDragEnd, min = 0, max = 100, disabled, color, className, ...aria }: SliderProps) {
  return (
    <RadixSlider.Root
      value={[value]}
      min={min}
      max={max}
      step={1}
      disabled={disabled}
      onValueChange={([v]) => v !== undefined && onValueChange(v)}
      onValueCommit={() => onDragEnd?.()}
      onPointerDown={() => onDragStart?.()}
      onPointerUp={() => onDragEnd?.()}
      onPointerCancel={() => onDragEnd?.()}
      className={cn("relative flex h-5 w-full touch-none items-center select-none data-[disabled]:opacity-50", className)}
    >
      <RadixSlider.Track className="relative h-1.5 grow overflow-hidden rounded-full bg-slate-200">
        <RadixSlider.Range className="absolute h-full rounded-full" style={{ backgroundColor: color ?? "var(--color-brand)" }} />
      </RadixSlider.Track>
      <RadixSlider.Thumb
        {...aria}
        className="block size-3.5 rounded-full border-2 bg-white shadow-sm hover:scale-110 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand data-[disabled]:hover:scale-100"
        style={{ borderColor: color ?? "var(--color-brand)" }}
      />
    </RadixSlider.Root>
  );
}
