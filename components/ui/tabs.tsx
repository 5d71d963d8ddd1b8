"use client";

// WAI-ARIA tabs (tablist, roving focus with arrow keys, Home/End), controlled by the caller.
// Hand-written rather than Radix Tabs to stay inside the Services page's JavaScript budget.

import { type KeyboardEvent, type ReactNode, useId, useRef } from "react";
import { cn } from "./cn";

export interface TabItem<V extends string> {
  value: V;
  label: string;
  content: ReactNode;
}

const TRIGGER = "-mb-px border-b-2 px-4 py-2.5 text-[13px]";

export function Tabs<V extends string>({ label, value, onChange, items, className }: { label: string; value: V; onChange: (v: V) => void; items: TabItem<V>[]; className?: string }) {
  const base = useId();
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const index = Math.max(0, items.findIndex((i) => i.value === value));

  const onKeyDown = (e: KeyboardEvent) => {
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: items.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const target = (next + items.length) % items.length;
    refs.current[target]?.focus();
    onChange(items[target]!.value);
  };

  const active = items[index];
  return (
    <div className={className}>
      <div role="tablist" aria-label={label} className="flex border-b border-line px-2" onKeyDown={onKeyDown}>
        {items.map((item, i) => {
          const selected = i === index;
          return (
            <button
              key={item.value}
              ref={(el) => {
                refs.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`${base}-tab-${item.value}`}
              aria-selected={selected}
              aria-controls={`${base}-panel-${item.value}`}
              tabIndex={selected ? 0 : -1}
              onClick={() => onChange(item.value)}
              className={cn(TRIGGER, selected ? "border-brand font-medium text-brand" : "border-transparent text-muted hover:text-ink")}
            >
              {item.label}
            </button>
          );
        })}
      </div>
      {active ? (
        <div role="tabpanel" id={`${base}-panel-${active.value}`} aria-labelledby={`${base}-tab-${active.value}`}>
          {active.content}
        </div>
      ) : null}
    </div>
  );
}
